// SiFive PLIC at 0xc000000 (QEMU virt): sources 1..95 (riscv,ndev = 95), priorities 0..7,
// contexts 2h (M-mode of hart h) and 2h+1 (S-mode).
//   0x000000 + 4i        priority[i]   (i >= 96: reads 0, writes ignored — Bao probes this)
//   0x001000 + 4w        pending word w (read-only)
//   0x002000 + 0x80c + 4w enable word w of context c
//   0x200000 + 0x1000c   threshold of context c;  + 4: claim (read) / complete (write)
// Pending bits latch like QEMU 7.2's: a device asserting its line (on every device update)
// sets pending; only a claim clears it. Claimed sources are not delivered until completed.
import { PLIC_STATE } from '../layout';
import { hartBase, C_EXT_LINES } from '../hart';
import { nHarts } from '../state';

export const PLIC_BASE: u64 = 0xc000000;
export const PLIC_SIZE: u64 = 0x600000;
const NSRC: u32 = 97; // QEMU 7.2 accepts priorities 1..96 (the FDT says riscv,ndev = 95)
const P_PRIO: usize = PLIC_STATE; // u32[128]
const P_PEND: usize = PLIC_STATE + 512; // u32[4]
const P_CLAIMED: usize = PLIC_STATE + 528; // u32[4]
const P_LEVEL: usize = PLIC_STATE + 544; // u32[4]
const P_ENABLE: usize = PLIC_STATE + 576; // [16 contexts][4 u32]
const P_THRESH: usize = PLIC_STATE + 832; // u32[16]

export function plicReset(): void {
  memory.fill(PLIC_STATE, 0, 1024);
}

@inline function bit(base: usize, i: u32): bool {
  return (load<u32>(base + ((<usize>(i >> 5)) << 2)) & (1 << (i & 31))) != 0;
}
@inline function setBit(base: usize, i: u32, on: bool): void {
  let p = base + ((<usize>(i >> 5)) << 2);
  let m: u32 = 1 << (i & 31);
  store<u32>(p, on ? load<u32>(p) | m : load<u32>(p) & ~m);
}

// Best pending, enabled, unclaimed source of a context above its threshold (0 if none).
function best(ctx: u32): u32 {
  let en = P_ENABLE + (<usize>ctx << 4);
  let th = load<u32>(P_THRESH + (<usize>ctx << 2));
  let bestId: u32 = 0;
  let bestPr: u32 = th;
  for (let w: u32 = 0; w < 4; w++) {
    let m = load<u32>(P_PEND + (<usize>w << 2)) & ~load<u32>(P_CLAIMED + (<usize>w << 2)) & load<u32>(en + (<usize>w << 2));
    while (m != 0) {
      let b = <u32>ctz(m);
      m &= m - 1;
      let id = (w << 5) + b;
      if (id >= NSRC) continue;
      let pr = load<u32>(P_PRIO + (<usize>id << 2));
      if (pr > bestPr) { bestPr = pr; bestId = id; }
    }
  }
  return bestId;
}

// Recompute the MEIP/SEIP outputs of every hart.
export function plicUpdate(): void {
  for (let h = 0; h < nHarts; h++) {
    let lines: u64 = 0;
    if (best(<u32>(2 * h)) != 0) lines |= 1 << 11;
    if (best(<u32>(2 * h + 1)) != 0) lines |= 1 << 9;
    store<u64>(hartBase(h), lines, C_EXT_LINES);
  }
}

// A device reports its line level; a high level (re-)asserts the source.
export function plicSetLine(src: u32, level: bool): void {
  if (!level || src == 0 || src >= NSRC) return;
  if (bit(P_PEND, src)) return;
  setBit(P_PEND, src, true);
  plicUpdate();
}

export function plicRead(off: u32): u32 {
  if (off < 0x1000) {
    let i = off >> 2;
    return i < NSRC ? load<u32>(P_PRIO + (<usize>i << 2)) : 0;
  }
  if (off < 0x2000) {
    let w = (off - 0x1000) >> 2;
    return w < 3 ? load<u32>(P_PEND + (<usize>w << 2)) : 0;
  }
  if (off < 0x200000) {
    let ctx = (off - 0x2000) >> 7;
    let w = ((off - 0x2000) & 0x7f) >> 2;
    if (ctx >= <u32>(2 * nHarts) || w >= 3) return 0;
    return load<u32>(P_ENABLE + (<usize>ctx << 4) + (<usize>w << 2));
  }
  let ctx = (off - 0x200000) >> 12;
  let r = off & 0xfff;
  if (ctx >= <u32>(2 * nHarts)) return 0;
  if (r == 0) return load<u32>(P_THRESH + (<usize>ctx << 2));
  if (r == 4) {
    let id = best(ctx);
    if (id != 0) {
      setBit(P_PEND, id, false);
      setBit(P_CLAIMED, id, true);
      plicUpdate();
    }
    return id;
  }
  return 0;
}

export function plicWrite(off: u32, v: u32): void {
  if (off < 0x1000) {
    let i = off >> 2;
    if (i > 0 && i < NSRC) { store<u32>(P_PRIO + (<usize>i << 2), v & 7); plicUpdate(); }
    return;
  }
  if (off < 0x2000) return;
  if (off < 0x200000) {
    let ctx = (off - 0x2000) >> 7;
    let w = ((off - 0x2000) & 0x7f) >> 2;
    if (ctx >= <u32>(2 * nHarts) || w >= 3) return;
    if (w == 0) v &= ~1;
    store<u32>(P_ENABLE + (<usize>ctx << 4) + (<usize>w << 2), v);
    plicUpdate();
    return;
  }
  let ctx = (off - 0x200000) >> 12;
  let r = off & 0xfff;
  if (ctx >= <u32>(2 * nHarts)) return;
  if (r == 0) { store<u32>(P_THRESH + (<usize>ctx << 2), v & 7); plicUpdate(); }
  else if (r == 4) {
    if (v > 0 && v < NSRC) { setBit(P_CLAIMED, v, false); plicUpdate(); }
  }
}
