// APLIC (AIA platform-level interrupt controller), QEMU virt,aia=aplic[-imsic] layout:
//   M domain 0x0c000000, S domain 0x0d000000 (child of M), sources 1..96.
// Register map (per domain):
//   0x0000 domaincfg (IE bit 8, DM bit 2 = MSI mode, read-only; bit 31 reads 1)
//   0x0004 + 4(i-1) sourcecfg[i] (D bit 10 = delegate to the S domain; else SM 2:0:
//          0 inactive, 1 detached, 4 edge rise, 5 edge fall, 6 level high, 7 level low)
//   0x1bc0..0x1bcc m/smsiaddrcfg(h) (stored; MSIs go straight to the IMSIC files)
//   0x1c00 setip[w]  0x1cdc setipnum  0x1d00 in_clrip[w]  0x1ddc clripnum
//   0x1e00 setie[w]  0x1edc setienum  0x1f00 clrie[w]     0x1fdc clrienum
//   0x2000 setipnum_le  0x2004 setipnum_be  0x3000 genmsi (reads 0)
//   0x3004 + 4(i-1) target[i]: hart 31:18, MSI mode guest 17:12 + EIID 10:0, direct IPRIO 7:0
//   0x4000 + 32h IDC (direct mode): idelivery 0, iforce 4, ithreshold 8, topi 0x18, claimi 0x1c
// Level-high inputs re-pend on every device update, as QEMU's devices re-assert their lines.
import { APLIC_STATE } from '../layout';
import { nHarts, optAia } from '../state';
import { aiaLines, setAplicDirect, imsicWrite } from './imsic';

export const APLIC_M_BASE: u64 = 0x0c000000;
export const APLIC_S_BASE: u64 = 0x0d000000;
export const APLIC_SIZE: u64 = 0x8000;
const NSRC: u32 = 97; // ids 1..96
const D_CFG: usize = 0;
const D_MSICFG: usize = 4; // 4 x u32
const D_SRC: usize = 64; // u32[128]
const D_TGT: usize = 576; // u32[128]
const D_PEND: usize = 1088; // u32[4]
const D_EN: usize = 1104; // u32[4]
const D_IDC: usize = 1152; // [8] x {idelivery, iforce, ithreshold} (32 B)
const LEVELS: usize = APLIC_STATE + 0x2000; // u32[4] raw input levels

@inline function dom(d: i32): usize {
  return APLIC_STATE + (<usize>d << 12);
}
@inline function getBit(p: usize, i: u32): bool {
  return (load<u32>(p + (<usize>(i >> 5) << 2)) & (1 << (i & 31))) != 0;
}
@inline function putBit(p: usize, i: u32, on: bool): void {
  let q = p + (<usize>(i >> 5) << 2);
  let m: u32 = 1 << (i & 31);
  store<u32>(q, on ? load<u32>(q) | m : load<u32>(q) & ~m);
}

export function aplicReset(): void {
  memory.fill(APLIC_STATE, 0, 0x2100);
}

// Source mode of i in domain d (0 = inactive there).
function mode(d: i32, i: u32): u32 {
  if (i == 0 || i >= NSRC) return 0;
  let m = load<u32>(dom(0) + D_SRC + (<usize>i << 2));
  if (d == 0) return (m & 0x400) != 0 ? 0 : active(m & 7);
  if ((m & 0x400) == 0) return 0;
  return active(load<u32>(dom(1) + D_SRC + (<usize>i << 2)) & 7);
}
// Reserved modes 2 and 3 are kept in sourcecfg (QEMU reads them back) but act as inactive.
@inline function active(m: u32): u32 {
  return m == 2 || m == 3 ? 0 : m;
}
function rect(d: i32, i: u32): bool {
  let m = mode(d, i);
  let lv = getBit(LEVELS, i);
  return m == 5 || m == 7 ? !lv : lv;
}
@inline function msiMode(): bool {
  return optAia == 2;
}

function setPending(d: i32, i: u32, on: bool): void {
  let m = mode(d, i);
  if (m == 0) return;
  if (on && !msiMode() && (m == 6 || m == 7) && !rect(d, i)) return; // direct level: follows input
  putBit(dom(d) + D_PEND, i, on);
}

