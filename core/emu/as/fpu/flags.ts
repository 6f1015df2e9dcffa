// Accrued IEEE exception flags and rounding-mode numbers, in RISC-V fcsr layout.

/** Accrued exception flags (fflags layout). Functions only OR into it; the hart reads/clears it. */
export let fpuFlags: u32 = 0;

export const FLAG_NV: u32 = 16; // invalid operation
export const FLAG_DZ: u32 = 8; // divide by zero
export const FLAG_OF: u32 = 4; // overflow
export const FLAG_UF: u32 = 2; // underflow (tiny after rounding and inexact)
export const FLAG_NX: u32 = 1; // inexact

export const RM_RNE: u32 = 0; // round to nearest, ties to even
export const RM_RTZ: u32 = 1; // round towards zero
export const RM_RDN: u32 = 2; // round down (towards -inf)
export const RM_RUP: u32 = 3; // round up (towards +inf)
export const RM_RMM: u32 = 4; // round to nearest, ties to max magnitude

export const F32_CANONICAL_NAN: u32 = 0x7fc00000;
export const F64_CANONICAL_NAN: u64 = 0x7ff8000000000000;

// @ts-ignore: decorator
@inline
export function raise(flags: u32): void {
  fpuFlags |= flags;
}
