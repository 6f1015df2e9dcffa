// Traps (exceptions and interrupts) with M/HS/VS delegation, and xRET (privileged spec 1.12 +
// H 1.0). Every function returns the new pc and leaves the hart block consistent.
import {
  H_PRIV, H_VIRT, C_MSTATUS, C_MEDELEG, C_MIDELEG, C_MIE, C_MTVEC, C_MEPC, C_MCAUSE, C_MTVAL,
  C_MTVAL2, C_MTINST, C_STVEC, C_SEPC, C_SCAUSE, C_STVAL, C_HSTATUS, C_HEDELEG, C_HIDELEG,
  C_HTVAL, C_HTINST, C_VSSTATUS, C_VSTVEC, C_VSEPC, C_VSCAUSE, C_VSTVAL, C_RES_ADDR,
} from './hart';
import { mipNow, VS_INTS } from './irq';
import { updateCtx } from './mmu';
import { optH, curHart } from './state';
import { pushEvent, EV_TRAP, EV_MODE } from './events';

const MIE: u64 = 1 << 3;
const SIE: u64 = 1 << 1;
const SPIE: u64 = 1 << 5;
const MPIE: u64 = 1 << 7;
const SPP: u64 = 1 << 8;
const MPP_SHIFT: u64 = 11;
const MPRV: u64 = 1 << 17;
const MPV: u64 = 1 << 39;
const GVA: u64 = 1 << 38;
const HS_GVA: u64 = 1 << 6;
const HS_SPV: u64 = 1 << 7;
const HS_SPVP: u64 = 1 << 8;

// VS-level interrupts and SGEI are always delegated (read-only one in mideleg). QEMU 7.2 only
// shows them in the CSR after the first write, but delivers them as delegated from reset.
export function midelegEff(hb: usize): u64 {
  return load<u64>(hb, C_MIDELEG) | (optH ? VS_INTS | (1 << 12) : 0);
}

@inline function vec(tvec: u64, irq: bool, code: u64): u64 {
  let base = tvec & ~<u64>3;
  if (irq && (tvec & 3) == 1) return base + (code << 2);
  return base;
}

export function takeTrap(hb: usize, cause: u64, tval: u64, pc: u64, tval2: u64, gva: bool): u64 {
  let priv = load<u32>(hb, H_PRIV);
  let virt = load<u32>(hb, H_VIRT);
  let irq = (cause >>> 63) != 0;
  let code = cause & 63;
  let newpc: u64;
  let toPriv: u32;
  let toVirt: u32 = 0;
  store<u64>(hb, 0xffffffffffffffff, C_RES_ADDR);
  let mdel = irq ? midelegEff(hb) : load<u64>(hb, C_MEDELEG);
  if (priv <= 1 && ((mdel >>> code) & 1) != 0) {
    let hdel = irq ? load<u64>(hb, C_HIDELEG) : load<u64>(hb, C_HEDELEG);
    if (virt != 0 && ((hdel >>> code) & 1) != 0) {
      // to VS-mode: VS interrupt codes appear as their S counterparts
      let vcode = irq && (code == 2 || code == 6 || code == 10) ? code - 1 : code;
      let s = load<u64>(hb, C_VSSTATUS);
      s = (s & ~(SPIE | SIE | SPP)) | ((s & SIE) != 0 ? SPIE : 0) | (priv == 1 ? SPP : 0);
      store<u64>(hb, s, C_VSSTATUS);
      store<u64>(hb, pc, C_VSEPC);
      store<u64>(hb, irq ? (vcode | (<u64>1 << 63)) : vcode, C_VSCAUSE);
      store<u64>(hb, tval, C_VSTVAL);
      newpc = vec(load<u64>(hb, C_VSTVEC), irq, vcode);
      toPriv = 1; toVirt = 1;
    } else {
      let hs = load<u64>(hb, C_HSTATUS);
      if (optH) {
        hs &= ~(HS_SPV | HS_GVA);
        if (virt != 0) {
          hs |= HS_SPV;
          hs = (hs & ~HS_SPVP) | (priv == 1 ? HS_SPVP : 0);
        }
        if (gva) hs |= HS_GVA;
        store<u64>(hb, hs, C_HSTATUS);
        store<u64>(hb, tval2, C_HTVAL);
        store<u64>(hb, 0, C_HTINST);
      }
      let s = load<u64>(hb, C_MSTATUS);
      s = (s & ~(SPIE | SIE | SPP)) | ((s & SIE) != 0 ? SPIE : 0) | (priv == 1 ? SPP : 0);
      store<u64>(hb, s, C_MSTATUS);
      store<u64>(hb, pc, C_SEPC);
      store<u64>(hb, cause, C_SCAUSE);
      store<u64>(hb, tval, C_STVAL);
      newpc = vec(load<u64>(hb, C_STVEC), irq, code);
      toPriv = 1;
    }
  } else {
    let s = load<u64>(hb, C_MSTATUS);
    s = (s & ~(MPIE | MIE | (<u64>3 << MPP_SHIFT) | MPV | GVA)) | ((s & MIE) != 0 ? MPIE : 0) | (<u64>priv << MPP_SHIFT);
    if (optH) {
      if (virt != 0) s |= MPV;
      if (gva) s |= GVA;
      store<u64>(hb, tval2, C_MTVAL2);
      store<u64>(hb, 0, C_MTINST);
    }
    store<u64>(hb, s, C_MSTATUS);
    store<u64>(hb, pc, C_MEPC);
    store<u64>(hb, cause, C_MCAUSE);
    store<u64>(hb, tval, C_MTVAL);
    newpc = vec(load<u64>(hb, C_MTVEC), irq, code);
    toPriv = 3;
  }
  store<u32>(hb, toPriv, H_PRIV);
  store<u32>(hb, toVirt, H_VIRT);
  updateCtx(hb);
  pushEvent(EV_TRAP, curHart, cause, pc, <u64>(priv | (virt << 2) | (toPriv << 8) | (toVirt << 10)));
  return newpc;
}

