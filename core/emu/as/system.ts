// SYSTEM opcode: CSR instructions, ECALL/EBREAK, xRET, WFI, SFENCE.VMA, HFENCE.*, HLV/HLVX/HSV.
import { H_PRIV, H_VIRT, H_WFI, C_MSTATUS, C_HSTATUS, C_MIE } from './hart';
import { raise, excCause, optH, optSvinval } from './state';
import { csrCheck, csrRead, csrWrite, csrMissing, vsAlias, setCsrWrMask } from './csr';
import { doMret, doSret } from './trap';
import { mipNow } from './irq';
import { tlbFlush, translate, xPa, ACC_LOAD, ACC_STORE } from './mmu';
import { pmpPerm, PMP_R, PMP_W } from './pmp';
import { busRead, busWrite, busErr } from './bus';

export let sysStop: i32 = 0; // 1: the hart went to sleep in WFI, 2: watchpoint, 3: pause (yield)
export function setSysStop(v: i32): void {
  sysStop = v;
}
export function clearSysStop(): void { sysStop = 0; }

const TVM: u64 = 1 << 20;
const TW: u64 = 1 << 21;
const TSR: u64 = 1 << 22;

@inline function X(hb: usize, r: u32): u64 {
  return load<u64>(hb + (<usize>r << 3));
}
@inline function W(hb: usize, r: u32, v: u64): void {
  if (r != 0) store<u64>(hb + (<usize>r << 3), v);
}

function illegal(inst: u32): void { raise(2, <u64>inst); }
function virtInsn(inst: u32): void { raise(22, <u64>inst); }

export function execSystem(h: i32, hb: usize, inst: u32, pc: u64, ilen: u64): u64 {
  let f3 = (inst >> 12) & 7;
  let rd = (inst >> 7) & 31;
  let rs1 = (inst >> 15) & 31;
  let priv = load<u32>(hb, H_PRIV);
  let virt = load<u32>(hb, H_VIRT) != 0;
  if (f3 == 0) {
    let f7 = inst >> 25;
    if (optSvinval && (inst == 0x18000073 || inst == 0x18100073)) {
      // sfence.w.inval / sfence.inval.ir: ordering only
      if (priv == 0) { if (virt) virtInsn(inst); else illegal(inst); return pc; }
      return pc + ilen;
    }
    if (optSvinval && f7 == 0x0b) f7 = 0x09; // sinval.vma behaves as sfence.vma
    if (optSvinval && optH && (f7 == 0x13 || f7 == 0x33)) f7 -= 2; // hinval.* as hfence.*
    if (rd != 0) { illegal(inst); return pc; }
    if (inst == 0x00000073) {
      raise(priv == 0 ? 8 : priv == 3 ? 11 : virt ? 10 : 9, 0);
      return pc;
    }
    if (inst == 0x00100073) { raise(3, 0); return pc; } // QEMU 7.2: tval 0
    if (inst == 0x30200073) {
      if (priv != 3) { illegal(inst); return pc; }
      return doMret(hb);
    }
    if (inst == 0x10200073) {
      if (priv == 0) { if (virt) virtInsn(inst); else illegal(inst); return pc; }
      if (!virt && priv == 1 && (load<u64>(hb, C_MSTATUS) & TSR) != 0) { illegal(inst); return pc; }
      if (virt && (load<u64>(hb, C_HSTATUS) & TSR) != 0) { virtInsn(inst); return pc; }
      return doSret(hb);
    }
    if (inst == 0x10500073) {
      let ms = load<u64>(hb, C_MSTATUS);
      if (priv == 0) { if (virt) virtInsn(inst); else illegal(inst); return pc; }
      if (priv == 1 && (ms & TW) != 0) { illegal(inst); return pc; }
      if (virt && (load<u64>(hb, C_HSTATUS) & TW) != 0) { virtInsn(inst); return pc; }
      if ((mipNow(hb) & load<u64>(hb, C_MIE)) == 0) {
        store<u32>(hb, 1, H_WFI);
        sysStop = 1;
      }
      return pc + ilen;
    }
    if (f7 == 0x09) { // sfence.vma
      if (priv == 0) { if (virt) virtInsn(inst); else illegal(inst); return pc; }
      if (!virt && priv == 1 && (load<u64>(hb, C_MSTATUS) & TVM) != 0) { illegal(inst); return pc; }
      if (virt && (load<u64>(hb, C_HSTATUS) & TVM) != 0) { virtInsn(inst); return pc; }
      tlbFlush(h);
      return pc + ilen;
    }
    if (optH && (f7 == 0x11 || f7 == 0x31)) { // hfence.vvma / hfence.gvma
      if (virt) { virtInsn(inst); return pc; }
      if (priv == 0) { illegal(inst); return pc; }
      if (f7 == 0x31 && priv == 1 && (load<u64>(hb, C_MSTATUS) & TVM) != 0) { illegal(inst); return pc; }
      tlbFlush(h);
      return pc + ilen;
    }
    illegal(inst);
    return pc;
  }
  if (f3 == 4) {
    if (!optH) { illegal(inst); return pc; }
    return hlsv(hb, inst, pc, ilen, priv, virt);
  }
  // Zicsr
  let num = inst >> 20;
  let src = (f3 & 4) != 0 ? <u64>rs1 : X(hb, rs1);
  let op = f3 & 3;
  let doWrite = op == 1 || rs1 != 0;
  let e = csrCheck(hb, num, doWrite);
  if (e != 0) { raise(e, <u64>inst); return pc; }
  let n = virt ? vsAlias(num) : num;
  let old: u64 = 0;
  if (op != 1 || rd != 0) {
    old = csrRead(hb, n);
    if (csrMissing) { illegal(inst); return pc; }
  } else {
    csrRead(hb, n);
    if (csrMissing) { illegal(inst); return pc; }
  }
  if (doWrite) {
    let nv = op == 1 ? src : op == 2 ? old | src : old & ~src;
    setCsrWrMask(op == 1 ? 0xffffffffffffffff : src); // csrrs/csrrc write only the bits of rs1
    if (!csrWrite(h, hb, n, nv)) { illegal(inst); return pc; }
  }
  W(hb, rd, old);
  return pc + ilen;
}

