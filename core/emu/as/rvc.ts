// RV64C: every 16-bit instruction is expanded once, at startup, into its 32-bit equivalent
// (0 = illegal/reserved) in a 64 Ki-entry table; the interpreter executes the expansion with
// an instruction length of 2.
import { RVC_TABLE } from './layout';

@inline function b(x: u32, hi: u32, lo: u32): u32 {
  return (x >> lo) & ((1 << (hi - lo + 1)) - 1);
}
function itype(imm: i32, rs1: u32, f3: u32, rd: u32, op: u32): u32 {
  return ((<u32>imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
function stype(imm: i32, rs2: u32, rs1: u32, f3: u32, op: u32): u32 {
  let u = <u32>imm & 0xfff;
  return ((u >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 31) << 7) | op;
}
function rtype(f7: u32, rs2: u32, rs1: u32, f3: u32, rd: u32, op: u32): u32 {
  return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
function btype(imm: i32, rs2: u32, rs1: u32, f3: u32): u32 {
  let u = <u32>imm;
  return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
    (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
}
function jtype(imm: i32, rd: u32): u32 {
  let u = <u32>imm;
  return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) | (((u >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
}
@inline function sext(v: u32, bits: i32): i32 {
  return (<i32>(v << (32 - bits))) >> (32 - bits);
}

export function expand(c: u32): u32 {
  return expandIn(c, c & 3, c >> 13);
}

// expand() for a halfword whose quadrant (op) and funct3 are known: inlined where both are
// constants, only that case's code remains.
@inline function expandIn(c: u32, op: u32, f3: u32): u32 {
  let rd = b(c, 11, 7);
  let rs2 = b(c, 6, 2);
  let rdp = 8 + b(c, 4, 2);
  let rs1p = 8 + b(c, 9, 7);
  if (op == 0) {
    switch (f3) {
      case 0: {
        let imm = (b(c, 12, 11) << 4) | (b(c, 10, 7) << 6) | (b(c, 6, 6) << 2) | (b(c, 5, 5) << 3);
        if (imm == 0) return 0;
        return itype(<i32>imm, 2, 0, rdp, 0x13);
      }
      case 1: return itype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 5) << 6)), rs1p, 3, rdp, 0x07);
      case 2: return itype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 6) << 2) | (b(c, 5, 5) << 6)), rs1p, 2, rdp, 0x03);
      case 3: return itype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 5) << 6)), rs1p, 3, rdp, 0x03);
      case 5: return stype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 5) << 6)), rdp, rs1p, 3, 0x27);
      case 6: return stype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 6) << 2) | (b(c, 5, 5) << 6)), rdp, rs1p, 2, 0x23);
      case 7: return stype(<i32>((b(c, 12, 10) << 3) | (b(c, 6, 5) << 6)), rdp, rs1p, 3, 0x23);
    }
    return 0;
  }
  if (op == 1) {
    let imm6 = sext((b(c, 12, 12) << 5) | b(c, 6, 2), 6);
    switch (f3) {
      case 0: return itype(imm6, rd, 0, rd, 0x13); // c.addi / c.nop
      case 1: if (rd == 0) return 0; return itype(imm6, rd, 0, rd, 0x1b); // c.addiw
      case 2: return itype(imm6, 0, 0, rd, 0x13); // c.li
      case 3: {
        if (rd == 2) {
          let imm = sext((b(c, 12, 12) << 9) | (b(c, 6, 6) << 4) | (b(c, 5, 5) << 6) | (b(c, 4, 3) << 7) | (b(c, 2, 2) << 5), 10);
          if (imm == 0) return 0;
          return itype(imm, 2, 0, 2, 0x13);
        }
        if (imm6 == 0) return 0;
        return ((<u32>imm6 & 0xfffff) << 12) | (rd << 7) | 0x37; // c.lui
      }
      case 4: {
        let f2 = b(c, 11, 10);
        let sh = (b(c, 12, 12) << 5) | b(c, 6, 2);
        if (f2 == 0) return itype(<i32>sh, rs1p, 5, rs1p, 0x13);
        if (f2 == 1) return itype(<i32>(sh | 0x400), rs1p, 5, rs1p, 0x13);
        if (f2 == 2) return itype(imm6, rs1p, 7, rs1p, 0x13);
        let r2 = 8 + b(c, 4, 2);
        let s = b(c, 6, 5);
        if (b(c, 12, 12) == 0) {
          if (s == 0) return rtype(0x20, r2, rs1p, 0, rs1p, 0x33);
          if (s == 1) return rtype(0, r2, rs1p, 4, rs1p, 0x33);
          if (s == 2) return rtype(0, r2, rs1p, 6, rs1p, 0x33);
          return rtype(0, r2, rs1p, 7, rs1p, 0x33);
        }
        if (s == 0) return rtype(0x20, r2, rs1p, 0, rs1p, 0x3b);
        if (s == 1) return rtype(0, r2, rs1p, 0, rs1p, 0x3b);
        return 0;
      }
      case 5: {
        let imm = sext((b(c, 12, 12) << 11) | (b(c, 11, 11) << 4) | (b(c, 10, 9) << 8) | (b(c, 8, 8) << 10) |
          (b(c, 7, 7) << 6) | (b(c, 6, 6) << 7) | (b(c, 5, 3) << 1) | (b(c, 2, 2) << 5), 12);
        return jtype(imm, 0);
      }
      default: {
        let imm = sext((b(c, 12, 12) << 8) | (b(c, 11, 10) << 3) | (b(c, 6, 5) << 6) | (b(c, 4, 3) << 1) | (b(c, 2, 2) << 5), 9);
        return btype(imm, 0, rs1p, f3 == 6 ? 0 : 1);
      }
    }
  }
  if (op == 2) {
    switch (f3) {
      case 0: return itype(<i32>((b(c, 12, 12) << 5) | b(c, 6, 2)), rd, 1, rd, 0x13); // c.slli
      case 1: return itype(<i32>((b(c, 12, 12) << 5) | (b(c, 6, 5) << 3) | (b(c, 4, 2) << 6)), 2, 3, rd, 0x07);
      case 2: if (rd == 0) return 0; return itype(<i32>((b(c, 12, 12) << 5) | (b(c, 6, 4) << 2) | (b(c, 3, 2) << 6)), 2, 2, rd, 0x03);
      case 3: if (rd == 0) return 0; return itype(<i32>((b(c, 12, 12) << 5) | (b(c, 6, 5) << 3) | (b(c, 4, 2) << 6)), 2, 3, rd, 0x03);
      case 4: {
        if (b(c, 12, 12) == 0) {
          if (rs2 == 0) { if (rd == 0) return 0; return itype(0, rd, 0, 0, 0x67); } // c.jr
          return rtype(0, rs2, 0, 0, rd, 0x33); // c.mv
        }
        if (rs2 == 0) {
          if (rd == 0) return 0x00100073; // c.ebreak
          return itype(0, rd, 0, 1, 0x67); // c.jalr
        }
        return rtype(0, rs2, rd, 0, rd, 0x33); // c.add
      }
      case 5: return stype(<i32>((b(c, 12, 10) << 3) | (b(c, 9, 7) << 6)), rs2, 2, 3, 0x27);
      case 6: return stype(<i32>((b(c, 12, 9) << 2) | (b(c, 8, 7) << 6)), rs2, 2, 2, 0x23);
      case 7: return stype(<i32>((b(c, 12, 10) << 3) | (b(c, 9, 7) << 6)), rs2, 2, 3, 0x23);
    }
  }
  return 0;
}

