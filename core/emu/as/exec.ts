// The interpreter loop: runs one hart for up to `budget` instructions. Hot state (pc, the fetch
// page cache, the data TLB context) lives in wasm locals; registers are read and written at
// fixed offsets of the hart block. Loads/stores hit the per-hart TLB inline; everything else
// (TLB misses, MMIO, CSRs, traps, atomics, FP) is a call. After anything that may change the
// translation context or interrupt state the inner loop "resyncs" (reloads the locals, checks
// interrupts).
import { hartBase, H_PC, H_INSTRET, H_WFI, C_DATACTX, C_FETCHCTX, H_SPIN_PC, H_SPIN_A, H_SPIN_B, H_SPIN_CNT, H_SPIN_BASE } from './hart';
import { tlbBase } from './mmu';
import { TLB_FETCH, TLB_LOAD, TLB_STORE, TLB_N, RVC_TABLE, RAM_OFF, JIT_TABLE, JIT_IO } from './layout';
import { jitOn, jitAfter, jitMiss, jitSlot, jitStoreCheck } from './jit';
import { excCause, excTval, excTval2, excGva, clearExc, setCur, setSliceDone, raise, powerState, nHarts, vclock } from './state';
import { fetchSlow, gFVa, gFAdd, loadSlow, storeSlow } from './memops';
import { takeTrap, pendingIrq } from './trap';
import * as A from './alu';
import { execSystem, sysStop, setSysStop } from './system';
import { execAmo } from './amo';
import { execCbo } from './cmo';
import { pushEvent, EV_BREAK } from './events';
import { execFpLoad, execFpStore, execFpOp, execFma } from './fp';
import { bpCount, isBreakpoint, bpInRange, bpSkip, clearBpSkip, setBpHit, WATCH_CAUSE } from './debug';

const TMASK: usize = <usize>(TLB_N - 1);
const SENT: u64 = 0x8000000000000000;

// Why the last slice ended early (0: budget used or resync only).
export const SLICE_WFI: i32 = 1;
export const SLICE_BREAK: i32 = 2;
export const SLICE_POWER: i32 = 3;
export const SLICE_WATCH: i32 = 4;
export let sliceEnd: i32 = 0;
// calls into translated code and the instructions they retired (JitStats)
export let jitCalls: u64 = 0;
export let jitInsns: u64 = 0;
// The last slice ended at a detected spin-wait (see SPIN_MAX).
export let sliceSpun: bool = false;

// Spin-wait detection (several harts only): a taken backward branch at the same pc, comparing the
// same two values, SPIN_MAX times in a row with no store in between is a hart polling memory
// (fw_jump's secondary harts wait for the boot hart like that, without WFI); a loop that makes
// progress (a counter, a pointer, a store) never matches. It ends its slice early, like `pause`, so the working
// harts get the time. Deterministic: it depends only on the instructions executed.
export const SPIN_MAX: i32 = 4;

@inline function X(hb: usize, r: u32): u64 {
  return load<u64>(hb + (<usize>r << 3));
}
@inline function W(hb: usize, r: u32, v: u64): void {
  if (r != 0) store<u64>(hb + (<usize>r << 3), v);
}

function trapNow(hb: usize, pc: u64): u64 {
  let c = <u64>excCause;
  clearExc();
  if (c == <u64>WATCH_CAUSE) {
    setSysStop(2); // watchpoint: stop before the access; the instruction re-executes later
    return pc;
  }
  return takeTrap(hb, c, excTval, pc, excTval2, excGva);
}

