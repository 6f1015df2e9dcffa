// Exports of emu.wasm — the contract is ABI.md (keep both in sync).
import * as L from './layout';
import * as H from './hart';
import * as S from './state';
import * as J from './jit';
import * as A from './alu';
import * as E from './exec';
import { createMachine, resetMachine, run as boardRun, step as boardStep, lastRun, nextTimerEvent } from './board';
import { csrRead, csrWrite, csrMissing } from './csr';
import {
  translate as mmuTranslate,
  xPa,
  tlbFlush,
  updateCtx,
  ACC_FETCH,
  setNoADUpdate,
} from './mmu';
import { busRead, busWrite, busErr } from './bus';
import { uartPush as uPush, uartPop as uPop } from './dev/uart';
import { bpSet, bpClear, bpClearAll, bpHitHart, wpSet, wpClear, wpHitAddr } from './debug';

export function create(ramBytes: u64, harts: i32): i32 {
  return createMachine(ramBytes, harts);
}
export function reset(): void {
  resetMachine();
}
export function ramBase(): u64 {
  return L.RAM_BASE;
}
export function ramSize(): u64 {
  return S.ramSize;
}
export function harts(): i32 {
  return S.nHarts;
}
export function hartOffset(h: i32): usize {
  return H.hartBase(h);
}
export function hartSize(): usize {
  return L.HART_SIZE;
}
export function romOffset(): usize {
  return L.ROM_OFF;
}
export function romSize(): u64 {
  return L.ROM_SIZE;
}
export function ramOffset(): usize {
  return L.RAM_OFF;
}
export function uartTxRingOffset(): usize {
  return L.UART_TX_RING;
}
export function uartRxRingOffset(): usize {
  return L.UART_RX_RING;
}
export function eventRingOffset(): usize {
  return L.EVENT_RING;
}
export function scratchOffset(): usize {
  return L.SCRATCH_OFF;
}
export function scratchSize(): usize {
  return L.SCRATCH_SIZE;
}

export function setOption(id: i32, v: u64): void {
  S.setOpt(id, v);
}
export function getOption(id: i32): u64 {
  return S.getOpt(id);
}
export function mtime(): u64 {
  return S.mtime();
}
export function setMtime(t: u64): void {
  S.setMtime(t);
}
export function flushCaches(): void {
  for (let h = 0; h < S.nHarts; h++) tlbFlush(h);
  J.jitFlushAll();
}

// ---- JIT (core/emu/jit/ translates; see jit.ts) ----
export function jitConfigure(on: i32, threshold: i32, after: u64): void {
  J.setJit(on != 0, <u32>threshold, after);
  J.jitFlushAll();
}
export function jitInstall(ha: u32, fn: u32, len: u32, bytes: u32): void {
  J.jitInstall(<usize>ha, fn, len, bytes);
}
export function jitBatchDone(): void {
  J.jitBatchDone();
}
// Drops every translation and nothing else (unlike flushCaches, TLBs stay: their state decides
// where slow paths resync, which must not depend on the JIT).
export function jitDropAll(): void {
  J.jitFlushAll();
}
export function jitMark(ha: u32, bytes: u32): i32 {
  return J.jitMark(<usize>ha, bytes) ? 1 : 0;
}
export function jitExec(h: i32, hb: u32, inst: u32, n: u64): i32 {
  return J.jitExec(h, <usize>hb, inst, n);
}
export function jitStoreHit(ha: u32, size: u32): i32 {
  return J.jitStoreHitExport(<usize>ha, size);
}
export function jitLayout(k: i32): u32 {
  return J.jitLayout(k);
}
export function jitLoad(h: i32, hb: u32, va: u64, size: i32, n: u64): u64 {
  return J.jitLoad(h, <usize>hb, va, size, n);
}
export function jitStore(h: i32, hb: u32, va: u64, size: i32, v: u64, n: u64): i32 {
  return J.jitStore(h, <usize>hb, va, size, v, n);
}
// M/B operations translated code calls rather than inlines (128-bit products, division rules)
export function jitMulh(a: u64, b: u64): u64 { return A.mulh(a, b); }
export function jitMulhsu(a: u64, b: u64): u64 { return A.mulhsu(a, b); }
export function jitMulhu(a: u64, b: u64): u64 { return A.mulhu(a, b); }
export function jitDiv(a: u64, b: u64): u64 { return A.div(a, b); }
export function jitDivu(a: u64, b: u64): u64 { return A.divu(a, b); }
export function jitRem(a: u64, b: u64): u64 { return A.rem(a, b); }
export function jitRemu(a: u64, b: u64): u64 { return A.remu(a, b); }
export function jitDivw(a: u64, b: u64): u64 { return A.divw(a, b); }
export function jitDivuw(a: u64, b: u64): u64 { return A.divuw(a, b); }
export function jitRemw(a: u64, b: u64): u64 { return A.remw(a, b); }
export function jitRemuw(a: u64, b: u64): u64 { return A.remuw(a, b); }
export function jitClmul(a: u64, b: u64): u64 { return A.clmul(a, b); }
export function jitClmulr(a: u64, b: u64): u64 { return A.clmulr(a, b); }
export function jitClmulh(a: u64, b: u64): u64 { return A.clmulh(a, b); }
export function jitOrcb(a: u64): u64 { return A.orcb(a); }
export function jitRev8(a: u64): u64 { return bswap<u64>(a); }
export function setEventMask(m: i32): void {
  S.setEventMask(m);
}

