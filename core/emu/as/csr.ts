// Control and status registers. The table below is the switch in csrRead/csrWrite: for each CSR
// number its storage, read composition and WARL write mask; csrCheck applies the privilege,
// read-only, counter-enable, TVM/Sstc and virtualization rules (QEMU 7.2 riscv_csrrw_check).
// CSRs absent on QEMU 7.2's rv64 CPU (mstateen0 0x30c, scountovf 0xda0, mtopi 0xfb0 without AIA,
// pmpaddr16+ 0x3c0.., mhpmcounter19+ 0xb13.., mseccfg, debug triggers) raise illegal instruction:
// OpenSBI probes them.
import * as H from './hart';
import { mtime, optH, optSstc, optSvpbmt, curHB, sliceDone } from './state';
import { mipNow, VS_INTS, S_INTS, IRQ_SSI, IRQ_STI, IRQ_SEI, IRQ_VSSI, IRQ_VSEI, IRQ_SGEI, STCE } from './irq';
import { pmpcfgRead, pmpcfgWrite, pmpaddrRead, pmpaddrWrite } from './pmp';
import { updateCtx, tlbFlush } from './mmu';
import { midelegEff } from './trap';
import { optAia, optAiaGuests, curHart } from './state';
import { iregRead, iregWrite, iregOk, topeiRead, topeiClaim } from './dev/imsic';

export let csrMissing: bool = false;
// Bits the current CSR instruction writes (csrrs/csrrc: those set in rs1; csrrw: all), for
// registers whose read value mixes in bits the write must not latch (mip: device lines, timers).
let csrWrMask: u64 = 0xffffffffffffffff;
export function setCsrWrMask(m: u64): void { csrWrMask = m; }

export const MISA_BASE: u64 = 0x800000000014112d; // RV64 IMAFDC SU
const MSTATUS_WMASK: u64 = 0x7e7faa; // + VS (QEMU 7.2 keeps it writable without V) // SIE MIE SPIE MPIE SPP MPP FS MPRV SUM MXR TVM TW TSR
const MSTATUS_H: u64 = (<u64>3) << 38; // GVA MPV
const SSTATUS_RMASK: u64 = 0x80000003000de762; // SIE SPIE UBE SPP VS FS XS SUM MXR UXL SD
const SSTATUS_WMASK: u64 = 0xc6722; // SIE SPIE SPP VS FS SUM MXR
const XL64: u64 = 0xa00000000; // UXL = SXL = 2
const SXL64: u64 = 0x800000000;
const UXL_MASK: u64 = 0x300000000;
const LCOFI: u64 = 1 << 13;
const ENVCFG_CB: u64 = 0xf1; // FIOM CBIE CBCFE CBZE
const MEDELEG_MASK: u64 = 0xf0b7ff; // QEMU's DELEGABLE_EXCPS (M ecall excluded)
const HEDELEG_MASK: u64 = 0xb1ff; // VS_DELEGABLE_EXCPS
const HSTATUS_WMASK: u64 = 0x7003c0 | (0x3f << 12); // GVA SPV SPVP HU VGEIN VTVM VTW VTSR
const PPN_ASID: u64 = 0x0fffffffffffffff;

@inline function sd(s: u64): u64 {
  return ((s >>> 13) & 3) == 3 || ((s >>> 15) & 3) == 3 || ((s >>> 9) & 3) == 3
    ? s | (<u64>1 << 63)
    : s;
}

// instructions retired, including those of the slice in progress
function instret(hb: usize): u64 {
  return load<u64>(hb, H.H_INSTRET) + (hb == curHB ? sliceDone : 0);
}

function mcycle(hb: usize): u64 {
  if ((load<u64>(hb, H.C_MCOUNTINHIBIT) & 1) != 0) return load<u64>(hb, H.C_MCYCLE_FROZEN);
  return instret(hb) + load<u64>(hb, H.C_MCYCLE_OFF);
}
function minstret(hb: usize): u64 {
  if ((load<u64>(hb, H.C_MCOUNTINHIBIT) & 4) != 0) return load<u64>(hb, H.C_MINSTRET_FROZEN);
  return instret(hb) + load<u64>(hb, H.C_MINSTRET_OFF);
}

