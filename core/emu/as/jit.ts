// The core's side of the JIT (the translator itself is TypeScript: core/emu/jit/). Blocks are
// keyed by the host address of their first instruction (RAM only), so every virtual alias of
// the same code shares them; translated code takes pc as a parameter and is position-independent.
//
// - The interpreter probes JIT_TABLE at jump targets (exec.ts). A miss bumps a hotness counter;
//   at `jitThreshold` the address is queued, and a full queue (or the host, after each run) calls
//   the host's translator, which installs blocks with jitInstall.
// - Self-modifying code: a page holding translated code gets no store TLB entries (bus.ts
//   hostPage), so every store to it takes the slow path, where busWrite/AMOs call jitWrite, which
//   drops the page's blocks before the write lands. FENCE.I therefore needs nothing.
// - Translated code calls back jitLoad/jitStore (exports) for TLB misses and MMIO, and reports
//   how it ended in JIT_IO: 0 continue at H_PC, 1 exception raised (excCause), 2 resync after a
//   slow store, 3 spin-wait detected (see exec.ts).
import {
  JIT_TABLE, JIT_COUNT, JIT_QUEUE, JIT_QMAX, JIT_IO, JIT_N, RAM_OFF, TLB_STORE, TLB_ARRAY, TLB_LOAD, TLB_N,
  RVC_TABLE,
} from './layout';
import { H_PC, C_DATACTX, H_SPIN_PC, H_SPIN_A, H_SPIN_B, H_SPIN_CNT, H_SPIN_BASE } from './hart';
import { SPIN_MAX } from './exec';
import { nHarts, ramSize, excCause, setSliceDone } from './state';
import { tlbBase } from './mmu';
import { loadSlow, storeSlow } from './memops';

@external('env', 'jitTranslate') declare function hostTranslate(): void;

const JMASK: u32 = JIT_N - 1;
// codemap byte per RAM page: bit 7 = holds translated code; bits 0..6 = times its code was
// dropped by a store (a page rewritten that often is data next to code: stop translating it).
const HAS_CODE: u32 = 0x80;
const MAX_DROPS: u32 = 8;

export let jitOn: bool = false;
export let jitThreshold: u32 = 32;
let codemap: usize = 0; // RAM_OFF + ramSize: one byte per RAM page

export function jitSetup(mapOff: usize): void {
  codemap = mapOff;
}
export function jitBytesNeeded(ram: u64): u64 {
  return ram >>> 12;
}
export function setJit(on: bool, threshold: u32): void {
  jitOn = on;
  jitThreshold = threshold < 1 ? 1 : threshold > 0xfff0 ? 0xfff0 : threshold;
}

@inline export function jitSlot(ha: usize): usize {
  return (<usize>((<u32>ha >>> 1) & JMASK)) << 4;
}

// A jump target missed the table: count it, queue it when hot.
export function jitMiss(ha: usize): void {
  let c = JIT_COUNT + ((<usize>((<u32>ha >>> 1) & JMASK)) << 1);
  let v = <u32>load<u16>(c) + 1;
  store<u16>(c, <u16>v);
  if (v != jitThreshold) return;
  let page = (ha - RAM_OFF) >>> 12;
  if ((<u32>load<u8>(codemap + page) & 0x7f) >= MAX_DROPS) return;
  let q = load<u32>(JIT_QUEUE);
  if (q < JIT_QMAX) {
    store<u32>(JIT_QUEUE + 4 + (<usize>q << 2), <u32>ha);
    store<u32>(JIT_QUEUE, q + 1);
  }
  if (q + 1 >= 32) hostTranslate();
}

// Installs a translated block (fn = table index; 0 = "not translatable", never counted again).
export function jitInstall(ha: usize, fn: u32, len: u32): void {
  let e = JIT_TABLE + jitSlot(ha);
  store<u32>(e, <u32>ha);
  store<u32>(e, fn, 4);
  store<u32>(e, len, 8);
  if (fn != 0) {
    let m = codemap + ((ha - RAM_OFF) >>> 12);
    store<u8>(m, <u8>(<u32>load<u8>(m) | HAS_CODE));
  }
}

