// IMSIC (AIA incoming MSI controller), QEMU virt,aia=aplic-imsic layout:
//   M-level files   0x24000000 + h * 0x1000
//   S-level files   0x28000000 + h * stride, stride = 0x1000 * pow2ceil(1 + guests);
//                   page 0 = the hart's S file, page g = guest file g (1..guests)
// MMIO per file page: 0x000 seteipnum_le (write an id to make it pending), 0x004 seteipnum_be.
// Each file has 255 identities (QEMU's VIRT_IRQCHIP_NUM_MSIS) and the indirect registers
// eidelivery (0x70), eithreshold (0x72), eip0..7 (0x80..), eie0..7 (0xc0..; RV64: even only),
// reached through miselect/mireg, siselect/sireg, vsiselect/vsireg and *topei.
// Outputs: M file → MEIP, S file → SEIP, guest file g → hgeip bit g.
import { IMSIC_STATE } from '../layout';
import { hartBase, C_HGEIP, C_EXT_LINES } from '../hart';
import { nHarts, optAiaGuests } from '../state';

export const IMSIC_M_BASE: u64 = 0x24000000;
export const IMSIC_S_BASE: u64 = 0x28000000;
const FILE_SIZE: usize = 128; // u32 eidelivery, u32 eithreshold, u64 eip[4] at 8, u64 eie[4] at 40
const FILES_PER_HART: usize = 9;

export let imsicMLines: u32 = 0; // bit h: MEIP of hart h
export let imsicSLines: u32 = 0; // bit h: SEIP of hart h
let aplicM: u32 = 0; // APLIC direct-mode outputs
let aplicS: u32 = 0;
export function setAplicDirect(m: u32, s: u32): void {
  aplicM = m;
  aplicS = s;
}

// MEIP/SEIP of hart h from the IMSIC files and the APLIC IDCs.
export function aiaLines(h: i32): void {
  let bit: u32 = 1 << <u32>h;
  let v: u64 = 0;
  if (((imsicMLines | aplicM) & bit) != 0) v |= 1 << 11;
  if (((imsicSLines | aplicS) & bit) != 0) v |= 1 << 9;
  store<u64>(hartBase(h), v, C_EXT_LINES);
}

// file: 0 = M, 1 = S, 1 + g = guest g
@inline export function filePtr(h: i32, file: i32): usize {
  return IMSIC_STATE + (<usize>h * FILES_PER_HART + <usize>file) * FILE_SIZE;
}

export function imsicReset(): void {
  memory.fill(IMSIC_STATE, 0, 8 * FILES_PER_HART * FILE_SIZE);
  imsicMLines = 0;
  imsicSLines = 0;
  aplicM = 0;
  aplicS = 0;
}

export function sStride(): u64 {
  let n: u64 = 1;
  while (n < <u64>(1 + optAiaGuests)) n <<= 1;
  return n << 12;
}

// Highest-priority (lowest id) pending and enabled identity under the threshold, or 0.
export function topei(p: usize): u32 {
  let th = load<u32>(p, 4);
  for (let w: usize = 0; w < 4; w++) {
    let m = load<u64>(p + 8 + (w << 3)) & load<u64>(p + 40 + (w << 3));
    if (w == 0) m &= ~<u64>1;
    if (m != 0) {
      let id = <u32>(w << 6) + <u32>ctz(m);
      if (th != 0 && id >= th) return 0;
      return id;
    }
  }
  return 0;
}

function lineOf(p: usize): bool {
  return load<u32>(p) == 1 && topei(p) != 0;
}

// Recompute the output lines of hart h's files.
export function imsicUpdate(h: i32): void {
  let bit: u32 = 1 << <u32>h;
  if (lineOf(filePtr(h, 0))) imsicMLines |= bit;
  else imsicMLines &= ~bit;
  if (lineOf(filePtr(h, 1))) imsicSLines |= bit;
  else imsicSLines &= ~bit;
  let g: u64 = 0;
  for (let i = 1; i <= optAiaGuests; i++) if (lineOf(filePtr(h, 1 + i))) g |= (<u64>1) << <u64>i;
  store<u64>(hartBase(h), g, C_HGEIP);
  aiaLines(h);
}