// Access check: 0 ok, 2 illegal instruction, 22 virtual instruction.
export function csrCheck(hb: usize, num: u32, write: bool): i32 {
  let priv = load<u32>(hb, H.H_PRIV);
  let virt = load<u32>(hb, H.H_VIRT) != 0;
  if (write && (num >>> 10) == 3) return 2;
  let level = (num >>> 8) & 3;
  let eff = priv;
  if (optH && priv == 1 && !virt) eff = 2;
  if (!optH && level == 2) return 2;
  if (eff < level) {
    if (level == 2 && virt) return 22;
    if (virt && priv == 0 && level == 1) return 22;
    return 2;
  }
  // floating point
  if (num >= 1 && num <= 3) {
    if (((load<u64>(hb, H.C_MSTATUS) >>> 13) & 3) == 0) return 2;
    if (virt && ((load<u64>(hb, H.C_VSSTATUS) >>> 13) & 3) == 0) return 2;
    return 0;
  }
  // user counters
  if (num >= 0xc00 && num <= 0xc1f) {
    let b = num - 0xc00;
    if (b >= 19) return 2;
    if (priv < 3 && ((load<u64>(hb, H.C_MCOUNTEREN) >>> b) & 1) == 0) return 2;
    if (virt && ((load<u64>(hb, H.C_HCOUNTEREN) >>> b) & 1) == 0) return 22;
    if (priv == 0 && ((load<u64>(hb, H.C_SCOUNTEREN) >>> b) & 1) == 0) return virt ? 22 : 2;
    return 0;
  }
  if (num == 0x180) {
    // satp: TVM traps HS-mode accesses; VTVM traps VS-mode ones
    if (!virt && priv == 1 && (load<u64>(hb, H.C_MSTATUS) & (1 << 20)) != 0) return 2;
    if (virt && priv == 1 && (load<u64>(hb, H.C_HSTATUS) & (1 << 20)) != 0) return 22;
  }
  if (num == 0x680 && priv == 1 && !virt && (load<u64>(hb, H.C_MSTATUS) & (1 << 20)) != 0) return 2;
  if (num == 0x251 || num == 0x25c || ((num == 0x151 || num == 0x15c) && virt)) {
    // vsireg/vstopei need hstatus.VGEIN to select an existing guest file
    let g = <i32>((load<u64>(hb, H.C_HSTATUS) >>> 12) & 63);
    if (optAia == 2 && (g == 0 || g > optAiaGuests)) return virt ? 22 : 2;
  }
  if (num == 0x14d || num == 0x24d) {
    if (!optSstc) return 2;
    if (priv < 3) {
      if ((load<u64>(hb, H.C_MENVCFG) & STCE) == 0 || (load<u64>(hb, H.C_MCOUNTEREN) & 2) == 0) return 2;
      if (virt && ((load<u64>(hb, H.C_HENVCFG) & STCE) == 0 || (load<u64>(hb, H.C_HCOUNTEREN) & 2) == 0)) return 22;
    }
  }
  return 0;
}

// S-mode CSR numbers seen from VS-mode are the VS CSRs.
export function vsAlias(num: u32): u32 {
  switch (num) {
    case 0x100: case 0x104: case 0x105: case 0x140: case 0x141: case 0x142: case 0x143: case 0x144:
    case 0x180: case 0x14d: case 0x150: case 0x151: case 0x15c:
      return num + 0x100;
    case 0xdb0:
      return 0xeb0; // stopi -> vstopi
  }
  return num;
}

