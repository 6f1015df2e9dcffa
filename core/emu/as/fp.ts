// F and D extensions: decode, NaN-boxing, fcsr (frm/fflags), mstatus.FS (illegal when Off,
// Dirty after any write). The IEEE arithmetic is core/emu/as/fpu (bit-exact, RISC-V NaNs).
import * as F from './fpu/index';
import { H_F, H_VIRT, C_MSTATUS, C_VSSTATUS, C_FCSR } from './hart';
import { raise, excCause } from './state';
import { dirtyFs } from './csr';
import { loadSlow, storeSlow } from './memops';

@inline function X(hb: usize, r: u32): u64 {
  return load<u64>(hb + (<usize>r << 3));
}
@inline function W(hb: usize, r: u32, v: u64): void {
  if (r != 0) store<u64>(hb + (<usize>r << 3), v);
}
@inline function FR(hb: usize, r: u32): u64 {
  return load<u64>(hb + H_F + (<usize>r << 3));
}
@inline function FW(hb: usize, r: u32, v: u64): void {
  store<u64>(hb + H_F + (<usize>r << 3), v);
}
@inline function S(hb: usize, r: u32): u32 {
  return F.unboxF32(FR(hb, r));
}

function fpOff(hb: usize): bool {
  if (((load<u64>(hb, C_MSTATUS) >>> 13) & 3) == 0) return true;
  if (load<u32>(hb, H_VIRT) != 0 && ((load<u64>(hb, C_VSSTATUS) >>> 13) & 3) == 0) return true;
  return false;
}

// Resolve the rounding mode (-1: illegal).
function rmOf(hb: usize, f3: u32): i32 {
  let rm = f3 == 7 ? <u32>(load<u64>(hb, C_FCSR) >>> 5) & 7 : f3;
  return rm >= 5 ? -1 : <i32>rm;
}

function flags(hb: usize): void {
  if (F.fpuFlags != 0) {
    store<u64>(hb, load<u64>(hb, C_FCSR) | <u64>F.fpuFlags, C_FCSR);
    F.fpuFlags = 0;
  }
}

export function execFpLoad(h: i32, hb: usize, inst: u32): bool {
  let f3 = (inst >> 12) & 7;
  if (fpOff(hb) || (f3 != 2 && f3 != 3)) { raise(2, <u64>inst); return false; }
  let va = X(hb, (inst >> 15) & 31) + <u64><i64>(<i32>inst >> 20);
  let v = loadSlow(h, hb, va, f3 == 2 ? 4 : 8);
  if (excCause >= 0) return false;
  FW(hb, (inst >> 7) & 31, f3 == 2 ? F.boxF32(<u32>v) : v);
  dirtyFs(hb);
  return true;
}

export function execFpStore(h: i32, hb: usize, inst: u32): bool {
  let f3 = (inst >> 12) & 7;
  if (fpOff(hb) || (f3 != 2 && f3 != 3)) { raise(2, <u64>inst); return false; }
  let va = X(hb, (inst >> 15) & 31) + <u64><i64>(((<i32>inst >> 20) & ~31) | <i32>((inst >> 7) & 31));
  storeSlow(h, hb, va, f3 == 2 ? 4 : 8, FR(hb, (inst >> 20) & 31));
  return excCause < 0;
}

export function execFma(hb: usize, inst: u32): bool {
  let fmt = (inst >> 25) & 3;
  let rm = rmOf(hb, (inst >> 12) & 7);
  if (fpOff(hb) || fmt > 1 || rm < 0) { raise(2, <u64>inst); return false; }
  let op = (inst >> 2) & 3; // 0 fmadd 1 fmsub 2 fnmsub 3 fnmadd
  let rd = (inst >> 7) & 31, r1 = (inst >> 15) & 31, r2 = (inst >> 20) & 31, r3 = inst >> 27;
  let urm = <u32>rm;
  if (fmt == 0) {
    let a = S(hb, r1), b = S(hb, r2), c = S(hb, r3);
    let r = op == 0 ? F.f32_mulAdd(a, b, c, urm) : op == 1 ? F.f32_mulSub(a, b, c, urm) : op == 2 ? F.f32_negMulSub(a, b, c, urm) : F.f32_negMulAdd(a, b, c, urm);
    FW(hb, rd, F.boxF32(r));
  } else {
    let a = FR(hb, r1), b = FR(hb, r2), c = FR(hb, r3);
    let r = op == 0 ? F.f64_mulAdd(a, b, c, urm) : op == 1 ? F.f64_mulSub(a, b, c, urm) : op == 2 ? F.f64_negMulSub(a, b, c, urm) : F.f64_negMulAdd(a, b, c, urm);
    FW(hb, rd, r);
  }
  flags(hb);
  dirtyFs(hb);
  return true;
}

