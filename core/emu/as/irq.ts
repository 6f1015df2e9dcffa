// Interrupt lines and pending bits (mip as software + devices + timers see it).
import {
  C_MIP, C_MSIP, C_MTIMECMP, C_EXT_LINES, C_MENVCFG, C_HENVCFG, C_STIMECMP, C_VSTIMECMP,
  C_HTIMEDELTA, C_HGEIP, C_HGEIE, C_HSTATUS,
} from './hart';
import { mtime, optSstc } from './state';

export const IRQ_SSI: u64 = 1 << 1;
export const IRQ_VSSI: u64 = 1 << 2;
export const IRQ_MSI: u64 = 1 << 3;
export const IRQ_STI: u64 = 1 << 5;
export const IRQ_VSTI: u64 = 1 << 6;
export const IRQ_MTI: u64 = 1 << 7;
export const IRQ_SEI: u64 = 1 << 9;
export const IRQ_VSEI: u64 = 1 << 10;
export const IRQ_MEI: u64 = 1 << 11;
export const IRQ_SGEI: u64 = 1 << 12;
export const VS_INTS: u64 = IRQ_VSSI | IRQ_VSTI | IRQ_VSEI;
export const S_INTS: u64 = IRQ_SSI | IRQ_STI | IRQ_SEI;
export const STCE: u64 = 1 << 63;

@inline export function stceOn(hb: usize): bool {
  return optSstc && (load<u64>(hb, C_MENVCFG) & STCE) != 0;
}

// Effective mip of a hart right now.
export function mipNow(hb: usize): u64 {
  let v = load<u64>(hb, C_MIP) | load<u64>(hb, C_EXT_LINES);
  if ((load<u64>(hb, C_MSIP) & 1) != 0) v |= IRQ_MSI;
  let t = mtime();
  if (t >= load<u64>(hb, C_MTIMECMP)) v |= IRQ_MTI;
  if (stceOn(hb)) {
    v &= ~IRQ_STI;
    if (t >= load<u64>(hb, C_STIMECMP)) v |= IRQ_STI;
    if ((load<u64>(hb, C_HENVCFG) & STCE) != 0 && t + load<u64>(hb, C_HTIMEDELTA) >= load<u64>(hb, C_VSTIMECMP)) v |= IRQ_VSTI;
  }
  let g = load<u64>(hb, C_HGEIP) & load<u64>(hb, C_HGEIE);
  if (g != 0) v |= IRQ_SGEI;
  let vgein = (load<u64>(hb, C_HSTATUS) >>> 12) & 63;
  if (vgein != 0 && ((load<u64>(hb, C_HGEIP) >>> vgein) & 1) != 0) v |= IRQ_VSEI;
  return v;
}

// Earliest mtime at which a timer of this hart fires (0xffff.. if none armed).
export function nextTimer(hb: usize): u64 {
  let m = load<u64>(hb, C_MTIMECMP);
  if (stceOn(hb)) {
    let s = load<u64>(hb, C_STIMECMP);
    if (s < m) m = s;
    if ((load<u64>(hb, C_HENVCFG) & STCE) != 0) {
      let vs = load<u64>(hb, C_VSTIMECMP) - load<u64>(hb, C_HTIMEDELTA);
      if (vs < m) m = vs;
    }
  }
  return m;
}
