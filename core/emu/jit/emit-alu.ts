// ALU instructions (OP-IMM, OP-IMM-32, OP, OP-32: RV64I, M, Zba, Zbb, Zbc, Zbs) for the block
// emitter: each leaves rd's new value in its local, exactly as exec.ts computes it.
import { b, get, helper, i32c, i64c, set } from './emit-state.js';
import {
  CALL,
  I32_CLZ,
  I32_CTZ,
  I32_POPCNT,
  I32_ROTL,
  I32_ROTR,
  I32_SHL2,
  I32_SHR_S,
  I32_SHR_U,
  I32_WRAP,
  I64_ADD,
  I64_AND,
  I64_CLZ,
  I64_CTZ,
  I64_EXT16,
  I64_EXT32,
  I64_EXT8,
  I64_EXT_S,
  I64_EXT_U,
  I64_GT_S,
  I64_GT_U,
  I64_LT_S,
  I64_LT_U,
  I64_MUL,
  I64_OR,
  I64_POPCNT,
  I64_ROTL,
  I64_ROTR,
  I64_SHL,
  I64_SHR_S,
  I64_SHR_U,
  I64_SUB,
  I64_XOR,
  SELECT,
} from './opcodes.js';

export function opImm(rd: number, rs1: number, f3: number, inst: number, imm: number): void {
  const sh = (inst >>> 20) & 63;
  const f6 = inst >>> 26;
  const f12 = inst >>> 20;
  get(rs1);
  switch (f3) {
    case 0:
      i64c(imm);
      b.byte(I64_ADD);
      break;
    case 2:
      i64c(imm);
      b.byte(I64_LT_S).byte(I64_EXT_U);
      break;
    case 3:
      i64c(imm);
      b.byte(I64_LT_U).byte(I64_EXT_U);
      break;
    case 4:
      i64c(imm);
      b.byte(I64_XOR);
      break;
    case 6:
      i64c(imm);
      b.byte(I64_OR);
      break;
    case 7:
      i64c(imm);
      b.byte(I64_AND);
      break;
    case 1:
      if (f6 === 0) {
        i64c(sh);
        b.byte(I64_SHL);
      } else if (f6 === 0x0a) {
        i64c(1n << BigInt(sh));
        b.byte(I64_OR);
      } else if (f6 === 0x12) {
        i64c(~(1n << BigInt(sh)));
        b.byte(I64_AND);
      } else if (f6 === 0x1a) {
        i64c(1n << BigInt(sh));
        b.byte(I64_XOR);
      } else if (f12 === 0x600) b.byte(I64_CLZ);
      else if (f12 === 0x601) b.byte(I64_CTZ);
      else if (f12 === 0x602) b.byte(I64_POPCNT);
      else if (f12 === 0x604) b.byte(I64_EXT8);
      else b.byte(I64_EXT16); // 0x605
      break;
    default:
      // 5
      if (f6 === 0) {
        i64c(sh);
        b.byte(I64_SHR_U);
      } else if (f6 === 0x10) {
        i64c(sh);
        b.byte(I64_SHR_S);
      } else if (f6 === 0x12) {
        i64c(sh);
        b.byte(I64_SHR_U);
        i64c(1);
        b.byte(I64_AND);
      } else if (f6 === 0x18) {
        i64c(sh);
        b.byte(I64_ROTR);
      } else if (f12 === 0x287) b.byte(CALL).u32(helper('jitOrcb'));
      else b.byte(CALL).u32(helper('jitRev8'));
  }
  set(rd);
}

export function opImm32(
  rd: number,
  rs1: number,
  f3: number,
  f7: number,
  inst: number,
  imm: number,
): void {
  const sh = (inst >>> 20) & 31;
  const f12 = inst >>> 20;
  get(rs1);
  if (f3 === 0) {
    i64c(imm);
    b.byte(I64_ADD).byte(I64_EXT32);
  } else if (f3 === 1 && f7 === 0) {
    i64c(sh);
    b.byte(I64_SHL).byte(I64_EXT32);
  } else if (f3 === 1 && inst >>> 26 === 0x02) {
    i64c(0xffffffffn);
    b.byte(I64_AND);
    i64c((inst >>> 20) & 63);
    b.byte(I64_SHL);
  } else if (f3 === 1) {
    b.byte(I32_WRAP).byte(f12 === 0x600 ? I32_CLZ : f12 === 0x601 ? I32_CTZ : I32_POPCNT);
    b.byte(I64_EXT_U);
  } else if (f7 === 0) {
    b.byte(I32_WRAP);
    i32c(sh);
    b.byte(I32_SHR_U).byte(I64_EXT_S);
  } else if (f7 === 0x20) {
    b.byte(I32_WRAP);
    i32c(sh);
    b.byte(I32_SHR_S).byte(I64_EXT_S);
  } else {
    b.byte(I32_WRAP);
    i32c(sh);
    b.byte(I32_ROTR).byte(I64_EXT_S);
  }
  set(rd);
}

