// The core's side of the JIT (the translator itself is TypeScript: core/emu/jit/). Translations
// are keyed by the host address of their entry (RAM only), so every virtual alias of the same
// code shares them; translated code takes pc as a parameter and is position-independent.
//
// - The interpreter probes JIT_TABLE at jump targets (exec.ts). A miss bumps a hotness counter;
//   at `jitThreshold` the address is queued, and a full queue (or the host, after each run) calls
//   the host's translator, which installs the translation (jitInstall) and marks the bytes it was
//   made from (jitMark) in a bitmap of their page.
// - Self-modifying code: every store into RAM checks its page's entry in `codemap` (one load
//   and a branch on the fast paths: exec.ts, translated stores, busWrite, AMOs); a page with
//   translations checks the written bytes against its bitmap and drops all its translations when
//   they overlap, before the store lands. Data next to code (bare-metal images) costs nothing
//   more. FENCE.I therefore needs nothing.
// - Translated code calls back jitLoad/jitStore (exports) for TLB misses and MMIO, and reports
//   how it ended in JIT_IO: 0 continue at H_PC, 1 exception raised (excCause), 2 resync (after a
//   slow store, or a store that dropped translations), 3 spin-wait detected (see exec.ts).
//   JIT_IO+4 is the slow-load fault flag, JIT_IO+8 says whether blocks may chain (no breakpoints).
import {
  JIT_TABLE, JIT_COUNT, JIT_QUEUE, JIT_QMAX, JIT_IO, JIT_N, JIT_BITS, RAM_OFF, TLB_STORE, TLB_ARRAY, TLB_LOAD, TLB_N, TLB_FETCH,
  RVC_TABLE,
} from './layout';
import { H_PC, C_DATACTX, C_FETCHCTX, H_SPIN_PC, H_SPIN_A, H_SPIN_B, H_SPIN_CNT, H_SPIN_BASE } from './hart';
import { SPIN_MAX } from './exec';
import { ramSize, excCause, setSliceDone } from './state';
import { loadSlow, storeSlow } from './memops';
import { execAmo } from './amo';
import { execFpLoad, execFpStore, execFpOp, execFma } from './fp';

@external('env', 'jitTranslate') declare function hostTranslate(): void;

// codemap: a u32 per RAM page: bits 0..15 = its code bitmap's slot (0: no translations), bits
// 16..23 = times its translations were dropped (a page rewritten that often is not translated
// again). Bitmaps: one bit per byte of the page that translated code was made from.
const MAX_DROPS: u32 = 8;
const BITMAP_BYTES: usize = 512;
const BITMAP_SLOTS: u32 = 4096; // slot 0 unused
let codemap: usize = 0;
let bitmaps: usize = 0; // BITMAP_SLOTS * BITMAP_BYTES
let freeSlots: usize = 0; // stack of free slot numbers (u16)
let freeTop: u32 = 0;

export let jitOn: bool = false;
export let jitThreshold: u32 = 32;
// Virtual time (instructions of the deterministic clock) before which nothing is translated: a
// translation costs far more than interpreting a block a few thousand times, and V8 compiles it
// to baseline code first, so short runs (a firmware boot) are fastest in the interpreter alone.
export let jitAfter: u64 = 0;

// Bytes the JIT needs after RAM (codemap, bitmaps, free-slot stack).
export function jitBytesNeeded(ram: u64): u64 {
  return (ram >>> 10) + <u64>BITMAP_SLOTS * <u64>BITMAP_BYTES + <u64>BITMAP_SLOTS * 2;
}
export function jitSetup(off: usize, ram: u64): void {
  codemap = off;
  bitmaps = off + <usize>(ram >>> 10);
  freeSlots = bitmaps + <usize>BITMAP_SLOTS * BITMAP_BYTES;
  resetSlots();
}
function resetSlots(): void {
  freeTop = 0;
  for (let s = BITMAP_SLOTS - 1; s >= 1; s--) {
    store<u16>(freeSlots + (<usize>freeTop << 1), <u16>s);
    freeTop++;
  }
}
export function setJit(on: bool, threshold: u32, after: u64): void {
  jitOn = on;
  jitAfter = after;
  jitThreshold = threshold < 1 ? 1 : threshold > 0xfff0 ? 0xfff0 : threshold;
}