// Forward pending+enabled sources (MSI mode) or recompute the IDC outputs (direct mode).
export function aplicDeliver(): void {
  if (msiMode()) {
    for (let d = 0; d < 2; d++) {
      let b = dom(d);
      if ((load<u32>(b) & 0x100) == 0) continue;
      for (let w: usize = 0; w < 4; w++) {
        let m = load<u32>(b + D_PEND + (w << 2)) & load<u32>(b + D_EN + (w << 2));
        while (m != 0) {
          let i = (<u32>w << 5) + <u32>ctz(m);
          m &= m - 1;
          if (mode(d, i) == 0) continue;
          putBit(b + D_PEND, i, false);
          let t = load<u32>(b + D_TGT + (<usize>i << 2));
          imsicWrite(msiAddr(d, t >> 18, d == 0 ? 0 : (t >> 12) & 0x3f), <u64>(t & 0x7ff));
        }
      }
    }
    return;
  }
  let mLines: u32 = 0;
  let sLines: u32 = 0;
  for (let d = 0; d < 2; d++) {
    if ((load<u32>(dom(d)) & 0x100) == 0) continue;
    for (let h = 0; h < nHarts; h++) {
      let idc = dom(d) + D_IDC + (<usize>h << 5);
      if (load<u32>(idc) == 0) continue;
      if (load<u32>(idc, 4) != 0 || topi(d, h) != 0) {
        if (d == 0) mLines |= 1 << <u32>h;
        else sLines |= 1 << <u32>h;
      }
    }
  }
  setAplicDirect(mLines, sLines);
  for (let h = 0; h < nHarts; h++) aiaLines(h);
}

// MSI target address from m/smsiaddrcfg(h) (AIA spec 4.9.1): hart index split into group
// (HHXW bits at HHXS + 12) and hart-in-group (LHXW bits at LHXS); S-level adds the guest index.
// Unprogrammed registers give address 0, where nothing listens (the MSI is lost, as in QEMU).
function msiAddr(d: i32, hart: u32, guest: u32): u64 {
  let m = dom(0) + D_MSICFG;
  let cfgh = load<u32>(m, 4);
  let hhxs = <u64>((cfgh >> 24) & 0x1f);
  let hhxw = (cfgh >> 16) & 7;
  let lhxw = (cfgh >> 12) & 0xf;
  let lhxs: u64;
  let ppn: u64;
  if (d == 0) {
    lhxs = <u64>((cfgh >> 20) & 7);
    ppn = (<u64>(cfgh & 0xfff) << 32) | <u64>load<u32>(m);
  } else {
    let sh = load<u32>(m, 12);
    lhxs = <u64>((sh >> 20) & 7);
    ppn = (<u64>(sh & 0xfff) << 32) | <u64>load<u32>(m, 8);
  }
  let g = <u64>((hart >> lhxw) & ((1 << hhxw) - 1));
  let h = <u64>(hart & ((1 << lhxw) - 1));
  let page = ppn | (g << (hhxs + 12)) | (h << lhxs) | <u64>guest;
  return page << 12;
}

// Direct mode: best source for hart h in domain d as (id << 16) | iprio, or 0.
function topi(d: i32, h: i32): u32 {
  let b = dom(d);
  let th = load<u32>(b + D_IDC + (<usize>h << 5), 8);
  let best: u32 = 0;
  let bestPr: u32 = 0x100;
  for (let w: usize = 0; w < 4; w++) {
    let m = load<u32>(b + D_PEND + (w << 2)) & load<u32>(b + D_EN + (w << 2));
    while (m != 0) {
      let i = (<u32>w << 5) + <u32>ctz(m);
      m &= m - 1;
      if (mode(d, i) == 0) continue;
      let t = load<u32>(b + D_TGT + (<usize>i << 2));
      if (<i32>(t >> 18) != h) continue;
      let pr = t & 0xff;
      if (pr == 0) pr = 1;
      if (th != 0 && pr >= th) continue;
      if (pr < bestPr) { bestPr = pr; best = (i << 16) | pr; }
    }
  }
  return best;
}

