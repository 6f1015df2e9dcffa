// NaN-boxing of binary32 values in 64-bit f registers (RISC-V D extension, section "NaN Boxing").
import { F32_CANONICAL_NAN } from './flags';

/** The 64-bit register image of an f32 result: upper 32 bits all ones. */
export function boxF32(a: u32): u64 {
  return 0xffffffff00000000 | (<u64>a);
}

/** The f32 an instruction sees in a 64-bit register: the canonical NaN unless properly boxed. */
export function unboxF32(a: u64): u32 {
  return a >> 32 == 0xffffffff ? <u32>a : F32_CANONICAL_NAN;
}