export function execFpOp(hb: usize, inst: u32): bool {
  if (fpOff(hb)) { raise(2, <u64>inst); return false; }
  let f7 = inst >> 25;
  let fmt = f7 & 3;
  let f5 = f7 >> 2;
  let f3 = (inst >> 12) & 7;
  let rd = (inst >> 7) & 31, r1 = (inst >> 15) & 31, r2 = (inst >> 20) & 31;
  if (fmt > 1) { raise(2, <u64>inst); return false; }
  let d = fmt == 1;
  let needRm = f5 <= 3 || f5 == 0x0b || f5 == 0x08 || f5 == 0x18 || f5 == 0x1a;
  let rm: i32 = 0;
  if (needRm) {
    rm = rmOf(hb, f3);
    if (rm < 0) { raise(2, <u64>inst); return false; }
  }
  let urm = <u32>rm;
  switch (f5) {
    case 0x00: case 0x01: case 0x02: case 0x03: {
      if (d) {
        let a = FR(hb, r1), b = FR(hb, r2);
        FW(hb, rd, f5 == 0 ? F.f64_add(a, b, urm) : f5 == 1 ? F.f64_sub(a, b, urm) : f5 == 2 ? F.f64_mul(a, b, urm) : F.f64_div(a, b, urm));
      } else {
        let a = S(hb, r1), b = S(hb, r2);
        FW(hb, rd, F.boxF32(f5 == 0 ? F.f32_add(a, b, urm) : f5 == 1 ? F.f32_sub(a, b, urm) : f5 == 2 ? F.f32_mul(a, b, urm) : F.f32_div(a, b, urm)));
      }
      break;
    }
    case 0x0b:
      if (r2 != 0) { raise(2, <u64>inst); return false; }
      if (d) FW(hb, rd, F.f64_sqrt(FR(hb, r1), urm));
      else FW(hb, rd, F.boxF32(F.f32_sqrt(S(hb, r1), urm)));
      break;
    case 0x04:
      if (f3 > 2) { raise(2, <u64>inst); return false; }
      if (d) {
        let a = FR(hb, r1), b = FR(hb, r2);
        FW(hb, rd, f3 == 0 ? F.f64_sgnj(a, b) : f3 == 1 ? F.f64_sgnjn(a, b) : F.f64_sgnjx(a, b));
      } else {
        let a = S(hb, r1), b = S(hb, r2);
        FW(hb, rd, F.boxF32(f3 == 0 ? F.f32_sgnj(a, b) : f3 == 1 ? F.f32_sgnjn(a, b) : F.f32_sgnjx(a, b)));
      }
      break;
    case 0x05:
      if (f3 > 1) { raise(2, <u64>inst); return false; }
      if (d) FW(hb, rd, f3 == 0 ? F.f64_min(FR(hb, r1), FR(hb, r2)) : F.f64_max(FR(hb, r1), FR(hb, r2)));
      else FW(hb, rd, F.boxF32(f3 == 0 ? F.f32_min(S(hb, r1), S(hb, r2)) : F.f32_max(S(hb, r1), S(hb, r2))));
      break;
    case 0x08:
      if (d && r2 == 0) FW(hb, rd, F.f32_to_f64(S(hb, r1)));
      else if (!d && r2 == 1) FW(hb, rd, F.boxF32(F.f64_to_f32(FR(hb, r1), urm)));
      else { raise(2, <u64>inst); return false; }
      break;
    case 0x14: {
      if (f3 > 2) { raise(2, <u64>inst); return false; }
      let r: u32;
      if (d) r = f3 == 2 ? F.f64_eq(FR(hb, r1), FR(hb, r2)) : f3 == 1 ? F.f64_lt(FR(hb, r1), FR(hb, r2)) : F.f64_le(FR(hb, r1), FR(hb, r2));
      else r = f3 == 2 ? F.f32_eq(S(hb, r1), S(hb, r2)) : f3 == 1 ? F.f32_lt(S(hb, r1), S(hb, r2)) : F.f32_le(S(hb, r1), S(hb, r2));
      W(hb, rd, <u64>r);
      if (F.fpuFlags != 0) { flags(hb); dirtyFs(hb); }
      return true;
    }
    case 0x18: {
      let v: u64;
      if (d) {
        let a = FR(hb, r1);
        if (r2 == 0) v = F.f64_to_i32(a, urm);
        else if (r2 == 1) v = F.f64_to_u32(a, urm);
        else if (r2 == 2) v = F.f64_to_i64(a, urm);
        else if (r2 == 3) v = F.f64_to_u64(a, urm);
        else { raise(2, <u64>inst); return false; }
      } else {
        let a = S(hb, r1);
        if (r2 == 0) v = F.f32_to_i32(a, urm);
        else if (r2 == 1) v = F.f32_to_u32(a, urm);
        else if (r2 == 2) v = F.f32_to_i64(a, urm);
        else if (r2 == 3) v = F.f32_to_u64(a, urm);
        else { raise(2, <u64>inst); return false; }
      }
      W(hb, rd, v);
      if (F.fpuFlags != 0) { flags(hb); dirtyFs(hb); }
      return true;
    }
    case 0x1a: {
      let x = X(hb, r1);
      if (r2 > 3) { raise(2, <u64>inst); return false; }
      if (d) {
        FW(hb, rd, r2 == 0 ? F.i32_to_f64(<i32>x, urm) : r2 == 1 ? F.u32_to_f64(<u32>x, urm) : r2 == 2 ? F.i64_to_f64(<i64>x, urm) : F.u64_to_f64(x, urm));
      } else {
        FW(hb, rd, F.boxF32(r2 == 0 ? F.i32_to_f32(<i32>x, urm) : r2 == 1 ? F.u32_to_f32(<u32>x, urm) : r2 == 2 ? F.i64_to_f32(<i64>x, urm) : F.u64_to_f32(x, urm)));
      }
      break;
    }
    case 0x1c:
      if (r2 != 0) { raise(2, <u64>inst); return false; }
      if (f3 == 0) W(hb, rd, d ? FR(hb, r1) : <u64><i64><i32><u32>FR(hb, r1));
      else if (f3 == 1) W(hb, rd, <u64>(d ? F.f64_classify(FR(hb, r1)) : F.f32_classify(S(hb, r1))));
      else { raise(2, <u64>inst); return false; }
      return true;
    case 0x1e:
      if (r2 != 0 || f3 != 0) { raise(2, <u64>inst); return false; }
      FW(hb, rd, d ? X(hb, r1) : F.boxF32(<u32>X(hb, r1)));
      break;
    default:
      raise(2, <u64>inst);
      return false;
  }
  flags(hb);
  dirtyFs(hb);
  return true;
}
