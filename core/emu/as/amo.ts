// A extension: LR/SC and AMOs (word and doubleword). SC succeeds when this hart holds a
// reservation on the address and memory still holds the value LR read (QEMU's cmpxchg rule),
// which keeps reservations meaningful across harts interleaved in quanta.
import { C_RES_ADDR, C_RES_VAL } from './hart';
import { raise, excCause } from './state';
import { amoAddr } from './memops';
import { isRam } from './bus';
import { RAM_OFF, RAM_BASE, TLB_LOAD, TLB_STORE, TLB_N } from './layout';
import { C_DATACTX } from './hart';
import { tlbBase } from './mmu';
import { jitWrite } from './jit';

const NONE: u64 = 0xffffffffffffffff;

// Physical address of an aligned atomic through the data TLB (RAM pages only), or NONE.
function fastPa(h: i32, hb: usize, va: u64, size: i32, st: bool): u64 {
  if ((va & <u64>(size - 1)) != 0) return NONE;
  let vpn = va >>> 12;
  let e = tlbBase(h) + (st ? TLB_STORE : TLB_LOAD) + ((<usize>vpn & (<usize>TLB_N - 1)) << 4);
  if (load<u64>(e) != (vpn ^ load<u64>(hb, C_DATACTX))) return NONE;
  let host = <usize>(va + load<u64>(e, 8));
  if (host < RAM_OFF) return NONE;
  return <u64>(host - RAM_OFF) + RAM_BASE;
}

@inline function X(hb: usize, r: u32): u64 {
  return load<u64>(hb + (<usize>r << 3));
}
@inline function W(hb: usize, r: u32, v: u64): void {
  if (r != 0) store<u64>(hb + (<usize>r << 3), v);
}

export function execAmo(h: i32, hb: usize, inst: u32): void {
  let f3 = (inst >> 12) & 7;
  if (f3 != 2 && f3 != 3) { raise(2, <u64>inst); return; }
  let size = f3 == 2 ? 4 : 8;
  let rd = (inst >> 7) & 31;
  let va = X(hb, (inst >> 15) & 31);
  let src = X(hb, (inst >> 20) & 31);
  let f5 = inst >> 27;
  if (f5 == 2) {
    if (((inst >> 20) & 31) != 0) { raise(2, <u64>inst); return; }
    let pa = fastPa(h, hb, va, size, false);
    if (pa == NONE) {
      pa = amoAddr(h, hb, va, size, true);
      if (excCause >= 0) return;
    }
    if (!isRam(pa, <u64>size)) { raise(5, va); return; }
    let p = RAM_OFF + <usize>(pa - RAM_BASE);
    let v = size == 4 ? <u64><i64>load<i32>(p) : load<u64>(p);
    store<u64>(hb, pa, C_RES_ADDR);
    store<u64>(hb, v, C_RES_VAL);
    W(hb, rd, v);
    return;
  }
  if (f5 == 3 && (va & <u64>(size - 1)) != 0) {
    // QEMU 7.2: an SC whose address cannot hold a reservation fails without trapping
    store<u64>(hb, 0xffffffffffffffff, C_RES_ADDR);
    W(hb, rd, 1);
    return;
  }
  let pa = fastPa(h, hb, va, size, true);
  if (pa == NONE) {
    pa = amoAddr(h, hb, va, size, false);
    if (excCause >= 0) return;
  }
  if (!isRam(pa, <u64>size)) { raise(7, va); return; }
  let p = RAM_OFF + <usize>(pa - RAM_BASE);
  if (f5 == 3) { // SC
    let ok = load<u64>(hb, C_RES_ADDR) == pa;
    if (ok) {
      let cur = size == 4 ? <u64><i64>load<i32>(p) : load<u64>(p);
      ok = cur == load<u64>(hb, C_RES_VAL);
    }
    store<u64>(hb, 0xffffffffffffffff, C_RES_ADDR);
    if (ok) {
      jitWrite(pa, <u32>size);
      if (size == 4) store<u32>(p, <u32>src); else store<u64>(p, src);
    }
    W(hb, rd, ok ? 0 : 1);
    return;
  }
  let old: u64 = size == 4 ? <u64><i64>load<i32>(p) : load<u64>(p);
  let b = size == 4 ? <u64><i64><i32>src : src;
  let nv: u64;
  switch (f5) {
    case 0x01: nv = b; break; // amoswap
    case 0x00: nv = old + b; break;
    case 0x04: nv = old ^ b; break;
    case 0x0c: nv = old & b; break;
    case 0x08: nv = old | b; break;
    case 0x10: nv = <i64>old < <i64>b ? old : b; break;
    case 0x14: nv = <i64>old > <i64>b ? old : b; break;
    case 0x18: nv = size == 4 ? (<u32>old < <u32>b ? old : b) : (old < b ? old : b); break;
    case 0x1c: nv = size == 4 ? (<u32>old > <u32>b ? old : b) : (old > b ? old : b); break;
    default: raise(2, <u64>inst); return;
  }
  jitWrite(pa, <u32>size);
  if (size == 4) store<u32>(p, <u32>nv); else store<u64>(p, nv);
  W(hb, rd, old);
}