export function runSlice(h: i32, budget: u64): u64 {
  let hb = hartBase(h);
  let tl = tlbBase(h);
  let pc = load<u64>(hb, H_PC);
  let n: u64 = 0;
  // spin-wait state lives in the hart block: translated code (jit.ts) updates it the same way
  let spinBase: i32 = nHarts > 1 ? 0 : -0x7fffffff; // one hart: never yields
  store<u64>(hb, 1, H_SPIN_PC); // never a branch pc (even)
  store<i32>(hb, spinBase, H_SPIN_CNT);
  store<i32>(hb, spinBase, H_SPIN_BASE);
  sliceEnd = 0;
  sliceSpun = false;
  let bpOn = bpCount != 0; // breakpoints only change between runs: a local, not a global read
  // with breakpoints set, a block runs only if none lies in it, and blocks do not chain (a
  // chained block would not be checked)
  let jit = jitOn && vclock >= jitAfter;
  store<u32>(JIT_IO, bpOn ? 0 : 1, 8);
  let jmp = jit; // at a jump target: probe the block table
  setCur(h, hb);
  clearExc();
  while (n < budget) {
    // (re)sync: context, interrupts
    setSliceDone(n);
    let irq = pendingIrq(hb);
    if (irq != 0) {
      store<u32>(hb, 0, H_WFI);
      pc = takeTrap(hb, irq, 0, pc, 0, false);
    }
    jmp = jit; // after a trap or resync pc is often a jump target (trap vectors, returns)
    let dctx = load<u64>(hb, C_DATACTX);
    let fctx = load<u64>(hb, C_FETCHCTX);
    let fVa: u64 = pc ^ SENT;
    let fAdd: u64 = 0;
    let sync = false;
    while (n < budget) {
      if (bpOn) {
        if (isBreakpoint(pc) && !bpSkip) {
          setBpHit(h);
          pushEvent(EV_BREAK, h, pc, 0, 0);
          sliceEnd = SLICE_BREAK;
          store<u64>(hb, pc, H_PC);
          store<u64>(hb, load<u64>(hb, H_INSTRET) + n, H_INSTRET);
          setSliceDone(0); // instret and mtime read between runs must not add a stale count
          return n;
        }
        clearBpSkip();
      }
      let inst: u32 = 0;
      let slow = false;
      if (pc - fVa > 4092) {
        let te = tl + TLB_FETCH + ((<usize>(pc >>> 12) & TMASK) << 4);
        if (load<u64>(te) == ((pc >>> 12) ^ fctx) && (pc & 0xfff) <= 4092) {
          // another page that the fetch TLB holds (calls and returns across pages): no call
          fVa = pc & ~(<u64>0xfff);
          fAdd = load<u64>(te, 8);
        } else {
          inst = fetchSlow(h, hb, pc);
          if (excCause >= 0) { n++; pc = trapNow(hb, pc); break; }
          fVa = gFVa;
          fAdd = gFAdd;
          // the page is cached now (plain memory) and the instruction inside it: read it from
          // there like a hit, so a jump target reached through a TLB miss is probed too
          slow = pc - fVa > 4092;
          if (slow) jmp = false;
        }
      }
      if (!slow) {
        let ha = <usize>(pc + fAdd);
        if (jmp) {
          // a jump target in RAM: run its translated block, or count it towards translation
          jmp = false;
          if (ha >= RAM_OFF) {
            let e = JIT_TABLE + jitSlot(ha);
            if (load<u32>(e) == <u32>ha) {
              let fn = load<u32>(e, 4);
              if (fn != 0 && n + <u64>load<u32>(e, 8) <= budget && (!bpOn || !bpInRange(pc, <u64>load<u32>(e, 12)))) {
                let n0 = n;
                n = call_indirect<u64>(fn, h, hb, tl, pc, n, budget);
                pc = load<u64>(hb, H_PC);
                let st = load<u32>(JIT_IO);
                jitCalls++; jitInsns += n - n0;
                // no progress (a block further on did not fit in the budget): interpret on
                if (st == 0) { jmp = n != n0; continue; }
                if (st == 1) pc = trapNow(hb, pc);
                else if (st == 3) { sliceSpun = true; setSysStop(3); }
                break; // resync
              }
            } else jitMiss(ha);
          }
        }
        inst = load<u32>(ha);
      }
      n++;
      let ilen: u64 = 4;
      if ((inst & 3) != 3) {
        let raw = inst & 0xffff;
        inst = load<u32>(RVC_TABLE + (<usize>raw << 2));
        ilen = 2;
        if (inst == 0) { raise(2, <u64>raw); pc = trapNow(hb, pc); break; }
      }
      let rd = (inst >> 7) & 31;
      let rs1 = (inst >> 15) & 31;
      let rs2 = (inst >> 20) & 31;
      let f3 = (inst >> 12) & 7;
      switch ((inst >> 2) & 31) {
        case 0x0d: // LUI
          W(hb, rd, <u64><i64><i32>(inst & 0xfffff000));
          break;
        case 0x05: // AUIPC
          W(hb, rd, pc + <u64><i64><i32>(inst & 0xfffff000));
          break;
        case 0x1b: { // JAL
          let imm = ((<i32>inst >> 11) & 0xfff00000) | (inst & 0xff000) | ((inst >> 9) & 0x800) | ((inst >> 20) & 0x7fe);
          W(hb, rd, pc + ilen);
          pc += <u64><i64><i32>imm;
          jmp = jit;
          continue;
        }
        case 0x19: { // JALR
          let t = (X(hb, rs1) + <u64><i64>(<i32>inst >> 20)) & ~<u64>1;
          W(hb, rd, pc + ilen);
          pc = t;
          jmp = jit;
          continue;
        }
        case 0x18: { // BRANCH
          let a = X(hb, rs1), b = X(hb, rs2);
          // branchless condition (no jump table): f3>>1 = 0 eq, 2 signed lt, 3 unsigned lt;
          // f3 bit 0 negates. Signed compares flip the sign bits and compare unsigned.
          let k = f3 >> 1;
          if (k == 1) { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          let flip: u64 = k == 2 ? SENT : 0;
          let c = k == 0 ? a == b : (a ^ flip) < (b ^ flip);
          if (c != ((f3 & 1) != 0)) {
            let imm = ((<i32>inst >> 19) & 0xfffff000) | ((inst << 4) & 0x800) | ((inst >> 20) & 0x7e0) | ((inst >> 7) & 0x1e);
            if (imm < 0) {
              if (pc == load<u64>(hb, H_SPIN_PC) && a == load<u64>(hb, H_SPIN_A) && b == load<u64>(hb, H_SPIN_B)) {
                let c = load<i32>(hb, H_SPIN_CNT) + 1;
                store<i32>(hb, c, H_SPIN_CNT);
                if (c >= SPIN_MAX) {
                  sliceSpun = true;
                  setSysStop(3);
                  pc += <u64><i64><i32>imm;
                  sync = true;
                  break;
                }
              } else {
                store<u64>(hb, pc, H_SPIN_PC);
                store<u64>(hb, a, H_SPIN_A);
                store<u64>(hb, b, H_SPIN_B);
                store<i32>(hb, spinBase, H_SPIN_CNT);
              }
            }
            pc += <u64><i64><i32>imm;
            jmp = jit;
            continue;
          }
          break;
        }
        case 0x00: { // LOAD
          let va = X(hb, rs1) + <u64><i64>(<i32>inst >> 20);
          let vpn = va >>> 12;
          let e = tl + TLB_LOAD + ((<usize>vpn & TMASK) << 4);
          let v: u64 = 0;
          if (f3 == 7) { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          if (load<u64>(e) == (vpn ^ dctx) && (va & 0xfff) <= 0xff8) {
            // the 8 bytes at ha are in the page (offset <= 0xff8): load them all, then keep
            // 1/2/4/8 bytes, sign- or zero-extended, with shifts (no jump table on f3)
            let raw = load<u64>(<usize>(va + load<u64>(e, 8)));
            let sh = <u64>(64 - (8 << (f3 & 3)));
            let up = raw << sh;
            v = f3 < 4 ? <u64>(<i64>up >> <i64>sh) : up >>> sh;
          } else {
            setSliceDone(n);
            let size = 1 << (f3 & 3);
            v = loadSlow(h, hb, va, size);
            if (excCause >= 0) { pc = trapNow(hb, pc); sync = true; break; }
            if (f3 == 0) v = <u64><i64><i8>v;
            else if (f3 == 1) v = <u64><i64><i16>v;
            else if (f3 == 2) v = <u64><i64><i32>v;
          }
          W(hb, rd, v);
          break;
        }
        case 0x08: { // STORE
          let va = X(hb, rs1) + <u64><i64>(((<i32>inst >> 20) & ~31) | <i32>rd);
          let v = X(hb, rs2);
          if (f3 > 3) { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          let vpn = va >>> 12;
          let e = tl + TLB_STORE + ((<usize>vpn & TMASK) << 4);
          store<i32>(hb, spinBase, H_SPIN_CNT);
          if (load<u64>(e) == (vpn ^ dctx) && (va & 0xfff) <= 0xff8) {
            let ha = <usize>(va + load<u64>(e, 8));
            // translated code made from these bytes is dropped first (jit.ts)
            jitStoreCheck(ha, 1 << f3);
            switch (f3) {
              case 0: store<u8>(ha, <u8>v); break;
              case 1: store<u16>(ha, <u16>v); break;
              case 2: store<u32>(ha, <u32>v); break;
              default: store<u64>(ha, v); break;
            }
          } else {
            setSliceDone(n);
            storeSlow(h, hb, va, 1 << f3, v);
            if (excCause >= 0) { pc = trapNow(hb, pc); sync = true; break; }
            // MMIO may have changed interrupt lines or powered off: resync
            pc += ilen;
            sync = true;
            break;
          }
          break;
        }
        case 0x04: { // OP-IMM
          let a = X(hb, rs1);
          let imm = <u64><i64>(<i32>inst >> 20);
          if (f3 == 0) {
            // addi (li, mv, c.addi…): the most common instruction, without the jump table
            W(hb, rd, a + imm);
            break;
          }
          let v: u64;
          switch (f3) {
            case 0: v = a + imm; break;
            case 2: v = <i64>a < <i64>imm ? 1 : 0; break;
            case 3: v = a < imm ? 1 : 0; break;
            case 4: v = a ^ imm; break;
            case 6: v = a | imm; break;
            case 7: v = a & imm; break;
            case 1: {
              let f6 = inst >> 26;
              let sh = <u64>((inst >> 20) & 63);
              if (f6 == 0) v = a << sh;
              else if (f6 == 0x0a) v = a | (<u64>1 << sh);
              else if (f6 == 0x12) v = a & ~(<u64>1 << sh);
              else if (f6 == 0x1a) v = a ^ (<u64>1 << sh);
              else {
                let f12 = inst >> 20;
                if (f12 == 0x600) v = clz<u64>(a);
                else if (f12 == 0x601) v = ctz<u64>(a);
                else if (f12 == 0x602) v = popcnt<u64>(a);
                else if (f12 == 0x604) v = <u64><i64><i8>a;
                else if (f12 == 0x605) v = <u64><i64><i16>a;
                else { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; v = 0; }
              }
              break;
            }
            default: { // 5
              let f6 = inst >> 26;
              let sh = <u64>((inst >> 20) & 63);
              if (f6 == 0) v = a >>> sh;
              else if (f6 == 0x10) v = <u64>(<i64>a >> <i64>sh);
              else if (f6 == 0x12) v = (a >>> sh) & 1;
              else if (f6 == 0x18) v = rotr<u64>(a, sh);
              else {
                let f12 = inst >> 20;
                if (f12 == 0x287) v = A.orcb(a);
                else if (f12 == 0x6b8) v = bswap<u64>(a);
                else { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; v = 0; }
              }
            }
          }
          if (sync) break;
          W(hb, rd, v);
          break;
        }
        case 0x06: { // OP-IMM-32
          let a = X(hb, rs1);
          let v: u64 = 0;
          let f7 = inst >> 25;
          let sh = (inst >> 20) & 31;
          if (f3 == 0) v = A.sx32(a + <u64><i64>(<i32>inst >> 20));
          else if (f3 == 1 && f7 == 0) v = A.sx32(<u64>(<u32>a << sh));
          else if (f3 == 1 && (inst >> 26) == 0x02) v = (a & 0xffffffff) << <u64>((inst >> 20) & 63);
          else if (f3 == 1 && (inst >> 20) == 0x600) v = <u64>clz<u32>(<u32>a);
          else if (f3 == 1 && (inst >> 20) == 0x601) v = <u64>ctz<u32>(<u32>a);
          else if (f3 == 1 && (inst >> 20) == 0x602) v = <u64>popcnt<u32>(<u32>a);
          else if (f3 == 5 && f7 == 0) v = A.sx32(<u64>(<u32>a >> sh));
          else if (f3 == 5 && f7 == 0x20) v = A.sx32(<u64>(<i32>a >> sh));
          else if (f3 == 5 && f7 == 0x30) v = A.sx32(<u64>rotr<u32>(<u32>a, sh));
          else { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          W(hb, rd, v);
          break;
        }
        case 0x0c: { // OP
          let a = X(hb, rs1), b = X(hb, rs2);
          let f7 = inst >> 25;
          let v: u64 = 0;
          if ((inst & 0xfe007000) == 0) {
            W(hb, rd, a + b); // add (c.add, c.mv): no jump table
            break;
          }
          if (f7 == 0) {
            switch (f3) {
              case 0: v = a + b; break;
              case 1: v = a << (b & 63); break;
              case 2: v = <i64>a < <i64>b ? 1 : 0; break;
              case 3: v = a < b ? 1 : 0; break;
              case 4: v = a ^ b; break;
              case 5: v = a >>> (b & 63); break;
              case 6: v = a | b; break;
              default: v = a & b;
            }
          } else if (f7 == 0x20) {
            if (f3 == 0) v = a - b;
            else if (f3 == 5) v = <u64>(<i64>a >> <i64>(b & 63));
            else if (f3 == 7) v = a & ~b;
            else if (f3 == 6) v = a | ~b;
            else if (f3 == 4) v = ~(a ^ b);
            else { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          } else if (f7 == 1) {
            switch (f3) {
              case 0: v = a * b; break;
              case 1: v = A.mulh(a, b); break;
              case 2: v = A.mulhsu(a, b); break;
              case 3: v = A.mulhu(a, b); break;
              case 4: v = A.div(a, b); break;
              case 5: v = A.divu(a, b); break;
              case 6: v = A.rem(a, b); break;
              default: v = A.remu(a, b);
            }
          } else {
            let k = (f7 << 3) | f3;
            if (k == ((0x10 << 3) | 2)) v = (a << 1) + b;
            else if (k == ((0x10 << 3) | 4)) v = (a << 2) + b;
            else if (k == ((0x10 << 3) | 6)) v = (a << 3) + b;
            else if (k == ((0x05 << 3) | 4)) v = <i64>a < <i64>b ? a : b;
            else if (k == ((0x05 << 3) | 5)) v = a < b ? a : b;
            else if (k == ((0x05 << 3) | 6)) v = <i64>a > <i64>b ? a : b;
            else if (k == ((0x05 << 3) | 7)) v = a > b ? a : b;
            else if (k == ((0x05 << 3) | 1)) v = A.clmul(a, b);
            else if (k == ((0x05 << 3) | 2)) v = A.clmulr(a, b);
            else if (k == ((0x05 << 3) | 3)) v = A.clmulh(a, b);
            else if (k == ((0x30 << 3) | 1)) v = rotl<u64>(a, b & 63);
            else if (k == ((0x30 << 3) | 5)) v = rotr<u64>(a, b & 63);
            else if (k == ((0x24 << 3) | 1)) v = a & ~(<u64>1 << (b & 63));
            else if (k == ((0x24 << 3) | 5)) v = (a >>> (b & 63)) & 1;
            else if (k == ((0x14 << 3) | 1)) v = a | (<u64>1 << (b & 63));
            else if (k == ((0x34 << 3) | 1)) v = a ^ (<u64>1 << (b & 63));
            else { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; break; }
          }
          W(hb, rd, v);
          break;
        }
        case 0x0e: { // OP-32
          let a = X(hb, rs1), b = X(hb, rs2);
          let f7 = inst >> 25;
          let v: u64 = 0;
          let k = (f7 << 3) | f3;
          if (k == 0) {
            W(hb, rd, A.sx32(a + b)); // addw (c.addw): no jump table
            break;
          }
          switch (k) {
            case 1: v = A.sx32(<u64>(<u32>a << (<u32>b & 31))); break;
            case 5: v = A.sx32(<u64>(<u32>a >> (<u32>b & 31))); break;
            case (0x20 << 3) | 0: v = A.sx32(a - b); break;
            case (0x20 << 3) | 5: v = A.sx32(<u64>(<i32>a >> (<i32>b & 31))); break;
            case (1 << 3) | 0: v = A.sx32(a * b); break;
            case (1 << 3) | 4: v = A.divw(a, b); break;
            case (1 << 3) | 5: v = A.divuw(a, b); break;
            case (1 << 3) | 6: v = A.remw(a, b); break;
            case (1 << 3) | 7: v = A.remuw(a, b); break;
            case (0x04 << 3) | 0: v = (a & 0xffffffff) + b; break;
            case (0x10 << 3) | 2: v = ((a & 0xffffffff) << 1) + b; break;
            case (0x10 << 3) | 4: v = ((a & 0xffffffff) << 2) + b; break;
            case (0x10 << 3) | 6: v = ((a & 0xffffffff) << 3) + b; break;
            case (0x30 << 3) | 1: v = A.sx32(<u64>rotl<u32>(<u32>a, <u32>b & 31)); break;
            case (0x30 << 3) | 5: v = A.sx32(<u64>rotr<u32>(<u32>a, <u32>b & 31)); break;
            case (0x04 << 3) | 4:
              if (rs2 == 0) { v = a & 0xffff; break; }
            // fallthrough
            default: raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true;
          }
          if (sync) break;
          W(hb, rd, v);
          break;
        }
        case 0x03: // MISC-MEM: fence, fence.i (no caches to flush); cbo.* (Zicbom/Zicboz)
          if (inst == 0x0100000f) {
            // pause (Zihintpause): a spin-wait hint — give the other harts the rest of the slice
            setSysStop(3);
            pc += ilen;
            sync = true;
            break;
          }
          if (f3 == 2) {
            setSliceDone(n);
            if (!execCbo(h, hb, inst)) { pc = trapNow(hb, pc); sync = true; }
          } else if (f3 > 1) { raise(2, <u64>inst); pc = trapNow(hb, pc); sync = true; }
          break;
        case 0x1c: { // SYSTEM
          setSliceDone(n);
          let npc = execSystem(h, hb, inst, pc, ilen);
          if (excCause >= 0) {
            pc = trapNow(hb, npc);
            sync = true;
            break;
          }
          // A CSR read (csrrs/csrrc with rs1 = x0) changes nothing: stay in the fast loop.
          if ((f3 == 2 || f3 == 3 || f3 == 6 || f3 == 7) && rs1 == 0) {
            pc = npc;
            continue;
          }
          pc = npc;
          sync = true;
          break;
        }
        case 0x0b: { // AMO
          setSliceDone(n);
          execAmo(h, hb, inst);
          if (excCause >= 0) { pc = trapNow(hb, pc); sync = true; }
          break;
        }
        case 0x01: { // LOAD-FP
          setSliceDone(n);
          if (!execFpLoad(h, hb, inst)) { pc = trapNow(hb, pc); sync = true; }
          break;
        }
        case 0x09: { // STORE-FP
          setSliceDone(n);
          if (!execFpStore(h, hb, inst)) { pc = trapNow(hb, pc); sync = true; }
          break;
        }
        case 0x14: // OP-FP
          if (!execFpOp(hb, inst)) { pc = trapNow(hb, pc); sync = true; }
          break;
        case 0x10: case 0x11: case 0x12: case 0x13: // FMADD FMSUB FNMSUB FNMADD
          if (!execFma(hb, inst)) { pc = trapNow(hb, pc); sync = true; }
          break;
        default:
          raise(2, <u64>inst);
          pc = trapNow(hb, pc);
          sync = true;
      }
      if (sync) break;
      pc += ilen;
    }
    if (sysStop != 0) {
      sliceEnd = sysStop == 2 ? SLICE_WATCH : sysStop == 3 ? 0 : SLICE_WFI;
      if (sysStop == 2) setBpHit(h);
      break;
    }
    if (powerState != 0) {
      sliceEnd = SLICE_POWER;
      break;
    }
  }
  store<u64>(hb, pc, H_PC);
  store<u64>(hb, load<u64>(hb, H_INSTRET) + n, H_INSTRET);
  setSliceDone(0);
  return n;
}