// Every halfword of one quadrant and funct3 (2048 of them: bits 12..2 vary).
@inline function fillBlock(op: u32, f3: u32): void {
  let base = (f3 << 13) | op;
  for (let mid: u32 = 0; mid < 0x800; mid++) {
    let c = base | (mid << 2);
    store<u32>(RVC_TABLE + (<usize>c << 2), expandIn(c, op, f3));
  }
}

// Built at every machine creation, so it is on the start-up path: one literal fillBlock per
// (quadrant, funct3) lets the optimizer drop expand's dispatch from each inner loop (0.31 ->
// 0.21 ms warm, 0.6-1.8 -> ~0.4 ms on a process's first machine; writing the 256 KiB into fresh
// pages alone takes 0.14 ms).
export function rvcInit(): void {
  // Quadrant 3 (low bits 11) is the 32-bit encoding space: no expansion.
  for (let hi: usize = 0; hi < 0x4000; hi++) store<u32>(RVC_TABLE + (hi << 4), 0, 12);
  fillBlock(0, 0); fillBlock(0, 1); fillBlock(0, 2); fillBlock(0, 3);
  fillBlock(0, 4); fillBlock(0, 5); fillBlock(0, 6); fillBlock(0, 7);
  fillBlock(1, 0); fillBlock(1, 1); fillBlock(1, 2); fillBlock(1, 3);
  fillBlock(1, 4); fillBlock(1, 5); fillBlock(1, 6); fillBlock(1, 7);
  fillBlock(2, 0); fillBlock(2, 1); fillBlock(2, 2); fillBlock(2, 3);
  fillBlock(2, 4); fillBlock(2, 5); fillBlock(2, 6); fillBlock(2, 7);
}