// A device input changed (or is re-asserted).
export function aplicInput(i: u32, level: bool): void {
  if (i == 0 || i >= NSRC) return;
  let old = getBit(LEVELS, i);
  putBit(LEVELS, i, level);
  for (let d = 0; d < 2; d++) {
    let m = mode(d, i);
    if (m == 0 || m == 1) continue;
    let r = rect(d, i);
    let wasR = m == 5 || m == 7 ? !old : old;
    if (m == 6 || m == 7) {
      if (msiMode()) { if (r) putBit(dom(d) + D_PEND, i, true); }
      else putBit(dom(d) + D_PEND, i, r);
    } else if (r && !wasR) putBit(dom(d) + D_PEND, i, true);
  }
  aplicDeliver();
}

function domainOf(pa: u64): i32 {
  if (pa >= APLIC_M_BASE && pa < APLIC_M_BASE + APLIC_SIZE) return 0;
  if (pa >= APLIC_S_BASE && pa < APLIC_S_BASE + APLIC_SIZE) return 1;
  return -1;
}
export function aplicIsPage(pa: u64): bool {
  return domainOf(pa) >= 0;
}

export function aplicRead(pa: u64): u32 {
  let d = domainOf(pa);
  let b = dom(d);
  let off = <u32>(pa - (d == 0 ? APLIC_M_BASE : APLIC_S_BASE)) & ~3;
  if (off == 0) return 0x80000000 | (load<u32>(b) & 0x100) | (msiMode() ? 4 : 0);
  if (off < 0x1000) {
    let i = off >> 2;
    if (i >= NSRC) return 0;
    if (d == 1 && mode(1, i) == 0 && (load<u32>(dom(0) + D_SRC + (<usize>i << 2)) & 0x400) == 0) return 0;
    return load<u32>(b + D_SRC + (<usize>i << 2));
  }
  if (off >= 0x1bc0 && off < 0x1bd0) return d == 0 ? load<u32>(b + D_MSICFG + <usize>(off - 0x1bc0)) : 0;
  if (off >= 0x1c00 && off < 0x1c80) { let w = (off - 0x1c00) >> 2; return w < 4 ? activeMask(d, w, load<u32>(b + D_PEND + (<usize>w << 2))) : 0; }
  if (off >= 0x1d00 && off < 0x1d80) {
    let w = (off - 0x1d00) >> 2;
    if (w >= 4) return 0;
    let v: u32 = 0;
    for (let k: u32 = 0; k < 32; k++) if (mode(d, (w << 5) + k) != 0 && rect(d, (w << 5) + k)) v |= 1 << k;
    return v;
  }
  if (off >= 0x1e00 && off < 0x1e80) { let w = (off - 0x1e00) >> 2; return w < 4 ? activeMask(d, w, load<u32>(b + D_EN + (<usize>w << 2))) : 0; }
  if (off >= 0x3004 && off < 0x4000) {
    let i = ((off - 0x3004) >> 2) + 1;
    return i < NSRC && mode(d, i) != 0 ? load<u32>(b + D_TGT + (<usize>i << 2)) : 0;
  }
  if (off >= 0x4000 && !msiMode()) {
    let h = <i32>((off - 0x4000) >> 5);
    let r = (off - 0x4000) & 31;
    if (h >= nHarts) return 0;
    let idc = b + D_IDC + (<usize>h << 5);
    if (r == 0) return load<u32>(idc);
    if (r == 4) return load<u32>(idc, 4);
    if (r == 8) return load<u32>(idc, 8);
    if (r == 0x18) return topi(d, h);
    if (r == 0x1c) {
      let t = topi(d, h);
      if (t == 0) store<u32>(idc, 0, 4);
      else {
        let i = t >> 16;
        let m = mode(d, i);
        if (m != 6 && m != 7) putBit(b + D_PEND, i, false);
      }
      aplicDeliver();
      return t;
    }
  }
  return 0;
}

function activeMask(d: i32, w: u32, v: u32): u32 {
  let r: u32 = 0;
  for (let k: u32 = 0; k < 32; k++) if ((v & (1 << k)) != 0 && mode(d, (w << 5) + k) != 0) r |= 1 << k;
  return r;
}

