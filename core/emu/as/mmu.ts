// Address translation: Sv39/Sv48/Sv57 for S/U, and for V=1 the VS-stage (vsatp) over the
// G-stage (hgatp Sv39x4/Sv48x4/Sv57x4), A/D bits updated by hardware like QEMU, Svpbmt,
// PMP on every physical access, and the per-hart TLBs (fetch/load/store, direct mapped,
// tag = vpn ^ context) that feed the interpreter's fast path.
import {
  C_SATP, C_VSATP, C_HGATP, C_MSTATUS, C_VSSTATUS, C_MENVCFG, C_HENVCFG, H_PRIV, H_VIRT,
  C_DATACTX, C_FETCHCTX,
} from './hart';
import { TLB_OFF, TLB_PER_HART, TLB_N, TLB_FETCH, TLB_LOAD, TLB_STORE } from './layout';
import { busRead, busWrite, busErr, hostPage } from './bus';
import { pmpPerm, pmpPagePerm, PMP_R, PMP_W, PMP_X } from './pmp';
import { raise, raiseG, optSvpbmt } from './state';
import { wpCount } from './debug';

export const ACC_FETCH: i32 = 0;
export const ACC_LOAD: i32 = 1;
export const ACC_STORE: i32 = 2;

const PPN_MASK: u64 = (1 << 44) - 1;
const MSTATUS_SUM: u64 = 1 << 18;
const MSTATUS_MXR: u64 = 1 << 19;
const MSTATUS_MPRV: u64 = 1 << 17;
const MSTATUS_MPV: u64 = 1 << 39;

export let xPa: u64 = 0; // result of the last successful translation
// Debugger translations must not set A/D bits in guest page tables.
export let noADUpdate: bool = false;
export function setNoADUpdate(v: bool): void {
  noADUpdate = v;
}

@inline export function tlbBase(h: i32): usize {
  return TLB_OFF + <usize>h * TLB_PER_HART;
}

export function tlbFlush(h: i32): void {
  memory.fill(tlbBase(h), 0, TLB_PER_HART);
}

// Recompute the TLB tag contexts after a change of privilege, V or mstatus.MPRV/MPP/MPV.
export function updateCtx(hb: usize): void {
  let priv = load<u32>(hb, H_PRIV);
  let virt = load<u32>(hb, H_VIRT);
  store<u64>(hb, (<u64>(priv | (virt << 2) | 8)) << 56, C_FETCHCTX);
  let ms = load<u64>(hb, C_MSTATUS);
  let dp = priv;
  let dv = virt;
  if (priv == 3 && (ms & MSTATUS_MPRV) != 0) {
    dp = <u32>(ms >>> 11) & 3;
    dv = dp != 3 && (ms & MSTATUS_MPV) != 0 ? 1 : 0;
  }
  store<u64>(hb, (<u64>(dp | (dv << 2) | 8)) << 56, C_DATACTX);
}

function pageFault(acc: i32, va: u64, virt: bool): void {
  let c: i64 = acc == ACC_FETCH ? 12 : acc == ACC_LOAD ? 13 : 15;
  raiseG(c, va, 0, virt);
}
function accessFault(acc: i32, va: u64): void {
  raise(acc == ACC_FETCH ? 1 : acc == ACC_LOAD ? 5 : 7, va);
}
function guestFault(acc: i32, va: u64, gpa: u64, gva: bool): void {
  raiseG(acc == ACC_FETCH ? 20 : acc == ACC_LOAD ? 21 : 23, va, gpa >>> 2, gva);
}

