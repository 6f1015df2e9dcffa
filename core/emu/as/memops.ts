// Slow paths of instruction fetch, loads and stores: TLB misses, MMIO, page-crossing accesses.
// They raise exceptions through state.raise and never touch host memory out of bounds.
import { access, tlbBase, xPa, ACC_FETCH, ACC_LOAD, ACC_STORE } from './mmu';
import { busRead, busWrite, busErr } from './bus';
import { raise, excCause } from './state';
import { TLB_FETCH, TLB_N } from './layout';
import { C_FETCHCTX } from './hart';
import { wpCount, watchHit, WATCH_CAUSE } from './debug';

export let gFVa: u64 = 0;
export let gFAdd: u64 = 0;

// Fetch 16 bits at va (returns -1 on fault); records the cacheable page in gFVa/gFAdd.
function fetch16(h: i32, hb: usize, va: u64, first: bool): i32 {
  let vpn = va >>> 12;
  let e = tlbBase(h) + TLB_FETCH + (((<usize>vpn) & (TLB_N - 1)) << 4);
  let ctx = load<u64>(hb, C_FETCHCTX);
  if (load<u64>(e) != (vpn ^ ctx)) {
    if (!access(h, hb, va, ACC_FETCH, 2)) return -1;
    if (load<u64>(e) != (vpn ^ ctx)) {
      // not cacheable (MMIO or PMP sub-page): read through the bus
      let v = busRead(xPa, 2);
      if (busErr) {
        raise(1, va);
        return -1;
      }
      return <i32>v;
    }
  }
  let add = load<u64>(e, 8);
  if (first) {
    gFVa = va & ~(<u64>0xfff);
    gFAdd = add;
  }
  return <i32>load<u16>(<usize>(va + add));
}

export function fetchSlow(h: i32, hb: usize, pc: u64): u32 {
  gFVa = pc ^ 0x8000000000000000; // uncached unless fetch16 finds a TLB entry
  let lo = fetch16(h, hb, pc, true);
  if (lo < 0) return 0;
  if ((lo & 3) != 3) return <u32>lo;
  let hi = fetch16(h, hb, pc + 2, false);
  if (hi < 0) return 0;
  return (<u32>lo) | ((<u32>hi) << 16);
}

export function loadSlow(h: i32, hb: usize, va: u64, size: i32): u64 {
  if ((va & 0xfff) + <u64>size > 0x1000) {
    let v: u64 = 0;
    for (let i = 0; i < size; i++) {
      let b = loadSlow(h, hb, va + <u64>i, 1);
      if (excCause >= 0) return 0;
      v |= b << (<u64>i * 8);
    }
    return v;
  }
  if (!access(h, hb, va, ACC_LOAD, <u64>size)) return 0;
  if (wpCount != 0 && watchHit(h, xPa, size, 1)) {
    raise(WATCH_CAUSE, va);
    return 0;
  }
  let v = busRead(xPa, size);
  if (busErr) {
    raise(5, va);
    return 0;
  }
  return v;
}

export function storeSlow(h: i32, hb: usize, va: u64, size: i32, v: u64): void {
  if ((va & 0xfff) + <u64>size > 0x1000) {
    // check both pages first so a fault leaves memory untouched
    let first = <i32>(0x1000 - (va & 0xfff));
    if (!access(h, hb, va, ACC_STORE, <u64>first)) return;
    if (!access(h, hb, va + <u64>first, ACC_STORE, <u64>(size - first))) return;
    for (let i = 0; i < size; i++) {
      storeSlow(h, hb, va + <u64>i, 1, v >>> (<u64>i * 8));
      if (excCause >= 0) return;
    }
    return;
  }
  if (!access(h, hb, va, ACC_STORE, <u64>size)) return;
  if (wpCount != 0 && watchHit(h, xPa, size, 2)) {
    raise(WATCH_CAUSE, va);
    return;
  }
  busWrite(xPa, size, v);
  if (busErr) raise(7, va);
}

// Physical address for an atomic (must be naturally aligned RAM); raises on fault.
export function amoAddr(h: i32, hb: usize, va: u64, size: i32, isLoad: bool): u64 {
  if ((va & (<u64>(size - 1))) != 0) {
    raise(4, va); // QEMU 7.2 reports misaligned LR/AMOs as load-address-misaligned
    return 0;
  }
  if (!access(h, hb, va, isLoad ? ACC_LOAD : ACC_STORE, <u64>size)) return 0;
  let pa = xPa;
  if (!(pa >= 0x80000000)) {
    raise(isLoad ? 5 : 7, va);
    return 0;
  }
  if (wpCount != 0 && watchHit(h, pa, size, isLoad ? 1 : 3)) {
    raise(WATCH_CAUSE, va);
    return 0;
  }
  return pa;
}