export function imsicSetPending(h: i32, file: i32, id: u32): void {
  if (id == 0 || id > 255 || h < 0 || h >= nHarts) return;
  let p = filePtr(h, file) + 8 + (<usize>(id >> 6) << 3);
  store<u64>(p, load<u64>(p) | ((<u64>1) << <u64>(id & 63)));
  imsicUpdate(h);
}

// MMIO: returns false if pa is not an IMSIC page.
export function imsicWrite(pa: u64, v: u64): bool {
  if (pa >= IMSIC_M_BASE && pa < IMSIC_M_BASE + (<u64>nHarts << 12)) {
    let h = <i32>((pa - IMSIC_M_BASE) >> 12);
    let off = pa & 0xfff;
    if (off == 0) imsicSetPending(h, 0, <u32>v);
    else if (off == 4) imsicSetPending(h, 0, bswap<u32>(<u32>v));
    return true;
  }
  let stride = sStride();
  if (pa >= IMSIC_S_BASE && pa < IMSIC_S_BASE + <u64>nHarts * stride) {
    let rel = pa - IMSIC_S_BASE;
    let h = <i32>(rel / stride);
    let page = <i32>((rel % stride) >> 12);
    let off = pa & 0xfff;
    if (page > optAiaGuests) return true;
    if (off == 0) imsicSetPending(h, 1 + page, <u32>v);
    else if (off == 4) imsicSetPending(h, 1 + page, bswap<u32>(<u32>v));
    return true;
  }
  return false;
}

export function imsicIsPage(pa: u64): bool {
  if (pa >= IMSIC_M_BASE && pa < IMSIC_M_BASE + (<u64>nHarts << 12)) return true;
  return pa >= IMSIC_S_BASE && pa < IMSIC_S_BASE + <u64>nHarts * sStride();
}

// Indirect register access (*iselect/*ireg). ok = false for an invalid select.
export let iregOk: bool = true;
export function iregRead(h: i32, file: i32, sel: u32): u64 {
  iregOk = true;
  let p = filePtr(h, file);
  if (sel == 0x70) return <u64>load<u32>(p);
  if (sel == 0x72) return <u64>load<u32>(p, 4);
  if (sel >= 0x80 && sel <= 0xbf && (sel & 1) == 0) {
    let k = (sel - 0x80) >> 1;
    return k < 4 ? load<u64>(p + 8 + (<usize>k << 3)) : 0;
  }
  if (sel >= 0xc0 && sel <= 0xff && (sel & 1) == 0) {
    let k = (sel - 0xc0) >> 1;
    return k < 4 ? load<u64>(p + 40 + (<usize>k << 3)) : 0;
  }
  iregOk = false;
  return 0;
}

export function iregWrite(h: i32, file: i32, sel: u32, v: u64): void {
  iregOk = true;
  let p = filePtr(h, file);
  if (sel == 0x70) store<u32>(p, <u32>(v & 1));
  else if (sel == 0x72) store<u32>(p, <u32>(v & 0xff), 4);
  else if (sel >= 0x80 && sel <= 0xbf && (sel & 1) == 0) {
    let k = (sel - 0x80) >> 1;
    if (k < 4) store<u64>(p + 8 + (<usize>k << 3), k == 0 ? v & ~<u64>1 : v);
  } else if (sel >= 0xc0 && sel <= 0xff && (sel & 1) == 0) {
    let k = (sel - 0xc0) >> 1;
    if (k < 4) store<u64>(p + 40 + (<usize>k << 3), k == 0 ? v & ~<u64>1 : v);
  } else {
    iregOk = false;
    return;
  }
  imsicUpdate(h);
}

// *topei: read = (id << 16) | id; a write claims (clears) the current top identity.
export function topeiRead(h: i32, file: i32): u64 {
  let id = topei(filePtr(h, file));
  return id == 0 ? 0 : (<u64>id << 16) | <u64>id;
}
export function topeiClaim(h: i32, file: i32): void {
  let p = filePtr(h, file);
  let id = topei(p);
  if (id == 0) return;
  let q = p + 8 + (<usize>(id >> 6) << 3);
  store<u64>(q, load<u64>(q) & ~((<u64>1) << <u64>(id & 63)));
  imsicUpdate(h);
}
