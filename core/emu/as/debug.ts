// Debug hooks kept off the fast path: a small breakpoint table checked only when non-empty.
import { BP_TABLE, BP_MAX } from './layout';

export let bpCount: i32 = 0;
export let bpSkip: bool = false; // the first instruction of a run/step ignores its breakpoint
export let bpHitHart: i32 = -1;

export function isBreakpoint(pc: u64): bool {
  for (let i = 0; i < bpCount; i++) if (load<u64>(BP_TABLE + (<usize>i << 3)) == pc) return true;
  return false;
}
export function clearBpSkip(): void { bpSkip = false; }
export function setBpSkip(): void { bpSkip = true; }
export function setBpHit(h: i32): void { bpHitHart = h; }
export function resetBpHit(): void { bpHitHart = -1; }

export function bpSet(pc: u64): i32 {
  if (isBreakpoint(pc)) return 0;
  if (bpCount >= BP_MAX) return -1;
  store<u64>(BP_TABLE + (<usize>bpCount << 3), pc);
  bpCount++;
  return 0;
}
export function bpClear(pc: u64): void {
  for (let i = 0; i < bpCount; i++) {
    if (load<u64>(BP_TABLE + (<usize>i << 3)) == pc) {
      bpCount--;
      store<u64>(BP_TABLE + (<usize>i << 3), load<u64>(BP_TABLE + (<usize>bpCount << 3)));
      return;
    }
  }
}
export function bpClearAll(): void { bpCount = 0; }