// Hypervisor virtual-machine loads and stores: access guest memory as VS/VU (hstatus.SPVP).
function hlsv(hb: usize, inst: u32, pc: u64, ilen: u64, priv: u32, virt: bool): u64 {
  if (virt) { virtInsn(inst); return pc; }
  if (priv == 0 && (load<u64>(hb, C_HSTATUS) & (1 << 9)) == 0) { illegal(inst); return pc; }
  let f7 = inst >> 25;
  let rs2 = (inst >> 20) & 31;
  let rd = (inst >> 7) & 31;
  let va = X(hb, (inst >> 15) & 31);
  let spvp: u32 = (load<u64>(hb, C_HSTATUS) & (1 << 8)) != 0 ? 1 : 0;
  let size = 1 << ((f7 >> 1) & 3);
  let isStore = (f7 & 1) != 0;
  if ((f7 & 0x78) != 0x30) { illegal(inst); return pc; }
  if (isStore) {
    if (rd != 0) { illegal(inst); return pc; }
    if (!translate(hb, va, ACC_STORE, spvp, true, false)) return pc;
    if ((pmpPerm(hb, xPa, <u64>size, spvp) & PMP_W) == 0) { raise(7, va); return pc; }
    busWrite(xPa, size, X(hb, rs2));
    if (busErr) { raise(7, va); return pc; }
    return pc + ilen;
  }
  let hlvx = rs2 == 3;
  if (rs2 != 0 && rs2 != 1 && !(hlvx && size >= 2 && size <= 4)) { illegal(inst); return pc; }
  if (size == 8 && rs2 != 0) { illegal(inst); return pc; }
  if (!translate(hb, va, ACC_LOAD, spvp, true, hlvx)) return pc;
  if ((pmpPerm(hb, xPa, <u64>size, spvp) & PMP_R) == 0) { raise(5, va); return pc; }
  let v = busRead(xPa, size);
  if (busErr) { raise(5, va); return pc; }
  if (rs2 == 0) {
    if (size == 1) v = <u64><i64><i8>v;
    else if (size == 2) v = <u64><i64><i16>v;
    else if (size == 4) v = <u64><i64><i32>v;
  }
  W(hb, rd, v);
  return pc + ilen;
}