export function run(maxInsns: u64): i32 {
  return boardRun(maxInsns);
}
export function step(h: i32): i32 {
  return boardStep(h);
}
export function stopHart(): i32 {
  return bpHitHart;
}
export function lastRunInsns(): u64 {
  return lastRun;
}
export function setBreakpoint(pc: u64): i32 {
  return bpSet(pc);
}
export function clearBreakpoint(pc: u64): void {
  bpClear(pc);
}
export function clearBreakpoints(): void {
  bpClearAll();
}
export function powerState(): i32 {
  return S.powerState;
}
export function powerCode(): i32 {
  return S.powerCode;
}

function ok(h: i32): bool {
  return h >= 0 && h < S.nHarts;
}
export function getX(h: i32, i: i32): u64 {
  return ok(h) && i > 0 && i < 32 ? load<u64>(H.hartBase(h) + ((<usize>i) << 3)) : 0;
}
export function setX(h: i32, i: i32, v: u64): void {
  if (ok(h) && i > 0 && i < 32) store<u64>(H.hartBase(h) + ((<usize>i) << 3), v);
}
export function getF(h: i32, i: i32): u64 {
  return ok(h) && i >= 0 && i < 32 ? load<u64>(H.hartBase(h) + H.H_F + ((<usize>i) << 3)) : 0;
}
export function setF(h: i32, i: i32, v: u64): void {
  if (ok(h) && i >= 0 && i < 32) store<u64>(H.hartBase(h) + H.H_F + ((<usize>i) << 3), v);
}
export function getPC(h: i32): u64 {
  return ok(h) ? load<u64>(H.hartBase(h), H.H_PC) : 0;
}
export function setPC(h: i32, v: u64): void {
  if (ok(h)) store<u64>(H.hartBase(h), v & ~(<u64>1), H.H_PC);
}
export function getPriv(h: i32): i32 {
  return ok(h) ? <i32>load<u32>(H.hartBase(h), H.H_PRIV) : 0;
}
export function getVirt(h: i32): i32 {
  return ok(h) ? <i32>load<u32>(H.hartBase(h), H.H_VIRT) : 0;
}
export function setPriv(h: i32, priv: i32, virt: i32): void {
  if (!ok(h) || priv == 2 || priv < 0 || priv > 3) return;
  let hb = H.hartBase(h);
  store<u32>(hb, <u32>priv, H.H_PRIV);
  store<u32>(hb, priv != 3 && virt != 0 && S.optH ? 1 : 0, H.H_VIRT);
  updateCtx(hb);
  tlbFlush(h);
}
export function getCSR(h: i32, num: i32): u64 {
  if (!ok(h)) return 0;
  return csrRead(H.hartBase(h), (<u32>num) & 0xfff);
}
export function setCSR(h: i32, num: i32, v: u64): i32 {
  if (!ok(h)) return -1;
  return csrWrite(h, H.hartBase(h), (<u32>num) & 0xfff, v) ? 0 : -1;
}
export function csrExists(h: i32, num: i32): i32 {
  if (!ok(h)) return 0;
  csrRead(H.hartBase(h), (<u32>num) & 0xfff);
  return csrMissing ? 0 : 1;
}
export function instret(h: i32): u64 {
  return ok(h) ? load<u64>(H.hartBase(h), H.H_INSTRET) : 0;
}

let lastXlateCause: i32 = 0;
export function translate(h: i32, va: u64, acc: i32): u64 {
  if (!ok(h)) return 0xffffffffffffffff;
  let hb = H.hartBase(h);
  let priv = load<u32>(hb, H.H_PRIV);
  let virt = load<u32>(hb, H.H_VIRT) != 0;
  if (acc != ACC_FETCH) {
    let ms = load<u64>(hb, H.C_MSTATUS);
    if (priv == 3 && (ms & (1 << 17)) != 0) {
      priv = (<u32>(ms >>> 11)) & 3;
      virt = priv != 3 && (ms & ((<u64>1) << 39)) != 0;
    }
  }
  S.clearExc();
  setNoADUpdate(true);
  let okk = mmuTranslate(hb, va, acc, priv, virt, false);
  setNoADUpdate(false);
  if (!okk) {
    lastXlateCause = <i32>S.excCause;
    S.clearExc();
    return 0xffffffffffffffff;
  }
  lastXlateCause = 0;
  return xPa;
}
export function translateCause(): i32 {
  return lastXlateCause;
}
export function physRead8(pa: u64): i32 {
  let v = busRead(pa, 1);
  return busErr ? -1 : <i32>v;
}
export function physWrite8(pa: u64, v: i32): i32 {
  busWrite(pa, 1, <u64>v);
  return busErr ? -1 : 0;
}
export function uartPush(b: i32): i32 {
  return uPush(b);
}
export function uartPop(): i32 {
  return uPop();
}

export function setWatchpoint(pa: u64, len: i32, kind: i32): i32 {
  let r = wpSet(pa, len, kind);
  for (let h = 0; h < S.nHarts; h++) tlbFlush(h);
  return r;
}
export function clearWatchpoint(pa: u64): void {
  wpClear(pa);
}
export function watchHit(): u64 {
  return wpHitAddr;
}
export function nextTimer(): u64 {
  return nextTimerEvent();
}

// Calls into translated code, and the instructions they retired (since the machine was created).
export function jitRunStats(k: i32): u64 {
  return k == 0 ? E.jitCalls : E.jitInsns;
}
