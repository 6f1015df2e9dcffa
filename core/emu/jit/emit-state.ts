// The block emitter's state and primitives, shared by emit.ts and emit-alu.ts. Module-level on
// purpose: emitting allocates no closures (it runs for every hot block while the guest waits;
// closures per call made it several times slower). Only beginBlock and the primitives here
// change the state; the other modules read it.
import { Bytes } from './wasm-writer.js';
import type { Insn } from './decode.js';
import {
  BR,
  DROP,
  END,
  I32_ADD,
  I64_STORE,
  I32_AND,
  I32_CONST,
  I32_LE_U,
  I32_SHL,
  I32_WRAP,
  I64_ADD,
  I64_CONST,
  I64_EQ,
  I64_GT_U,
  I64_LOAD,
  I64_SHR_U,
  I64_XOR,
  IF,
  LGET,
  LSET,
  LTEE,
  VOID,
} from './opcodes.js';

/** Offsets the translated code uses (read from the core: jitLayout). */
export interface JitLayout {
  io: number;
  tlbLoad: number;
  tlbStore: number;
  tlbMask: number;
  hPc: number;
  cDataCtx: number;
  spinPc: number;
  spinA: number;
  spinB: number;
  spinCnt: number;
  spinBase: number;
  spinMax: number;
  /** The fetch TLB's offset in a hart's TLB block, and the fetch context in the hart block. */
  tlbFetch: number;
  cFetchCtx: number;
  /** The block table and its index mask (core/emu/as/jit.ts). */
  jitTable: number;
  /** The table index of host address ha: ((ha >>> 1) * jitHashMul) >>> jitHashShift. */
  jitHashMul: number;
  jitHashShift: number;
  /** RAM's host offset and the core's per-page code map (core/emu/as/jit.ts). */
  ramOff: number;
  codemap: number;
}

/** Imported helper functions, in import order (after ld and st). */
export const BINARY_HELPERS = [
  'jitMulh',
  'jitMulhsu',
  'jitMulhu',
  'jitDiv',
  'jitDivu',
  'jitRem',
  'jitRemu',
  'jitDivw',
  'jitDivuw',
  'jitRemw',
  'jitRemuw',
  'jitClmul',
  'jitClmulr',
  'jitClmulh',
] as const;
export const UNARY_HELPERS = ['jitOrcb', 'jitRev8'] as const;
export const F_LD = 0;
export const F_ST = 1;
/** jitStoreHit(ha, size): the last import (a store into a page that holds translations). */
export const F_STORE_HIT = 2 + BINARY_HELPERS.length + UNARY_HELPERS.length;
/** jitExec(h, hb, inst, n): AMOs and FP instructions run by the core in place. */
export const F_EXEC = F_STORE_HIT + 1;
export const helper = (n: string): number =>
  2 +
  ((BINARY_HELPERS as readonly string[]).includes(n)
    ? (BINARY_HELPERS as readonly string[]).indexOf(n)
    : BINARY_HELPERS.length + (UNARY_HELPERS as readonly string[]).indexOf(n));

// parameters and fixed locals
export const P_H = 0,
  P_HB = 1,
  P_TL = 2,
  P_PC = 3,
  P_N = 4,
  P_BUDGET = 5;
export const L_DCTX = 6,
  L_VA = 7,
  L_EXITPC = 8,
  L_A = 9,
  L_B = 10,
  L_REG0 = 11; // then one i64 local per guest register used

// The emitter's state: module-level, so emitting a block allocates no closures (it runs for
// every hot block while the guest waits; closures per call made it several times slower).
export const b = new Bytes();
// label depth: 1 inside $exit (block), 2 inside $top (loop) when the block loops
export let depth = 0;
export let lay: JitLayout;
export let entryHa = 0;
export let len = 0;
export let loops = false;
export const regLocal = new Map<number, number>();
export const used = new Set<number>();
export const written = new Set<number>();
export let L_ST = 0;
export let L_E = 0;
export let L_SPINBASE = 0;
export let L_T32 = 0;

/** Resets the state for a block: its layout, entry, registers (which it uses and writes). */
export function beginBlock(insns: Insn[], layout: JitLayout, ha: number): void {
  lay = layout;
  entryHa = ha;
  len = insns.length;
  b.length = 0;
  depth = 0;
  // registers: which the block reads or writes, and which it writes (written back at exits)
  used.clear();
  written.clear();
  for (const i of insns) {
    const inst = i.inst;
    const op = (inst >>> 2) & 31;
    const rd = (inst >>> 7) & 31;
    const rs1 = (inst >>> 15) & 31;
    const rs2 = (inst >>> 20) & 31;
    if (readsRs1(op) && rs1) used.add(rs1);
    if (readsRs2(op) && rs2) used.add(rs2);
    if (writesRd(op) && rd) {
      used.add(rd);
      written.add(rd);
    }
  }
  regLocal.clear();
  for (const r of [...used].sort((x, y) => x - y)) regLocal.set(r, L_REG0 + regLocal.size);
  const i32Base = L_REG0 + regLocal.size;
  L_ST = i32Base;
  L_E = i32Base + 1;
  L_SPINBASE = i32Base + 2;
  L_T32 = i32Base + 3;
  loops = false;
  for (const i of insns) if (i.kind !== 'op' && targetOff(i) === 0) loops = true;
}

