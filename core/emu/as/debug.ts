// Debug hooks kept off the fast path: a small breakpoint table checked only when non-empty.
import { BP_TABLE, BP_MAX } from './layout';

export let bpCount: i32 = 0;
export let bpSkip: bool = false; // the first instruction of a run/step ignores its breakpoint
export let bpHitHart: i32 = -1;

export function isBreakpoint(pc: u64): bool {
  for (let i = 0; i < bpCount; i++) if (load<u64>(BP_TABLE + ((<usize>i) << 3)) == pc) return true;
  return false;
}
// Whether a breakpoint lies in [pc, pc + bytes): a translated block there must not run.
export function bpInRange(pc: u64, bytes: u64): bool {
  for (let i = 0; i < bpCount; i++) if (load<u64>(BP_TABLE + ((<usize>i) << 3)) - pc < bytes) return true;
  return false;
}
export function clearBpSkip(): void {
  bpSkip = false;
}
export function setBpSkip(): void {
  bpSkip = true;
}
export function setBpHit(h: i32): void {
  bpHitHart = h;
}
export function resetBpHit(): void {
  bpHitHart = -1;
}

export function bpSet(pc: u64): i32 {
  if (isBreakpoint(pc)) return 0;
  if (bpCount >= BP_MAX) return -1;
  store<u64>(BP_TABLE + ((<usize>bpCount) << 3), pc);
  bpCount++;
  return 0;
}
export function bpClear(pc: u64): void {
  for (let i = 0; i < bpCount; i++) {
    if (load<u64>(BP_TABLE + ((<usize>i) << 3)) == pc) {
      bpCount--;
      store<u64>(BP_TABLE + ((<usize>i) << 3), load<u64>(BP_TABLE + ((<usize>bpCount) << 3)));
      return;
    }
  }
}
export function bpClearAll(): void {
  bpCount = 0;
}

// Watchpoints on physical addresses (16 entries at BP_TABLE + 0x200: u64 pa, u32 len, u32 kind
// with bit 0 = load, bit 1 = store). While any is set the data TLBs are not filled, so every
// load/store takes the slow path where watchHit is checked before the access completes.
const WP_TABLE: usize = BP_TABLE + 0x200;
const WP_MAX: i32 = 16;
export const WATCH_CAUSE: i64 = 0x7fffffff; // internal pseudo-exception: stop before the access
export let wpCount: i32 = 0;
export let wpHitAddr: u64 = 0;
let wpSkipHart: i32 = -1;

export function wpSet(pa: u64, len: i32, kind: i32): i32 {
  wpClear(pa);
  if (wpCount >= WP_MAX) return -1;
  let p = WP_TABLE + ((<usize>wpCount) << 4);
  store<u64>(p, pa);
  store<u32>(p, <u32>(len < 1 ? 1 : len), 8);
  store<u32>(p, <u32>kind, 12);
  wpCount++;
  return 0;
}
export function wpClear(pa: u64): void {
  for (let i = 0; i < wpCount; i++) {
    let p = WP_TABLE + ((<usize>i) << 4);
    if (load<u64>(p) == pa) {
      wpCount--;
      let q = WP_TABLE + ((<usize>wpCount) << 4);
      store<u64>(p, load<u64>(q));
      store<u64>(p, load<u64>(q, 8), 8);
      return;
    }
  }
}
// The hart that stopped on a watchpoint re-executes the access once without stopping.
export function wpArmSkip(h: i32): void {
  wpSkipHart = h;
}
export function watchHit(h: i32, pa: u64, size: i32, kind: i32): bool {
  for (let i = 0; i < wpCount; i++) {
    let p = WP_TABLE + ((<usize>i) << 4);
    let a = load<u64>(p);
    let len = <u64>load<u32>(p, 8);
    if ((load<u32>(p, 12) & (<u32>kind)) == 0) continue;
    if (pa + <u64>size <= a || pa >= a + len) continue;
    if (wpSkipHart == h) {
      wpSkipHart = -1;
      return false;
    }
    wpHitAddr = pa;
    return true;
  }
  return false;
}