export function csrRead(hb: usize, num: u32): u64 {
  csrMissing = false;
  switch (num) {
    case 0x001: return load<u64>(hb, H.C_FCSR) & 0x1f;
    case 0x002: return (load<u64>(hb, H.C_FCSR) >>> 5) & 7;
    case 0x003: return load<u64>(hb, H.C_FCSR) & 0xff;
    case 0xc00: case 0xb00: return mcycle(hb);
    case 0xc01: {
      let t = mtime();
      if (load<u32>(hb, H.H_VIRT) != 0) t += load<u64>(hb, H.C_HTIMEDELTA);
      return t;
    }
    case 0xc02: case 0xb02: return minstret(hb);
    // supervisor
    case 0x100: return sd(load<u64>(hb, H.C_MSTATUS)) & SSTATUS_RMASK;
    case 0x104: return load<u64>(hb, H.C_MIE) & load<u64>(hb, H.C_MIDELEG) & S_INTS;
    case 0x105: return load<u64>(hb, H.C_STVEC);
    case 0x106: return load<u64>(hb, H.C_SCOUNTEREN);
    case 0x10a: return load<u64>(hb, H.C_SENVCFG);
    case 0x140: return load<u64>(hb, H.C_SSCRATCH);
    case 0x141: return load<u64>(hb, H.C_SEPC);
    case 0x142: return load<u64>(hb, H.C_SCAUSE);
    case 0x143: return load<u64>(hb, H.C_STVAL);
    case 0x144: return mipNow(hb) & load<u64>(hb, H.C_MIDELEG) & S_INTS;
    case 0x14d: if (!optSstc) break; return load<u64>(hb, H.C_STIMECMP);
    case 0x180: return load<u64>(hb, H.C_SATP);
    // machine
    case 0xf11: return 0;
    case 0xf12: return 0x70200;
    case 0xf13: return 0x70200;
    case 0xf14: return load<u64>(hb, H.C_MHARTID);
    case 0xf15: return 0;
    case 0x300: return sd(load<u64>(hb, H.C_MSTATUS)) | SXL64;
    case 0x301: return load<u64>(hb, H.C_MISA);
    case 0x302: return load<u64>(hb, H.C_MEDELEG);
    case 0x303: return load<u64>(hb, H.C_MIDELEG);
    case 0x304: return load<u64>(hb, H.C_MIE);
    case 0x305: return load<u64>(hb, H.C_MTVEC);
    case 0x306: return load<u64>(hb, H.C_MCOUNTEREN);
    case 0x30a: return load<u64>(hb, H.C_MENVCFG);
    case 0x320: return load<u64>(hb, H.C_MCOUNTINHIBIT);
    case 0x340: return load<u64>(hb, H.C_MSCRATCH);
    case 0x341: return load<u64>(hb, H.C_MEPC);
    case 0x342: return load<u64>(hb, H.C_MCAUSE);
    case 0x343: return load<u64>(hb, H.C_MTVAL);
    case 0x344: return mipNow(hb);
    case 0x3a0: return pmpcfgRead(hb, 0);
    case 0x3a2: return pmpcfgRead(hb, 2);
  }
  if (num >= 0x3b0 && num <= 0x3bf) return pmpaddrRead(hb, <i32>(num - 0x3b0));
  if (optAia == 2) {
    let v = aiaRead(hb, num);
    if (!csrMissing) return v;
    csrMissing = false;
  }
  if (num >= 0xb03 && num <= 0xb12) return load<u64>(hb + H.C_HPMCOUNTER + (<usize>(num - 0xb03) << 3));
  if (num >= 0xc03 && num <= 0xc12) return load<u64>(hb + H.C_HPMCOUNTER + (<usize>(num - 0xc03) << 3));
  if (num >= 0x323 && num <= 0x332) return load<u64>(hb + H.C_HPMEVENT + (<usize>(num - 0x323) << 3));
  if (optH) {
    switch (num) {
      case 0x34a: return load<u64>(hb, H.C_MTINST);
      case 0x34b: return load<u64>(hb, H.C_MTVAL2);
      case 0x600: return load<u64>(hb, H.C_HSTATUS) | 0x200000000; // VSXL = 2
      case 0x602: return load<u64>(hb, H.C_HEDELEG);
      case 0x603: return load<u64>(hb, H.C_HIDELEG);
      case 0x604: return load<u64>(hb, H.C_MIE) & (VS_INTS | IRQ_SGEI);
      case 0x605: return load<u64>(hb, H.C_HTIMEDELTA);
      case 0x606: return load<u64>(hb, H.C_HCOUNTEREN);
      case 0x607: return load<u64>(hb, H.C_HGEIE);
      case 0x60a: {
        let m = load<u64>(hb, H.C_MENVCFG);
        return load<u64>(hb, H.C_HENVCFG) & (ENVCFG_CB | (m & (STCE | (<u64>1 << 62))));
      }
      case 0x643: return load<u64>(hb, H.C_HTVAL);
      case 0x644: return mipNow(hb) & (VS_INTS | IRQ_SGEI);
      case 0x645: return load<u64>(hb, H.C_MIP) & VS_INTS;
      case 0x64a: return load<u64>(hb, H.C_HTINST);
      case 0x680: return load<u64>(hb, H.C_HGATP);
      case 0xe12: return load<u64>(hb, H.C_HGEIP);
      case 0x200: return (sd(load<u64>(hb, H.C_VSSTATUS)) | XL64) & SSTATUS_RMASK;
      case 0x204: return (load<u64>(hb, H.C_MIE) & load<u64>(hb, H.C_HIDELEG) & VS_INTS) >>> 1;
      case 0x205: return load<u64>(hb, H.C_VSTVEC);
      case 0x240: return load<u64>(hb, H.C_VSSCRATCH);
      case 0x241: return load<u64>(hb, H.C_VSEPC);
      case 0x242: return load<u64>(hb, H.C_VSCAUSE);
      case 0x243: return load<u64>(hb, H.C_VSTVAL);
      case 0x244: return (mipNow(hb) & load<u64>(hb, H.C_HIDELEG) & VS_INTS) >>> 1;
      case 0x280: return load<u64>(hb, H.C_VSATP);
      case 0x24d: if (!optSstc) break; return load<u64>(hb, H.C_VSTIMECMP);
    }
  }
  csrMissing = true;
  return 0;
}

