// Instruction encoders for the random programs (RV64GC + Zba/Zbb/Zbc/Zbs): just the formats,
// so programs can be generated in TypeScript without a cross compiler.

export const OP = {
  load: 0x03,
  loadFp: 0x07,
  miscMem: 0x0f,
  opImm: 0x13,
  auipc: 0x17,
  opImm32: 0x1b,
  store: 0x23,
  storeFp: 0x27,
  amo: 0x2f,
  op: 0x33,
  lui: 0x37,
  op32: 0x3b,
  fmadd: 0x43,
  fmsub: 0x47,
  fnmsub: 0x4b,
  fnmadd: 0x4f,
  opFp: 0x53,
  branch: 0x63,
  jalr: 0x67,
  jal: 0x6f,
  system: 0x73,
} as const;

const u = (v: number): number => v >>> 0;

export function rType(
  op: number,
  f3: number,
  f7: number,
  rd: number,
  rs1: number,
  rs2: number,
): number {
  return u((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
}

export function iType(op: number, f3: number, rd: number, rs1: number, imm: number): number {
  return u(((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
}

export function sType(op: number, f3: number, rs1: number, rs2: number, imm: number): number {
  return u(
    (((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | op,
  );
}

export function bType(f3: number, rs1: number, rs2: number, off: number): number {
  if (off & 1 || off < -4096 || off > 4094) throw new RangeError(`branch offset ${off}`);
  return u(
    (((off >> 12) & 1) << 31) |
      (((off >> 5) & 0x3f) << 25) |
      (rs2 << 20) |
      (rs1 << 15) |
      (f3 << 12) |
      (((off >> 1) & 0xf) << 8) |
      (((off >> 11) & 1) << 7) |
      OP.branch,
  );
}

export function uType(op: number, rd: number, imm20: number): number {
  return u(((imm20 & 0xfffff) << 12) | (rd << 7) | op);
}

export function jal(rd: number, off: number): number {
  if (off & 1 || off < -(1 << 20) || off >= 1 << 20) throw new RangeError(`jal offset ${off}`);
  return u(
    (((off >> 20) & 1) << 31) |
      (((off >> 1) & 0x3ff) << 21) |
      (((off >> 11) & 1) << 20) |
      (((off >> 12) & 0xff) << 12) |
      (rd << 7) |
      OP.jal,
  );
}

export function amo(
  f5: number,
  wide: boolean,
  rd: number,
  rs1: number,
  rs2: number,
  aqrl = 0,
): number {
  return rType(OP.amo, wide ? 3 : 2, (f5 << 2) | aqrl, rd, rs1, rs2);
}

export function csr(f3: number, rd: number, rs1OrImm: number, num: number): number {
  return iType(OP.system, f3, rd, rs1OrImm, num);
}

export function r4(
  op: number,
  fmt: number,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: number,
): number {
  return u((rs3 << 27) | (fmt << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | op);
}

export const ECALL = 0x00000073;
export const EBREAK = 0x00100073;
export const MRET = 0x30200073;
export const WFI = 0x10500073;
export const FENCE = 0x0ff0000f;
export const FENCE_I = 0x0000100f;
/** `unimp` (csrrw x0, cycle, x0): illegal in every mode. */
export const UNIMP = 0xc0001073;

// ---- compressed (16-bit) ----------------------------------------------------------------

/** rd' / rs' register number (x8..x15) to its 3-bit field. */
const c3 = (r: number): number => {
  if (r < 8 || r > 15) throw new RangeError(`x${r} is not a compressed register`);
  return r - 8;
};

/** c.addi / c.li / c.addiw / c.slli: funct3, a full register, a 6-bit immediate. */
export function cImm6(f3: number, quadrant: number, rd: number, imm: number): number {
  return (f3 << 13) | (((imm >> 5) & 1) << 12) | (rd << 7) | ((imm & 0x1f) << 2) | quadrant;
}

/** c.srli (0) / c.srai (1) / c.andi (2) on rd'. */
export function cAluImm(kind: 0 | 1 | 2, rd: number, imm: number): number {
  return (
    (4 << 13) | (((imm >> 5) & 1) << 12) | (kind << 10) | (c3(rd) << 7) | ((imm & 0x1f) << 2) | 1
  );
}

/** c.sub/xor/or/and (w=0, f=0..3), c.subw/addw (w=1, f=0..1) on rd', rs2'. */
export function cAluReg(w: 0 | 1, f: number, rd: number, rs2: number): number {
  return (4 << 13) | (w << 12) | (3 << 10) | (c3(rd) << 7) | (f << 5) | (c3(rs2) << 2) | 1;
}

/** c.mv (add=0) / c.add (add=1). */
export function cMvAdd(add: 0 | 1, rd: number, rs2: number): number {
  return (4 << 13) | (add << 12) | (rd << 7) | (rs2 << 2) | 2;
}

/** c.ld / c.sd (8-byte, offset multiple of 8 up to 248) with rs1', rd'/rs2'. */
export function cLdSd(store: boolean, r: number, base: number, off: number): number {
  return (
    ((store ? 7 : 3) << 13) |
    (((off >> 3) & 7) << 10) |
    (c3(base) << 7) |
    (((off >> 6) & 3) << 5) |
    (c3(r) << 2)
  );
}

/** c.lw / c.sw (4-byte, offset multiple of 4 up to 124). */
export function cLwSw(store: boolean, r: number, base: number, off: number): number {
  return (
    ((store ? 6 : 2) << 13) |
    (((off >> 3) & 7) << 10) |
    (c3(base) << 7) |
    (((off >> 2) & 1) << 6) |
    (((off >> 6) & 1) << 5) |
    (c3(r) << 2)
  );
}

/** c.lui rd, imm6 (the value is imm6 << 12, sign-extended; rd not x0/x2, imm6 not 0). */
export function cLui(rd: number, imm6: number): number {
  return (3 << 13) | (((imm6 >> 5) & 1) << 12) | (rd << 7) | ((imm6 & 0x1f) << 2) | 1;
}

/** c.addi16sp: sp += imm (a non-zero multiple of 16 in -512..496). */
export function cAddi16sp(imm: number): number {
  return (
    (3 << 13) |
    (((imm >> 9) & 1) << 12) |
    (2 << 7) |
    (((imm >> 4) & 1) << 6) |
    (((imm >> 6) & 1) << 5) |
    (((imm >> 7) & 3) << 3) |
    (((imm >> 5) & 1) << 2) |
    1
  );
}

/** c.addi4spn rd' = sp + imm (a non-zero multiple of 4 up to 1020). */
export function cAddi4spn(rd: number, imm: number): number {
  return (
    (((imm >> 4) & 3) << 11) |
    (((imm >> 6) & 0xf) << 7) |
    (((imm >> 2) & 1) << 6) |
    (((imm >> 3) & 1) << 5) |
    (c3(rd) << 2)
  );
}

/** c.lwsp / c.ldsp (load rd from sp + off) and c.swsp / c.sdsp (store rs2). */
export function cSp(store: boolean, wide: boolean, r: number, off: number): number {
  if (store)
    return wide
      ? (7 << 13) | (((off >> 3) & 7) << 10) | (((off >> 6) & 7) << 7) | (r << 2) | 2
      : (6 << 13) | (((off >> 2) & 0xf) << 9) | (((off >> 6) & 3) << 7) | (r << 2) | 2;
  return wide
    ? (3 << 13) |
        (((off >> 5) & 1) << 12) |
        (r << 7) |
        (((off >> 3) & 3) << 5) |
        (((off >> 6) & 7) << 2) |
        2
    : (2 << 13) |
        (((off >> 5) & 1) << 12) |
        (r << 7) |
        (((off >> 2) & 7) << 4) |
        (((off >> 6) & 3) << 2) |
        2;
}

/** c.beqz / c.bnez rs1', off (-256..254). */
export function cBranch(bnez: boolean, rs1: number, off: number): number {
  if (off & 1 || off < -256 || off > 254) throw new RangeError(`c.branch offset ${off}`);
  return (
    ((bnez ? 7 : 6) << 13) |
    (((off >> 8) & 1) << 12) |
    (((off >> 3) & 3) << 10) |
    (c3(rs1) << 7) |
    (((off >> 6) & 3) << 5) |
    (((off >> 1) & 3) << 3) |
    (((off >> 5) & 1) << 2) |
    1
  );
}
