// CLINT / ACLINT (MSWI + MTIMER) at 0x2000000 (QEMU virt):
//   0x0000 + 4h   msip[h]      (bit 0 = MSIP of hart h)
//   0x4000 + 8h   mtimecmp[h]  (64-bit; 32-bit halves accepted)
//   0xbff8        mtime        (64-bit)
// The per-hart values live in the hart blocks (C_MSIP, C_MTIMECMP): the interrupt check reads
// them directly.
import { hartBase, C_MSIP, C_MTIMECMP } from '../hart';
import { nHarts, mtime, setMtime } from '../state';

export const CLINT_BASE: u64 = 0x2000000;
export const CLINT_SIZE: u64 = 0x10000;

export function clintRead(off: u32, size: i32): u64 {
  if (off < 0x4000) {
    let h = <i32>(off >> 2);
    if (h < nHarts && (off & 3) == 0) return load<u64>(hartBase(h), C_MSIP) & 1;
    return 0;
  }
  if (off >= 0x4000 && off < 0xbff8) {
    let h = <i32>((off - 0x4000) >> 3);
    if (h >= nHarts) return 0;
    let v = load<u64>(hartBase(h), C_MTIMECMP);
    if ((off & 4) != 0) return v >>> 32;
    return size == 8 ? v : v & 0xffffffff;
  }
  if (off == 0xbff8) return size == 8 ? mtime() : mtime() & 0xffffffff;
  if (off == 0xbffc) return mtime() >>> 32;
  return 0;
}

export function clintWrite(off: u32, size: i32, v: u64): void {
  if (off < 0x4000) {
    let h = <i32>(off >> 2);
    if (h < nHarts && (off & 3) == 0) store<u64>(hartBase(h), v & 1, C_MSIP);
    return;
  }
  if (off >= 0x4000 && off < 0xbff8) {
    let h = <i32>((off - 0x4000) >> 3);
    if (h >= nHarts) return;
    let b = hartBase(h);
    let old = load<u64>(b, C_MTIMECMP);
    if (size == 8) store<u64>(b, v, C_MTIMECMP);
    else if ((off & 4) != 0) store<u64>(b, (old & 0xffffffff) | (v << 32), C_MTIMECMP);
    else store<u64>(b, (old & 0xffffffff00000000) | (v & 0xffffffff), C_MTIMECMP);
    return;
  }
  if (off == 0xbff8) {
    let t = mtime();
    if (size == 8) setMtime(v);
    else setMtime((t & 0xffffffff00000000) | (v & 0xffffffff));
  } else if (off == 0xbffc) {
    setMtime((mtime() & 0xffffffff) | (v << 32));
  }
}