@inline function upd(hb: usize, off: usize, v: u64, mask: u64): void {
  store<u64>(hb + off, (load<u64>(hb + off) & ~mask) | (v & mask));
}

function legalTvec(v: u64): bool {
  return (v & 3) < 2;
}

// Writes (no access check). Returns false if the CSR does not exist.
export function csrWrite(h: i32, hb: usize, num: u32, v: u64): bool {
  // the mask set by the CSR instruction applies to this write only (the API writes all bits)
  let wrMask = csrWrMask;
  csrWrMask = 0xffffffffffffffff;
  switch (num) {
    case 0x001: upd(hb, H.C_FCSR, v, 0x1f); dirtyFs(hb); return true;
    case 0x002: upd(hb, H.C_FCSR, v << 5, 0xe0); dirtyFs(hb); return true;
    case 0x003: upd(hb, H.C_FCSR, v, 0xff); dirtyFs(hb); return true;
    case 0xb00:
      store<u64>(hb, v, H.C_MCYCLE_FROZEN);
      store<u64>(hb, v - instret(hb), H.C_MCYCLE_OFF);
      return true;
    case 0xb02:
      store<u64>(hb, v, H.C_MINSTRET_FROZEN);
      store<u64>(hb, v - instret(hb) - 1, H.C_MINSTRET_OFF); // this instruction retires
      return true;
    case 0x100: writeMstatus(h, hb, (load<u64>(hb, H.C_MSTATUS) & ~(SSTATUS_WMASK | UXL_MASK)) | (v & (SSTATUS_WMASK | UXL_MASK))); return true;
    case 0x104: upd(hb, H.C_MIE, v, load<u64>(hb, H.C_MIDELEG) & S_INTS); return true;
    case 0x105: if (legalTvec(v)) store<u64>(hb, v, H.C_STVEC); return true;
    case 0x106: store<u64>(hb, v & 0xffffffff, H.C_SCOUNTEREN); return true;
    case 0x10a: store<u64>(hb, v & ENVCFG_CB, H.C_SENVCFG); return true;
    case 0x140: store<u64>(hb, v, H.C_SSCRATCH); return true;
    case 0x141: store<u64>(hb, v & ~<u64>1, H.C_SEPC); return true;
    case 0x142: store<u64>(hb, v, H.C_SCAUSE); return true;
    case 0x143: store<u64>(hb, v, H.C_STVAL); return true;
    case 0x144: upd(hb, H.C_MIP, v, load<u64>(hb, H.C_MIDELEG) & IRQ_SSI); return true;
    case 0x14d: if (!optSstc) return false; store<u64>(hb, v, H.C_STIMECMP); return true;
    case 0x180: {
      let mode = v >>> 60;
      if (mode == 0 || mode == 8 || mode == 9 || mode == 10) {
        store<u64>(hb, mode == 0 ? 0 : v & (PPN_ASID | (<u64>0xf << 60)), H.C_SATP);
        tlbFlush(h);
      }
      return true;
    }
    case 0x300: writeMstatus(h, hb, v); return true;
    case 0x301: return true; // misa: WARL, fixed
    case 0x302: store<u64>(hb, v & MEDELEG_MASK, H.C_MEDELEG); return true;
    case 0x303: store<u64>(hb, (v & (S_INTS | LCOFI)) | (optH ? VS_INTS | IRQ_SGEI : 0), H.C_MIDELEG); return true;
    case 0x304: store<u64>(hb, v & (optH ? 0x3eee : 0x2aaa), H.C_MIE); return true;
    case 0x305: if (legalTvec(v)) store<u64>(hb, v, H.C_MTVEC); return true;
    case 0x306: store<u64>(hb, v & 0xffffffff, H.C_MCOUNTEREN); return true;
    case 0x30a: {
      let mask = ENVCFG_CB | (optSstc ? STCE : 0) | (optSvpbmt ? <u64>1 << 62 : 0);
      store<u64>(hb, v & mask, H.C_MENVCFG);
      tlbFlush(h);
      return true;
    }
    case 0x320: {
      // freeze / resume mcycle (CY) and minstret (IR) like QEMU 7.2
      let old = load<u64>(hb, H.C_MCOUNTINHIBIT);
      let nv = v & 0xfffffffd;
      if ((old & 1) == 0 && (nv & 1) != 0) store<u64>(hb, mcycle(hb), H.C_MCYCLE_FROZEN);
      if ((old & 1) != 0 && (nv & 1) == 0) store<u64>(hb, load<u64>(hb, H.C_MCYCLE_FROZEN) - instret(hb), H.C_MCYCLE_OFF);
      if ((old & 4) == 0 && (nv & 4) != 0) store<u64>(hb, minstret(hb), H.C_MINSTRET_FROZEN);
      if ((old & 4) != 0 && (nv & 4) == 0) store<u64>(hb, load<u64>(hb, H.C_MINSTRET_FROZEN) - instret(hb) - 1, H.C_MINSTRET_OFF);
      store<u64>(hb, nv, H.C_MCOUNTINHIBIT);
      return true;
    }
    case 0x340: store<u64>(hb, v, H.C_MSCRATCH); return true;
    case 0x341: store<u64>(hb, v & ~<u64>1, H.C_MEPC); return true;
    case 0x342: store<u64>(hb, v, H.C_MCAUSE); return true;
    case 0x343: store<u64>(hb, v, H.C_MTVAL); return true;
    case 0x344: {
      let mask = IRQ_SSI | IRQ_SEI | LCOFI | (optH ? VS_INTS : 0);
      if (!(optSstc && (load<u64>(hb, H.C_MENVCFG) & STCE) != 0)) mask |= IRQ_STI;
      upd(hb, H.C_MIP, v, mask & wrMask);
      return true;
    }
    case 0x3a0: pmpcfgWrite(hb, 0, v); tlbFlush(h); return true;
    case 0x3a2: pmpcfgWrite(hb, 2, v); tlbFlush(h); return true;
  }
  if (num >= 0x3b0 && num <= 0x3bf) { pmpaddrWrite(hb, <i32>(num - 0x3b0), v); tlbFlush(h); return true; }
  if (optAia == 2) {
    let r = aiaWrite(hb, num, v);
    if (r >= 0) return r == 1;
  }
  if (num >= 0xb03 && num <= 0xb12) { store<u64>(hb + H.C_HPMCOUNTER + (<usize>(num - 0xb03) << 3), v); return true; }
  if (num >= 0x323 && num <= 0x332) { store<u64>(hb + H.C_HPMEVENT + (<usize>(num - 0x323) << 3), v); return true; }
  if (optH) {
    switch (num) {
      case 0x34a: store<u64>(hb, v, H.C_MTINST); return true;
      case 0x34b: store<u64>(hb, v, H.C_MTVAL2); return true;
      case 0x600: store<u64>(hb, v & HSTATUS_WMASK, H.C_HSTATUS); return true;
      case 0x602: store<u64>(hb, v & HEDELEG_MASK, H.C_HEDELEG); return true;
      case 0x603: store<u64>(hb, v & VS_INTS, H.C_HIDELEG); return true;
      case 0x604: upd(hb, H.C_MIE, v, VS_INTS | IRQ_SGEI); return true;
      case 0x605: store<u64>(hb, v, H.C_HTIMEDELTA); return true;
      case 0x606: store<u64>(hb, v & 0xffffffff, H.C_HCOUNTEREN); return true;
      case 0x607: store<u64>(hb, v & (((<u64>1 << <u64>(optAia == 2 ? optAiaGuests + 1 : 1)) - 1) & ~<u64>1), H.C_HGEIE); return true; // GEILEN = guest files
      case 0x60a: {
        let m = load<u64>(hb, H.C_MENVCFG);
        store<u64>(hb, v & (ENVCFG_CB | (m & (STCE | (<u64>1 << 62)))), H.C_HENVCFG);
        tlbFlush(h);
        return true;
      }
      case 0x643: store<u64>(hb, v, H.C_HTVAL); return true;
      case 0x644: upd(hb, H.C_MIP, v, IRQ_VSSI); return true;
      case 0x645: upd(hb, H.C_MIP, v, VS_INTS); return true;
      case 0x64a: store<u64>(hb, v, H.C_HTINST); return true;
      case 0x680: {
        let mode = v >>> 60;
        if (mode == 0 || mode == 8 || mode == 9 || mode == 10) {
          store<u64>(hb, mode == 0 ? 0 : v & ((<u64>0xf << 60) | (<u64>0x3fff << 44) | 0xfffffffffffc), H.C_HGATP);
          tlbFlush(h);
        }
        return true;
      }
      case 0x200: {
        let o = load<u64>(hb, H.C_VSSTATUS);
        let n = (o & ~SSTATUS_WMASK) | (v & SSTATUS_WMASK);
        store<u64>(hb, n, H.C_VSSTATUS);
        if (((o ^ n) & (3 << 18)) != 0) tlbFlush(h);
        return true;
      }
      case 0x204: upd(hb, H.C_MIE, v << 1, load<u64>(hb, H.C_HIDELEG) & VS_INTS); return true;
      case 0x205: if (legalTvec(v)) store<u64>(hb, v, H.C_VSTVEC); return true;
      case 0x240: store<u64>(hb, v, H.C_VSSCRATCH); return true;
      case 0x241: store<u64>(hb, v & ~<u64>1, H.C_VSEPC); return true;
      case 0x242: store<u64>(hb, v, H.C_VSCAUSE); return true;
      case 0x243: store<u64>(hb, v, H.C_VSTVAL); return true;
      case 0x244: upd(hb, H.C_MIP, v << 1, load<u64>(hb, H.C_HIDELEG) & IRQ_VSSI); return true;
      case 0x280: {
        let mode = v >>> 60;
        if (mode == 0 || mode == 8 || mode == 9 || mode == 10) {
          store<u64>(hb, mode == 0 ? 0 : v & (PPN_ASID | (<u64>0xf << 60)), H.C_VSATP);
          tlbFlush(h);
        }
        return true;
      }
      case 0x24d: if (!optSstc) return false; store<u64>(hb, v, H.C_VSTIMECMP); return true;
    }
  }
  // read-only but existing CSRs (writes were rejected by csrCheck for 0xCxx/0xFxx)
  csrRead(hb, num);
  return !csrMissing;
}