export function op(rd: number, rs1: number, rs2: number, f3: number, f7: number): void {
  const ab = () => {
    get(rs1);
    get(rs2);
  };
  const call2 = (n: string) => {
    ab();
    b.byte(CALL).u32(helper(n));
  };
  const bin = (o: number) => {
    ab();
    b.byte(o);
  };
  const bit = () => {
    // 1 << (b & 63) (wasm shifts take the count modulo 64, like the interpreter's & 63)
    i64c(1);
    get(rs2);
    b.byte(I64_SHL);
  };
  if (f7 === 0) {
    if (f3 === 2 || f3 === 3) {
      bin(f3 === 2 ? I64_LT_S : I64_LT_U);
      b.byte(I64_EXT_U);
    } else bin([I64_ADD, I64_SHL, 0, 0, I64_XOR, I64_SHR_U, I64_OR, I64_AND][f3]);
  } else if (f7 === 0x20) {
    if (f3 === 0) bin(I64_SUB);
    else if (f3 === 5) bin(I64_SHR_S);
    else {
      get(rs1);
      get(rs2);
      i64c(-1);
      b.byte(I64_XOR);
      if (f3 === 7) b.byte(I64_AND);
      else if (f3 === 6) b.byte(I64_OR);
      else b.byte(I64_XOR); // xnor = ~(a ^ b) = a ^ ~b
    }
  } else if (f7 === 1) {
    if (f3 === 0) bin(I64_MUL);
    else
      call2(['', 'jitMulh', 'jitMulhsu', 'jitMulhu', 'jitDiv', 'jitDivu', 'jitRem', 'jitRemu'][f3]);
  } else {
    const k = (f7 << 3) | f3;
    switch (k) {
      case (0x10 << 3) | 2:
      case (0x10 << 3) | 4:
      case (0x10 << 3) | 6:
        get(rs1);
        i64c(f3 >> 1);
        b.byte(I64_SHL);
        get(rs2);
        b.byte(I64_ADD);
        break;
      case (0x05 << 3) | 4:
      case (0x05 << 3) | 5:
      case (0x05 << 3) | 6:
      case (0x05 << 3) | 7:
        ab();
        ab();
        b.byte([I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U][f3 - 4]).byte(SELECT);
        break;
      case (0x05 << 3) | 1:
        call2('jitClmul');
        break;
      case (0x05 << 3) | 2:
        call2('jitClmulr');
        break;
      case (0x05 << 3) | 3:
        call2('jitClmulh');
        break;
      case (0x30 << 3) | 1:
        bin(I64_ROTL);
        break;
      case (0x30 << 3) | 5:
        bin(I64_ROTR);
        break;
      case (0x24 << 3) | 1:
        get(rs1);
        bit();
        i64c(-1);
        b.byte(I64_XOR).byte(I64_AND);
        break;
      case (0x24 << 3) | 5:
        bin(I64_SHR_U);
        i64c(1);
        b.byte(I64_AND);
        break;
      case (0x14 << 3) | 1:
        get(rs1);
        bit();
        b.byte(I64_OR);
        break;
      default: // (0x34 << 3) | 1
        get(rs1);
        bit();
        b.byte(I64_XOR);
    }
  }
  set(rd);
}

export function op32(rd: number, rs1: number, f3: number, f7: number, rs2: number): void {
  const k = (f7 << 3) | f3;
  const w = (o: number) => {
    // 32-bit operation on the low words, result sign-extended
    get(rs1);
    b.byte(I32_WRAP);
    get(rs2);
    b.byte(I32_WRAP).byte(o).byte(I64_EXT_S);
  };
  const lowA = () => {
    get(rs1);
    i64c(0xffffffffn);
    b.byte(I64_AND);
  };
  switch (k) {
    case 0:
      get(rs1);
      get(rs2);
      b.byte(I64_ADD).byte(I64_EXT32);
      break;
    case 1:
      w(I32_SHL2);
      break;
    case 5:
      w(I32_SHR_U);
      break;
    case (0x20 << 3) | 0:
      get(rs1);
      get(rs2);
      b.byte(I64_SUB).byte(I64_EXT32);
      break;
    case (0x20 << 3) | 5:
      w(I32_SHR_S);
      break;
    case (1 << 3) | 0:
      get(rs1);
      get(rs2);
      b.byte(I64_MUL).byte(I64_EXT32);
      break;
    case (1 << 3) | 4:
    case (1 << 3) | 5:
    case (1 << 3) | 6:
    case (1 << 3) | 7:
      get(rs1);
      get(rs2);
      b.byte(CALL).u32(helper(['jitDivw', 'jitDivuw', 'jitRemw', 'jitRemuw'][f3 - 4]));
      break;
    case (0x04 << 3) | 0:
      lowA();
      get(rs2);
      b.byte(I64_ADD);
      break;
    case (0x10 << 3) | 2:
    case (0x10 << 3) | 4:
    case (0x10 << 3) | 6:
      lowA();
      i64c(f3 >> 1);
      b.byte(I64_SHL);
      get(rs2);
      b.byte(I64_ADD);
      break;
    case (0x30 << 3) | 1:
      w(I32_ROTL);
      break;
    case (0x30 << 3) | 5:
      w(I32_ROTR);
      break;
    default: // zext.h
      get(rs1);
      i64c(0xffff);
      b.byte(I64_AND);
  }
  set(rd);
}