export function aplicWrite(pa: u64, v: u32): void {
  let d = domainOf(pa);
  let b = dom(d);
  let off = <u32>(pa - (d == 0 ? APLIC_M_BASE : APLIC_S_BASE)) & ~3;
  if (off == 0) store<u32>(b, v & 0x100);
  else if (off < 0x1000) {
    let i = off >> 2;
    if (i >= NSRC) return;
    if (d == 1 && (load<u32>(dom(0) + D_SRC + (<usize>i << 2)) & 0x400) == 0) return;
    let nv: u32;
    if ((v & 0x400) != 0) nv = d == 0 ? 0x400 : 0; // the S domain has no children
    else nv = v & 7;
    store<u32>(b + D_SRC + (<usize>i << 2), nv);
    if (active(nv) == 0 || (nv & 0x400) != 0) {
      putBit(b + D_PEND, i, false);
      putBit(b + D_EN, i, false);
    } else if ((nv == 6 || nv == 7) && !msiMode()) putBit(b + D_PEND, i, rect(d, i));
  } else if (off >= 0x1bc0 && off < 0x1bd0) {
    if (d == 0) store<u32>(b + D_MSICFG + <usize>(off - 0x1bc0), v);
  } else if (off >= 0x1c00 && off < 0x1c80) {
    let w = (off - 0x1c00) >> 2;
    for (let k: u32 = 0; k < 32; k++) if ((v & (1 << k)) != 0) setPending(d, (w << 5) + k, true);
  } else if (off == 0x1cdc || off == 0x2000) setPending(d, v, true);
  else if (off == 0x2004) setPending(d, bswap<u32>(v), true);
  else if (off >= 0x1d00 && off < 0x1d80) {
    let w = (off - 0x1d00) >> 2;
    for (let k: u32 = 0; k < 32; k++) if ((v & (1 << k)) != 0) clearPending(d, (w << 5) + k);
  } else if (off == 0x1ddc) clearPending(d, v);
  else if (off >= 0x1e00 && off < 0x1e80) {
    let w = (off - 0x1e00) >> 2;
    for (let k: u32 = 0; k < 32; k++) if ((v & (1 << k)) != 0) setEnable(d, (w << 5) + k, true);
  } else if (off == 0x1edc) setEnable(d, v, true);
  else if (off >= 0x1f00 && off < 0x1f80) {
    let w = (off - 0x1f00) >> 2;
    for (let k: u32 = 0; k < 32; k++) if ((v & (1 << k)) != 0) setEnable(d, (w << 5) + k, false);
  } else if (off == 0x1fdc) setEnable(d, v, false);
  else if (off >= 0x3004 && off < 0x4000) {
    let i = ((off - 0x3004) >> 2) + 1;
    if (i >= NSRC || mode(d, i) == 0) return;
    // direct mode: IPRIOLEN = 3 like QEMU virt (VIRT_IRQCHIP_IPRIO_BITS), priority 0 reads as 1
    let t = msiMode() ? v & 0xfffff7ff : v & 0xfffc0007;
    if (!msiMode() && (t & 7) == 0) t |= 1;
    store<u32>(b + D_TGT + (<usize>i << 2), t);
  } else if (off >= 0x4000 && !msiMode()) {
    let h = <i32>((off - 0x4000) >> 5);
    let r = (off - 0x4000) & 31;
    if (h >= nHarts) return;
    let idc = b + D_IDC + (<usize>h << 5);
    if (r == 0) store<u32>(idc, v & 1);
    else if (r == 4) store<u32>(idc, v & 1, 4);
    else if (r == 8) store<u32>(idc, v & 7, 8);
  }
  aplicDeliver();
}

function clearPending(d: i32, i: u32): void {
  if (i == 0 || i >= NSRC || mode(d, i) == 0) return;
  let m = mode(d, i);
  if ((m == 6 || m == 7) && !msiMode()) return; // direct level: follows the input
  putBit(dom(d) + D_PEND, i, false);
}
function setEnable(d: i32, i: u32, on: bool): void {
  if (i == 0 || i >= NSRC || mode(d, i) == 0) return;
  putBit(dom(d) + D_EN, i, on);
}