function writeMstatus(h: i32, hb: usize, v: u64): void {
  let o = load<u64>(hb, H.C_MSTATUS);
  let mask = MSTATUS_WMASK | (optH ? MSTATUS_H : 0);
  if ((v & UXL_MASK) != 0) mask |= UXL_MASK; // QEMU 7.2: UXL takes non-zero writes only
  let n = (o & ~mask) | (v & mask);
  if (((n >>> 11) & 3) == 2) n &= ~(<u64>3 << 11); // MPP=2 is reserved: legalize to U
  store<u64>(hb, n & ~(<u64>1 << 63), H.C_MSTATUS);
  if (((o ^ n) & (3 << 18)) != 0) tlbFlush(h);
  updateCtx(hb);
}

export function dirtyFs(hb: usize): void {
  store<u64>(hb, load<u64>(hb, H.C_MSTATUS) | (3 << 13), H.C_MSTATUS);
  if (load<u32>(hb, H.H_VIRT) != 0) store<u64>(hb, load<u64>(hb, H.C_VSSTATUS) | (3 << 13), H.C_VSSTATUS);
}

// ---- AIA (Smaia/Ssaia) CSRs, present with aia = aplic-imsic ----
function hartOf(hb: usize): i32 {
  return <i32>((hb - H.hartBase(0)) >>> 12);
}
// Guest file selected by hstatus.VGEIN; an invalid selection (possible only through the host's
// getCSR/setCSR, the instruction path checks it) falls back to guest file 1's slot bounds.
function vgein(hb: usize): i32 {
  let g = <i32>((load<u64>(hb, H.C_HSTATUS) >>> 12) & 63);
  return g >= 1 && g <= optAiaGuests ? g : 0;
}
// mtopi/stopi as QEMU 7.2 computes them (riscv_cpu_pending_to_irq, read_mtopi/read_stopi) with
// every iprio byte zero: the level's external interrupt `ext` ranks first; every other standard
// interrupt ranks below it with priority 255, and among those the higher number wins (QEMU
// scans upwards keeping the last of equal priority). IPRIO reads 0 for `ext`, 255 otherwise.
function topiOf(bits: u64, ext: u32): u64 {
  if (bits == 0) return 0;
  if (((bits >>> ext) & 1) != 0) return <u64>ext << 16;
  let best: u64 = 0;
  let bestPr: u32 = 256;
  for (let c: u32 = 0; c < 64; c++) {
    if (((bits >>> c) & 1) == 0) continue;
    let pr = defaultIprio(c);
    if (pr <= bestPr) { bestPr = pr; best = <u64>c; }
  }
  return (best << 16) | <u64>bestPr;
}
// QEMU 7.2 resets miprio/siprio to the AIA default priority order (riscv_cpu_default_priority),
// the level's external interrupt to 0; the AIA CSRs show these values (writes are not kept here).
const DEFAULT_IPRIO: StaticArray<u8> = [
  0, 20, 24, 17, 0, 21, 25, 18, 0, 19, 23, 16, 22, 0, 0, 0,
  36, 33, 30, 27, 14, 11, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0,
  37, 35, 34, 32, 31, 29, 28, 26, 15, 13, 12, 10, 9, 7, 6, 4,
];
function defaultIprio(irq: u32): u32 {
  let v: u32 = irq < 48 ? <u32>unchecked(DEFAULT_IPRIO[irq]) : 0;
  return v == 0 ? 255 : v;
}
// miselect/siselect 0x30..0x3e (even): eight iprio bytes per register on RV64.
function iprioRead(sel: u32, ext: u32): u64 {
  let v: u64 = 0;
  let first = (sel - 0x30) << 2;
  for (let i: u32 = 0; i < 8; i++) {
    let irq = first + i;
    let p: u64 = irq == ext ? 0 : <u64>defaultIprio(irq);
    v |= p << (<u64>i << 3);
  }
  return v;
}
// vstopi as QEMU 7.2's read_vstopi with hvictl.VTI = 0 and hviprio zero: the guest file's
// external interrupt (priority: its identity) competes with the best other VS interrupt
// (priority 0, so a VS timer or software interrupt wins); IPRIO is 1 unless hvictl.IPRIOM.
function vstopiOf(hb: usize, h: i32): u64 {
  let pend = mipNow(hb) & load<u64>(hb, H.C_MIE);
  let g = vgein(hb);
  let iid: u64 = 0;
  let best: u64 = 0xffffffff;
  if (g != 0 && g <= optAiaGuests && (pend & IRQ_VSEI) != 0) {
    iid = 9;
    let t = topeiRead(h, 1 + g);
    best = t != 0 ? t & 0x7ff : 256;
  }
  let vs = (pend & midelegEff(hb) & load<u64>(hb, H.C_HIDELEG) & VS_INTS) >>> 1;
  // hviprio is zero: the external one ranks first, the others tie at 255 (the last one wins)
  let other: u64 = vs == 0 ? 0 : ((vs >>> 9) & 1) != 0 ? 9 : <u64>(63 - clz(vs));
  if (other != 0 && other != 9 && best > 0) iid = other;
  if (iid == 0) return 0;
  let hvictl = load<u64>(hb, H.C_HVICTL);
  let iprio: u64 = 1;
  if ((hvictl & 0x100) != 0) iprio = iid == 9 && best < 255 ? best : 255;
  return (iid << 16) | iprio;
}
function iregFile(num: u32): i32 {
  return num == 0x351 ? 0 : num == 0x151 ? 1 : -1;
}