export function open(op: number, type: number = VOID): void {
  b.byte(op).byte(type);
  depth++;
}
export function close(): void {
  b.byte(END);
  depth--;
}
export function brExit(): void {
  b.byte(BR).u32(depth - 1);
}
export function brTop(): void {
  b.byte(BR).u32(depth - 2);
}
export function get(r: number): void {
  if (r === 0) b.byte(I64_CONST).byte(0);
  else b.byte(LGET).u32(regLocal.get(r)!);
}
export function set(r: number): void {
  if (r === 0) b.byte(DROP);
  else b.byte(LSET).u32(regLocal.get(r)!);
}
export function i64c(v: bigint | number): void {
  b.byte(I64_CONST).s64(v);
}
export function i32c(v: number): void {
  b.byte(I32_CONST).s32(v);
}
export function lget(l: number): void {
  b.byte(LGET).u32(l);
}
export function lset(l: number): void {
  b.byte(LSET).u32(l);
}
/** pc + off (the block's pc is a parameter: translations serve every alias). */
export function pcPlus(off: number): void {
  lget(P_PC);
  if (off !== 0) {
    i64c(off);
    b.byte(I64_ADD);
  }
}
export function addN(k: number): void {
  lget(P_N);
  i64c(k);
  b.byte(I64_ADD);
  lset(P_N);
}
/** Exit: the next pc is on the stack; count `k` instructions; report `status`. */
export function exitWith(k: number, status: number): void {
  lset(L_EXITPC);
  if (k) addN(k);
  if (status) {
    i32c(status);
    lset(L_ST);
  }
  brExit();
}
/** Back to the first instruction (n already counted): loop if the budget allows a pass. */
export function loopBack(): void {
  lget(P_N);
  i64c(len);
  b.byte(I64_ADD);
  lget(P_BUDGET);
  b.byte(I64_GT_U);
  open(IF);
  pcPlus(0);
  exitWith(0, 0);
  close();
  brTop();
}
/** The TLB entry address (left in L_E too) for the address in local `va` (default L_VA); the
 *  array's offset is applied by the loads. */
export function tlbEntry(va: number = L_VA): void {
  lget(P_TL);
  lget(va);
  i64c(12);
  b.byte(I64_SHR_U).byte(I32_WRAP);
  i32c(lay.tlbMask);
  b.byte(I32_AND);
  i32c(4);
  b.byte(I32_SHL).byte(I32_ADD);
  b.byte(LTEE).u32(L_E);
}
/** Writes the block's written registers back to the hart block (exits, calls into the core). */
export function spillWritten(): void {
  for (const r of written) {
    lget(P_HB);
    lget(regLocal.get(r)!);
    b.byte(I64_STORE)
      .u32(3)
      .u32(r * 8);
  }
}

/** Condition: entry tag == vpn ^ dctx and the access stays in the page. */
export function tlbHit(arr: number): void {
  tlbEntry();
  b.byte(I64_LOAD).u32(3).u32(arr);
  lget(L_VA);
  i64c(12);
  b.byte(I64_SHR_U);
  lget(L_DCTX);
  b.byte(I64_XOR).byte(I64_EQ);
  lget(L_VA);
  b.byte(I32_WRAP);
  i32c(0xfff);
  b.byte(I32_AND);
  // the interpreter's condition exactly (offset <= 0xff8 whatever the size): the slow path
  // resyncs after stores, so where it is taken decides where interrupts are noticed
  i32c(0xff8);
  b.byte(I32_LE_U).byte(I32_AND);
}
export function hostAddr(arr: number): void {
  lget(L_VA);
  lget(L_E);
  b.byte(I64_LOAD)
    .u32(3)
    .u32(arr + 8);
  b.byte(I64_ADD).byte(I32_WRAP);
}

/** Byte offset (from the block start) a jump/branch goes to, or undefined. */
export function targetOff(i: Insn): number | undefined {
  const inst = i.inst;
  const op = (inst >>> 2) & 31;
  if (op === 0x18) {
    const imm =
      ((inst >> 19) & 0xfffff000) |
      ((inst << 4) & 0x800) |
      ((inst >>> 20) & 0x7e0) |
      ((inst >>> 7) & 0x1e);
    return i.off + imm;
  }
  if (op === 0x1b) {
    const imm =
      ((inst >> 11) & 0xfff00000) |
      (inst & 0xff000) |
      ((inst >>> 9) & 0x800) |
      ((inst >>> 20) & 0x7fe);
    return i.off + imm;
  }
  return undefined;
}

// Which registers an instruction (by major opcode) reads and writes.
export function readsRs1(op: number): boolean {
  return (
    op === 0x19 ||
    op === 0x00 ||
    op === 0x04 ||
    op === 0x06 ||
    op === 0x18 ||
    op === 0x08 ||
    op === 0x0c ||
    op === 0x0e
  );
}
export function readsRs2(op: number): boolean {
  return op === 0x18 || op === 0x08 || op === 0x0c || op === 0x0e;
}
export function writesRd(op: number): boolean {
  return op !== 0x18 && op !== 0x08 && op !== 0x03;
}