// Table and counter index of a host address: a multiplicative hash, so code at addresses a
// power of two apart (a common layout) does not keep landing in the same slot.
const HASH_MUL: u32 = 0x9e3779b1;
const HASH_SHIFT: u32 = 32 - JIT_BITS;
@inline export function jitIndex(ha: usize): u32 {
  return ((<u32>ha >>> 1) * HASH_MUL) >>> HASH_SHIFT;
}
@inline export function jitSlot(ha: usize): usize {
  return (<usize>jitIndex(ha)) << 4;
}

// A jump target missed the table: count it, queue it when hot.
export function jitMiss(ha: usize): void {
  let c = JIT_COUNT + ((<usize>jitIndex(ha)) << 1);
  let v = <u32>load<u16>(c) + 1;
  store<u16>(c, <u16>v);
  dirty = true;
  if (v != jitThreshold) return;
  if ((load<u32>(codemap + (((ha - RAM_OFF) >>> 12) << 2)) >>> 16) >= MAX_DROPS) return;
  let q = load<u32>(JIT_QUEUE);
  if (q < JIT_QMAX) {
    store<u32>(JIT_QUEUE + 4 + (<usize>q << 2), <u32>ha);
    store<u32>(JIT_QUEUE, q + 1);
  }
  if (q + 1 >= 32) hostTranslate();
}

// Installs a translation (fn = table index; 0 = "not translatable", never counted again) of
// `len` instructions in `bytes` bytes (breakpoints in that range keep the block from running).
export function jitInstall(ha: usize, fn: u32, len: u32, bytes: u32): void {
  let e = JIT_TABLE + jitSlot(ha);
  store<u32>(e, <u32>ha);
  store<u32>(e, fn, 4);
  store<u32>(e, len, 8);
  store<u32>(e, bytes, 12);
}

// Records that translated code was made from the `bytes` bytes at host address ha (one page).
// Returns false when no bitmap is free (the caller drops everything and starts over).
export function jitMark(ha: usize, bytes: u32): bool {
  let m = codemap + (((ha - RAM_OFF) >>> 12) << 2);
  let cm = load<u32>(m);
  let slot = cm & 0xffff;
  if (slot == 0) {
    if (freeTop == 0) return false;
    freeTop--;
    slot = <u32>load<u16>(freeSlots + (<usize>freeTop << 1));
    memory.fill(bitmaps + <usize>slot * BITMAP_BYTES, 0, BITMAP_BYTES);
    store<u32>(m, (cm & 0xffff0000) | slot);
  }
  let bm = bitmaps + <usize>slot * BITMAP_BYTES;
  let o = <u32>(ha & 0xfff);
  let end = o + bytes;
  if (end > 0x1000) end = 0x1000;
  for (let i = o; i < end; i++) {
    let p = bm + <usize>(i >>> 3);
    store<u8>(p, <u8>(<u32>load<u8>(p) | (1 << (i & 7))));
  }
  return true;
}

export function jitBatchDone(): void {
  store<u32>(JIT_QUEUE, 0);
}

// A store of `size` bytes (1..8, not crossing the page) is about to land at host address ha in
// RAM: drop the page's translations if it overwrites translated code. Returns true if it did.
@inline export function jitStoreCheck(ha: usize, size: u32): bool {
  let cm = load<u32>(codemap + (((ha - RAM_OFF) >>> 12) << 2));
  if ((cm & 0xffff) == 0) return false;
  return jitStoreHit(ha, size, cm & 0xffff);
}

function jitStoreHit(ha: usize, size: u32, slot: u32): bool {
  let bm = bitmaps + <usize>slot * BITMAP_BYTES;
  let o = <u32>(ha & 0xfff);
  for (let i: u32 = 0; i < size; i++) {
    let b = o + i;
    if (b >= 0x1000) break;
    if ((<u32>load<u8>(bm + <usize>(b >>> 3)) & (1 << (b & 7))) != 0) {
      jitDropPage((ha - RAM_OFF) >>> 12);
      return true;
    }
  }
  return false;
}