function aiaRead(hb: usize, num: u32): u64 {
  csrMissing = false;
  let h = hartOf(hb);
  switch (num) {
    case 0x350: return load<u64>(hb, H.C_MISELECT);
    case 0x150: return load<u64>(hb, H.C_SISELECT);
    case 0x250: return load<u64>(hb, H.C_VSISELECT);
    case 0x351: case 0x151: case 0x251: {
      let sel = <u32>load<u64>(hb + (num == 0x351 ? H.C_MISELECT : num == 0x151 ? H.C_SISELECT : H.C_VSISELECT));
      if (sel >= 0x30 && sel <= 0x3f && num != 0x251) {
        if ((sel & 1) != 0) { csrMissing = true; return 0; } // RV64: odd selects do not exist
        return iprioRead(sel, num == 0x351 ? 11 : 9);
      }
      let file = num == 0x251 ? 1 + vgein(hb) : iregFile(num);
      let v = iregRead(h, file, sel);
      if (!iregOk) csrMissing = true;
      return v;
    }
    case 0x35c: return topeiRead(h, 0);
    case 0x15c: return topeiRead(h, 1);
    case 0x25c: return topeiRead(h, 1 + vgein(hb));
    case 0xfb0: {
      let p = mipNow(hb) & load<u64>(hb, H.C_MIE) & ~midelegEff(hb);
      return topiOf(p & ~(VS_INTS | IRQ_SGEI), 11);
    }
    case 0xdb0: {
      let p = mipNow(hb) & load<u64>(hb, H.C_MIE) & midelegEff(hb) & ~load<u64>(hb, H.C_HIDELEG);
      return topiOf(p & ~VS_INTS, 9);
    }
    case 0xeb0: return vstopiOf(hb, h);
    case 0x609: return load<u64>(hb, H.C_HVICTL);
    case 0x646: return load<u64>(hb, H.C_HVIPRIO1);
    case 0x647: return load<u64>(hb, H.C_HVIPRIO2);
  }
  csrMissing = true;
  return 0;
}

