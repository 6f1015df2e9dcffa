// Physical memory protection: 16 entries (pmpcfg0/pmpcfg2 on RV64, pmpaddr0..15), TOR/NA4/NAPOT,
// granularity 4 bytes, 54 physical address bits (OpenSBI reports "PMP Count 16, Granularity 4,
// Address Bits 54" on QEMU 7.2). With no active entry, M-mode may access everything and S/U
// nothing (QEMU 7.2's pmp_hart_has_privs_default).
import { C_PMPCFG, C_PMPADDR, C_PMPNUM } from './hart';

export const PMP_R: i32 = 1;
export const PMP_W: i32 = 2;
export const PMP_X: i32 = 4;
const ADDR_MASK: u64 = (1 << 54) - 1;

@inline function cfg(hb: usize, i: i32): u32 {
  return <u32>load<u8>(hb + C_PMPCFG + <usize>i);
}

// Start (inclusive) and end (exclusive) of entry i; end 0 means "off".
let rs: u64 = 0;
let re: u64 = 0;
function range(hb: usize, i: i32): void {
  let c = cfg(hb, i);
  let a = (c >> 3) & 3;
  let addr = load<u64>(hb + C_PMPADDR + (<usize>i << 3));
  rs = 0; re = 0;
  if (a == 1) {
    let lo: u64 = i == 0 ? 0 : load<u64>(hb + C_PMPADDR + (<usize>(i - 1) << 3)) << 2;
    let hi = addr << 2;
    if (hi > lo) { rs = lo; re = hi; }
  } else if (a == 2) {
    rs = addr << 2; re = rs + 4;
  } else if (a == 3) {
    let t = ctz(~addr);
    if (t >= 54) { rs = 0; re = 0xffffffffffffffff; return; }
    let size: u64 = (<u64>1) << <u64>(t + 3);
    rs = (addr << 2) & ~(size - 1);
    re = rs + size;
  }
}

function permOf(c: u32, priv: u32): i32 {
  if (priv == 3 && (c & 0x80) == 0) return PMP_R | PMP_W | PMP_X;
  return <i32>(c & 7);
}

// Permissions for an access [pa, pa+size) at privilege priv, or 0 if denied.
export function pmpPerm(hb: usize, pa: u64, size: u64, priv: u32): i32 {
  if (load<u32>(hb, C_PMPNUM) != 0) {
    for (let i = 0; i < 16; i++) {
      let c = cfg(hb, i);
      if ((c & 0x18) == 0) continue;
      range(hb, i);
      if (re == 0) continue;
      let last = pa + size - 1;
      if (last < rs || pa >= re) continue; // no byte overlaps
      if (pa < rs || last >= re) return 0; // partial match fails
      return permOf(c, priv);
    }
  }
  return priv == 3 ? PMP_R | PMP_W | PMP_X : 0;
}

// Same for a whole 4 KiB page, or -1 if the page is not uniformly covered (do not cache it).
export function pmpPagePerm(hb: usize, page: u64, priv: u32): i32 {
  if (load<u32>(hb, C_PMPNUM) != 0) {
    let last = page + 0xfff;
    for (let i = 0; i < 16; i++) {
      let c = cfg(hb, i);
      if ((c & 0x18) == 0) continue;
      range(hb, i);
      if (re == 0) continue;
      if (last < rs || page >= re) continue;
      if (page < rs || last >= re) return -1;
      return permOf(c, priv);
    }
  }
  return priv == 3 ? PMP_R | PMP_W | PMP_X : 0;
}

function recount(hb: usize): void {
  let n: u32 = 0;
  for (let i = 0; i < 16; i++) if ((cfg(hb, i) & 0x18) != 0) n++;
  store<u32>(hb, n, C_PMPNUM);
}

// pmpcfg0 (idx 0) / pmpcfg2 (idx 2) as a 64-bit CSR.
export function pmpcfgRead(hb: usize, idx: i32): u64 {
  return load<u64>(hb + C_PMPCFG + (idx == 0 ? 0 : 8));
}
export function pmpcfgWrite(hb: usize, idx: i32, v: u64): void {
  let base = idx == 0 ? 0 : 8;
  for (let j = 0; j < 8; j++) {
    let p = hb + C_PMPCFG + <usize>(base + j);
    let old = <u32>load<u8>(p);
    if ((old & 0x80) != 0) continue; // locked
    let c = <u32>(v >>> (<u64>j * 8)) & 0x9f;
    // W without R is reserved; QEMU 7.2 stores it as written (and then denies writes)
    store<u8>(p, <u8>c);
  }
  recount(hb);
}
export function pmpaddrRead(hb: usize, i: i32): u64 {
  return load<u64>(hb + C_PMPADDR + (<usize>i << 3));
}
export function pmpaddrWrite(hb: usize, i: i32, v: u64): void {
  if ((cfg(hb, i) & 0x80) != 0) return;
  if (i < 15 && (cfg(hb, i + 1) & 0x98) == 0x88) return; // locked TOR above uses this address
  store<u64>(hb + C_PMPADDR + (<usize>i << 3), v & ADDR_MASK);
}