// G-stage: guest physical → host physical. gva: tval holds a guest virtual address.
let gPa: u64 = 0;
function gstage(hb: usize, gpa: u64, acc: i32, va: u64, gva: bool, hlvx: bool, implicitLoad: bool): bool {
  let hgatp = load<u64>(hb, C_HGATP);
  let mode = <u32>(hgatp >>> 60);
  if (mode == 0) { gPa = gpa; return true; }
  let levels: i32 = mode == 8 ? 3 : mode == 9 ? 4 : 5;
  let bits = 12 + 9 * levels + 2;
  if ((gpa >>> <u64>bits) != 0) { guestFault(acc, va, gpa, gva); return false; }
  let a = ((hgatp & PPN_MASK) & ~<u64>3) << 12;
  let mxr = (load<u64>(hb, C_MSTATUS) & MSTATUS_MXR) != 0;
  for (let i = levels - 1; i >= 0; i--) {
    let shift = <u64>(12 + 9 * i);
    let idx = i == levels - 1 ? (gpa >>> shift) & 2047 : (gpa >>> shift) & 511;
    let pteAddr = a + (idx << 3);
    if ((pmpPerm(hb, pteAddr, 8, 1) & PMP_R) == 0) { accessFault(acc, va); return false; }
    let pte = busRead(pteAddr, 8);
    if (busErr) { accessFault(acc, va); return false; }
    if ((pte & 1) == 0 || (pte & 6) == 4 || (pte & 0x1fc0000000000000) != 0 || (pte & 0x8000000000000000) != 0) {
      guestFault(acc, va, gpa, gva); return false;
    }
    let pbmt = (pte >>> 61) & 3;
    if (pbmt != 0 && (!optSvpbmt || (load<u64>(hb, C_MENVCFG) & (<u64>1 << 62)) == 0 || pbmt == 3)) {
      guestFault(acc, va, gpa, gva); return false;
    }
    let ppn = (pte >>> 10) & PPN_MASK;
    if ((pte & 0xa) != 0) {
      // leaf: must be a user page; permissions as an access of the original type
      if ((pte & 0x10) == 0) { guestFault(acc, va, gpa, gva); return false; }
      let ok: bool;
      if (acc == ACC_FETCH) ok = (pte & 8) != 0;
      else if (acc == ACC_STORE && !implicitLoad) ok = (pte & 4) != 0;
      else if (hlvx) ok = (pte & 8) != 0;
      else ok = (pte & 2) != 0 || (mxr && (pte & 8) != 0);
      if (!ok) { guestFault(acc, va, gpa, gva); return false; }
      let lowMask: u64 = (<u64>1 << <u64>(9 * i)) - 1;
      if ((ppn & lowMask) != 0) { guestFault(acc, va, gpa, gva); return false; }
      let npte = pte | 0x40 | (acc == ACC_STORE && !implicitLoad ? 0x80 : 0);
      if (npte != pte && !noADUpdate) busWrite(pteAddr, 8, npte);
      gPa = (((ppn & ~lowMask) | ((gpa >>> 12) & lowMask)) << 12) | (gpa & 0xfff);
      return true;
    }
    if (i == 0) break;
    a = ppn << 12;
  }
  guestFault(acc, va, gpa, gva);
  return false;
}