// Store into RAM by physical address (busWrite, AMOs): bytes [pa, pa+size).
@inline export function jitWrite(pa: u64, size: u32): void {
  if (codemap == 0) return;
  let ha = RAM_OFF + <usize>(pa - 0x80000000);
  let first: u32 = 0x1000 - <u32>(ha & 0xfff);
  if (size <= first) jitStoreCheck(ha, size);
  else {
    jitStoreCheck(ha, first);
    jitStoreCheck(ha + first, size - first);
  }
}

// Set whenever translations are dropped (see jitExec).
let dropped = false;

function jitDropPage(page: usize): void {
  dropped = true;
  let m = codemap + (page << 2);
  let cm = load<u32>(m);
  let slot = cm & 0xffff;
  if (slot != 0) {
    store<u16>(freeSlots + (<usize>freeTop << 1), <u16>slot);
    freeTop++;
  }
  let drops = cm >>> 16;
  store<u32>(m, (drops < 0xff ? drops + 1 : drops) << 16);
  let base = RAM_OFF + (page << 12);
  // each of the page's 2048 possible entries has its own slot: clear those that hold one of its
  // blocks, and its counters (dropped code must get hot again before it is translated again)
  for (let o: usize = 0; o < 4096; o += 2) {
    let i = jitIndex(base + o);
    let e = JIT_TABLE + ((<usize>i) << 4);
    if (<usize>load<u32>(e) == base + o) {
      store<u64>(e, 0);
      store<u64>(e, 0, 8);
    }
    store<u16>(JIT_COUNT + ((<usize>i) << 1), 0);
  }
}

// Whether the tables hold anything (a flush of fresh, all-zero tables would only fault pages in).
let dirty = false;

// Everything translated is forgotten (the host rewrote memory, or the JIT was reconfigured).
export function jitFlushAll(): void {
  if (!dirty) return;
  dirty = false;
  memory.fill(JIT_TABLE, 0, (<usize>JIT_N) << 4);
  memory.fill(JIT_COUNT, 0, (<usize>JIT_N) << 1);
  store<u32>(JIT_QUEUE, 0);
  if (codemap != 0) {
    memory.fill(codemap, 0, <usize>(ramSize >>> 10));
    resetSlots();
  }
}

// Slow paths for translated code. n = the slice's count including this instruction (the
// deterministic clock of MMIO reads depends on it, as in the interpreter).
export function jitLoad(h: i32, hb: usize, va: u64, size: i32, n: u64): u64 {
  setSliceDone(n);
  let v = loadSlow(h, hb, va, size);
  store<u32>(JIT_IO, excCause >= 0 ? 1 : 0, 4);
  return v;
}
// A translated store's fast path found its page holds translations (codemap): returns 1 when
// the store overwrote translated code (the page's translations are gone: the caller resyncs).
export function jitStoreHitExport(ha: usize, size: u32): i32 {
  return jitStoreCheck(ha, size) ? 1 : 0;
}
export function jitStore(h: i32, hb: usize, va: u64, size: i32, v: u64, n: u64): i32 {
  setSliceDone(n);
  storeSlow(h, hb, va, size, v);
  return excCause >= 0 ? 1 : 0;
}

// Instructions a block hands to the interpreter's own code, in place: AMOs, FP loads/stores, FP
// operations. They read and write the registers in the hart block (the block spills and reloads
// its locals around the call). Returns 0 done, 1 exception raised (excCause: the block exits to
// trap), 2 done but translations were dropped (an AMO or FP store overwrote translated code,
// maybe this block's: it exits to the interpreter after the instruction).
export function jitExec(h: i32, hb: usize, inst: u32, n: u64): i32 {
  dropped = false;
  let op = (inst >> 2) & 31;
  let ok = true;
  if (op == 0x0b) {
    setSliceDone(n);
    execAmo(h, hb, inst);
    ok = excCause < 0;
  } else if (op == 0x01) {
    setSliceDone(n);
    ok = execFpLoad(h, hb, inst);
  } else if (op == 0x09) {
    setSliceDone(n);
    ok = execFpStore(h, hb, inst);
  } else if (op == 0x14) ok = execFpOp(hb, inst);
  else ok = execFma(hb, inst);
  if (!ok) return 1;
  return dropped ? 2 : 0;
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
    case 17: return <u32>codemap;
    case 18: return <u32>TLB_FETCH;
    case 19: return <u32>C_FETCHCTX;
    case 20: return HASH_SHIFT;
    case 21: return HASH_MUL;
    default: return 0;
  }
}