// Highest-priority interrupt that is pending, enabled and not masked (cause with bit 63), or 0.
const ORDER: StaticArray<u32> = [11, 3, 7, 9, 1, 5, 12, 10, 2, 6];
export function pendingIrq(hb: usize): u64 {
  let mie = load<u64>(hb, C_MIE);
  if (mie == 0) return 0; // nothing enabled: skip computing mip (timers need a division)
  let pend = mipNow(hb) & mie;
  if (pend == 0) return 0;
  let priv = load<u32>(hb, H_PRIV);
  let virt = load<u32>(hb, H_VIRT) != 0;
  let ms = load<u64>(hb, C_MSTATUS);
  let mdel = midelegEff(hb);
  let hdel = load<u64>(hb, C_HIDELEG);
  let m = pend & ~mdel;
  if (!(priv == 3 && (ms & MIE) == 0)) {
    // M-level interrupts are enabled below M, or in M with MIE
  } else m = 0;
  let hsEnabled = virt || priv < 1 || (priv == 1 && (ms & SIE) != 0);
  let hs = hsEnabled && priv != 3 ? pend & mdel & ~hdel : 0;
  let vsEnabled = virt && (priv == 0 || (load<u64>(hb, C_VSSTATUS) & SIE) != 0);
  let vs = vsEnabled ? pend & mdel & hdel : 0;
  let all = m | hs | vs;
  if (all == 0) return 0;
  for (let i = 0; i < 10; i++) {
    let c = unchecked(ORDER[i]);
    if (((m >>> c) & 1) != 0) return (<u64>1 << 63) | c;
  }
  for (let i = 0; i < 10; i++) {
    let c = unchecked(ORDER[i]);
    if (((hs >>> c) & 1) != 0) return (<u64>1 << 63) | c;
  }
  for (let i = 0; i < 10; i++) {
    let c = unchecked(ORDER[i]);
    if (((vs >>> c) & 1) != 0) return (<u64>1 << 63) | c;
  }
  return 0;
}

// MRET; returns new pc. Caller checked privilege.
export function doMret(hb: usize): u64 {
  let s = load<u64>(hb, C_MSTATUS);
  let from = load<u32>(hb, H_PRIV) | (load<u32>(hb, H_VIRT) << 2);
  let np = <u32>((s >>> MPP_SHIFT) & 3);
  let nv: u32 = optH && np != 3 && (s & MPV) != 0 ? 1 : 0;
  s = (s & ~(MIE | (<u64>3 << MPP_SHIFT) | MPV)) | ((s & MPIE) != 0 ? MIE : 0) | MPIE;
  if (np != 3) s &= ~MPRV;
  store<u64>(hb, s, C_MSTATUS);
  store<u32>(hb, np, H_PRIV);
  store<u32>(hb, nv, H_VIRT);
  updateCtx(hb);
  let pc = load<u64>(hb, C_MEPC);
  pushEvent(EV_MODE, curHart, 0, pc, <u64>(from | ((np | (nv << 2)) << 8)));
  return pc;
}

// SRET from HS (virt = 0) or VS (virt = 1); caller checked TSR/VTSR/privilege.
export function doSret(hb: usize): u64 {
  let virt = load<u32>(hb, H_VIRT);
  let from = load<u32>(hb, H_PRIV) | (virt << 2);
  let pc: u64;
  let np: u32;
  let nv: u32;
  if (virt != 0) {
    let s = load<u64>(hb, C_VSSTATUS);
    np = (s & SPP) != 0 ? 1 : 0;
    s = (s & ~(SIE | SPP)) | ((s & SPIE) != 0 ? SIE : 0) | SPIE;
    store<u64>(hb, s, C_VSSTATUS);
    nv = 1;
    pc = load<u64>(hb, C_VSEPC);
  } else {
    let s = load<u64>(hb, C_MSTATUS);
    np = (s & SPP) != 0 ? 1 : 0;
    s = (s & ~(SIE | SPP | MPRV)) | ((s & SPIE) != 0 ? SIE : 0) | SPIE;
    store<u64>(hb, s, C_MSTATUS);
    nv = 0;
    if (optH) {
      let hs = load<u64>(hb, C_HSTATUS);
      if ((hs & HS_SPV) != 0) nv = 1;
      store<u64>(hb, hs & ~HS_SPV, C_HSTATUS);
    }
    pc = load<u64>(hb, C_SEPC);
  }
  store<u32>(hb, np, H_PRIV);
  store<u32>(hb, nv, H_VIRT);
  updateCtx(hb);
  pushEvent(EV_MODE, curHart, 0, pc, <u64>(from | ((np | (nv << 2)) << 8)));
  return pc;
}