// Translate va for an access at (priv, virt). On success xPa holds the physical address; on
// failure an exception is raised (state.excCause) and false returned. No PMP check of the
// final address here (callers check with the access size).
export function translate(hb: usize, va: u64, acc: i32, priv: u32, virt: bool, hlvx: bool): bool {
  if (priv == 3) { xPa = va; return true; }
  let satp = virt ? load<u64>(hb, C_VSATP) : load<u64>(hb, C_SATP);
  let mode = <u32>(satp >>> 60);
  if (mode == 0) {
    if (virt) {
      if (!gstage(hb, va, acc, va, true, hlvx, false)) return false; // tval is a guest VA
      xPa = gPa;
    } else xPa = va;
    return true;
  }
  let levels: i32 = mode == 8 ? 3 : mode == 9 ? 4 : 5;
  let vabits = <u64>(12 + 9 * levels);
  if (<u64>((<i64>(va << (64 - vabits))) >> <i64>(64 - vabits)) != va) { pageFault(acc, va, virt); return false; }
  let ms = load<u64>(hb, C_MSTATUS);
  let sum: bool;
  let mxr: bool;
  let pbmte: bool;
  if (virt) {
    let vs = load<u64>(hb, C_VSSTATUS);
    sum = (vs & MSTATUS_SUM) != 0;
    mxr = ((vs | ms) & MSTATUS_MXR) != 0;
    pbmte = (load<u64>(hb, C_HENVCFG) & (<u64>1 << 62)) != 0;
  } else {
    sum = (ms & MSTATUS_SUM) != 0;
    mxr = (ms & MSTATUS_MXR) != 0;
    pbmte = (load<u64>(hb, C_MENVCFG) & (<u64>1 << 62)) != 0;
  }
  pbmte = pbmte && optSvpbmt;
  let a = (satp & PPN_MASK) << 12;
  for (let i = levels - 1; i >= 0; i--) {
    let shift = <u64>(12 + 9 * i);
    let pteAddr = a + (((va >>> shift) & 511) << 3);
    if (virt) {
      if (!gstage(hb, pteAddr, acc, va, true, false, true)) return false;
      pteAddr = gPa;
    }
    if ((pmpPerm(hb, pteAddr, 8, 1) & PMP_R) == 0) { accessFault(acc, va); return false; }
    let pte = busRead(pteAddr, 8);
    if (busErr) { accessFault(acc, va); return false; }
    if ((pte & 1) == 0 || (pte & 6) == 4 || (pte & 0x1fc0000000000000) != 0 || (pte & 0x8000000000000000) != 0) {
      pageFault(acc, va, virt); return false;
    }
    let pbmt = (pte >>> 61) & 3;
    if (pbmt != 0 && (!pbmte || pbmt == 3)) { pageFault(acc, va, virt); return false; }
    let ppn = (pte >>> 10) & PPN_MASK;
    if ((pte & 0xa) != 0) {
      let u = (pte & 0x10) != 0;
      if (priv == 0 && !u) { pageFault(acc, va, virt); return false; }
      if (priv == 1 && u && (acc == ACC_FETCH || !sum)) { pageFault(acc, va, virt); return false; }
      let ok: bool;
      if (acc == ACC_FETCH) ok = (pte & 8) != 0;
      else if (acc == ACC_STORE) ok = (pte & 4) != 0;
      else if (hlvx) ok = (pte & 8) != 0;
      else ok = (pte & 2) != 0 || (mxr && (pte & 8) != 0);
      if (!ok) { pageFault(acc, va, virt); return false; }
      let lowMask: u64 = (<u64>1 << <u64>(9 * i)) - 1;
      if ((ppn & lowMask) != 0) { pageFault(acc, va, virt); return false; }
      let npte = pte | 0x40 | (acc == ACC_STORE ? 0x80 : 0);
      if (npte != pte && !noADUpdate) {
        if (virt) {
          // the A/D update is a store to guest memory: re-check G-stage write permission
          if (!gstage(hb, a + (((va >>> shift) & 511) << 3), ACC_STORE, va, true, false, false)) return false;
        }
        busWrite(pteAddr, 8, npte);
      }
      let pa = (((ppn & ~lowMask) | ((va >>> 12) & lowMask)) << 12) | (va & 0xfff);
      if (virt) {
        if (!gstage(hb, pa, acc, va, true, hlvx, false)) return false;
        pa = gPa;
      }
      xPa = pa;
      return true;
    }
    if (i == 0) break;
    a = ppn << 12;
  }
  pageFault(acc, va, virt);
  return false;
}

// Full access check for the current hart's effective privilege: translation + PMP for `size`
// bytes (not crossing a page). Fills the TLB when the page is plain memory and PMP-uniform.
export function access(h: i32, hb: usize, va: u64, acc: i32, size: u64): bool {
  let priv = load<u32>(hb, H_PRIV);
  let virt = load<u32>(hb, H_VIRT) != 0;
  if (acc != ACC_FETCH) {
    let ms = load<u64>(hb, C_MSTATUS);
    if (priv == 3 && (ms & MSTATUS_MPRV) != 0) {
      priv = <u32>(ms >>> 11) & 3;
      virt = priv != 3 && (ms & MSTATUS_MPV) != 0;
    }
  }
  if (!translate(hb, va, acc, priv, virt, false)) return false;
  let pa = xPa;
  let need = acc == ACC_FETCH ? PMP_X : acc == ACC_LOAD ? PMP_R : PMP_W;
  if ((pmpPerm(hb, pa, size, priv) & need) == 0) { accessFault(acc, va); return false; }
  // TLB fill
  let host = hostPage(pa, acc == ACC_STORE);
  if (host != 0 && (wpCount == 0 || acc == ACC_FETCH)) {
    let pp = pmpPagePerm(hb, pa & ~0xfff, priv);
    if (pp >= 0 && (pp & need) != 0) {
      let ctx = acc == ACC_FETCH ? load<u64>(hb, C_FETCHCTX) : load<u64>(hb, C_DATACTX);
      let arr = tlbBase(h) + (acc == ACC_FETCH ? TLB_FETCH : acc == ACC_LOAD ? TLB_LOAD : TLB_STORE);
      let vpn = va >>> 12;
      let e = arr + ((<usize>vpn & (TLB_N - 1)) << 4);
      store<u64>(e, vpn ^ ctx);
      store<u64>(e, <u64>host - (va & ~0xfff), 8);
    }
  }
  return true;
}