// After a batch of installs: pages that now hold code lose their store TLB entries.
export function jitBatchDone(): void {
  store<u32>(JIT_QUEUE, 0);
  for (let h = 0; h < nHarts; h++) memory.fill(tlbBase(h) + TLB_STORE, 0, TLB_ARRAY);
}

@inline export function jitCodePage(pa: u64): bool {
  return (<u32>load<u8>(codemap + <usize>((pa - 0x80000000) >>> 12)) & HAS_CODE) != 0;
}

// A store is about to change RAM at pa: drop the translated blocks of its page.
@inline export function jitWrite(pa: u64): void {
  if (codemap != 0 && jitCodePage(pa)) jitDropPage(<usize>((pa - 0x80000000) >>> 12));
}

function jitDropPage(page: usize): void {
  let m = codemap + page;
  let drops = <u32>load<u8>(m) & 0x7f;
  store<u8>(m, <u8>(drops < 0x7f ? drops + 1 : drops));
  let base = RAM_OFF + (page << 12);
  // the page's 2048 possible block starts fall in 2048 consecutive slots (mod JIT_N)
  let s0 = (<u32>base >>> 1) & JMASK;
  for (let i: u32 = 0; i < 2048; i++) {
    let s = (s0 + i) & JMASK;
    let e = JIT_TABLE + ((<usize>s) << 4);
    let k = <usize>load<u32>(e);
    if (k >= base && k < base + 4096) {
      store<u64>(e, 0);
      store<u64>(e, 0, 8);
    }
    store<u16>(JIT_COUNT + ((<usize>s) << 1), 0);
  }
}

// Everything translated is forgotten (the host rewrote memory, or the JIT was switched).
export function jitFlushAll(): void {
  memory.fill(JIT_TABLE, 0, (<usize>JIT_N) << 4);
  memory.fill(JIT_COUNT, 0, (<usize>JIT_N) << 1);
  store<u32>(JIT_QUEUE, 0);
  if (codemap != 0) memory.fill(codemap, 0, <usize>(ramSize >>> 12));
}

// Slow paths for translated code. n = the slice's count including this instruction (the
// deterministic clock of MMIO reads depends on it, as in the interpreter).
export function jitLoad(h: i32, hb: usize, va: u64, size: i32, n: u64): u64 {
  setSliceDone(n);
  let v = loadSlow(h, hb, va, size);
  store<u32>(JIT_IO, excCause >= 0 ? 1 : 0, 4);
  return v;
}
export function jitStore(h: i32, hb: usize, va: u64, size: i32, v: u64, n: u64): i32 {
  setSliceDone(n);
  storeSlow(h, hb, va, size, v);
  return excCause >= 0 ? 1 : 0;
}

// Offsets the translator needs (core/emu/jit/translator.ts reads them by these indices).
export function jitLayout(k: i32): u32 {
  switch (k) {
    case 0: return <u32>JIT_TABLE;
    case 1: return <u32>JIT_IO;
    case 2: return <u32>JIT_QUEUE;
    case 3: return <u32>RAM_OFF;
    case 4: return <u32>RVC_TABLE;
    case 5: return <u32>TLB_LOAD;
    case 6: return <u32>TLB_STORE;
    case 7: return TLB_N - 1;
    case 8: return <u32>H_PC;
    case 9: return <u32>C_DATACTX;
    case 10: return <u32>H_SPIN_PC;
    case 11: return <u32>H_SPIN_A;
    case 12: return <u32>H_SPIN_B;
    case 13: return <u32>H_SPIN_CNT;
    case 14: return <u32>H_SPIN_BASE;
    case 15: return <u32>SPIN_MAX;
    case 16: return JIT_N;
    default: return 0;
  }
}