// 1 written, 0 invalid (illegal instruction), -1 not an AIA CSR.
function aiaWrite(hb: usize, num: u32, v: u64): i32 {
  let h = hartOf(hb);
  switch (num) {
    case 0x350: store<u64>(hb, v & 0xfff, H.C_MISELECT); return 1;
    case 0x150: store<u64>(hb, v & 0x1ff, H.C_SISELECT); return 1;
    case 0x250: store<u64>(hb, v & 0x1ff, H.C_VSISELECT); return 1;
    case 0x351: case 0x151: case 0x251: {
      let sel = <u32>load<u64>(hb + (num == 0x351 ? H.C_MISELECT : num == 0x151 ? H.C_SISELECT : H.C_VSISELECT));
      if (sel >= 0x30 && sel <= 0x3f && num != 0x251) return (sel & 1) != 0 ? 0 : 1;
      let file = num == 0x251 ? 1 + vgein(hb) : iregFile(num);
      iregWrite(h, file, sel, v);
      return iregOk ? 1 : 0;
    }
    case 0x35c: topeiClaim(h, 0); return 1;
    case 0x15c: topeiClaim(h, 1); return 1;
    case 0x25c: topeiClaim(h, 1 + vgein(hb)); return 1;
    case 0x609: store<u64>(hb, v & 0x40ff03ff, H.C_HVICTL); return 1;
    case 0x646: store<u64>(hb, v, H.C_HVIPRIO1); return 1;
    case 0x647: store<u64>(hb, v, H.C_HVIPRIO2); return 1;
  }
  return -1;
}
