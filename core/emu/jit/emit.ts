// Translates one block of RV64 integer instructions into one WebAssembly function with the
// interpreter's exact semantics (core/emu/as/exec.ts is the reference; the differential tests
// in test/emu/jit run both side by side).
//
// Signature: (h i32, hb i32, tl i32, pc i64, n i64, budget i64) -> i64 (the new n). pc is the
// block's virtual address (the code is position-independent). Guest registers used by the
// block live in wasm locals between its entry and its exits; every exit writes back the ones
// the block writes, stores the next pc in the hart block and a status in JIT_IO (jit.ts), and
// a normal exit to another translated block of the same page tail-calls it (chain()).
// Whoever calls a block (the interpreter, or a chaining block) first checks n + length <= budget,
// so a pass never overruns the slice; a block whose branch (or JAL) returns to its first
// instruction loops inside wasm and re-checks the budget at the back edge.
import { Bytes, T, type Func } from './wasm-writer.js';
import type { Insn } from './decode.js';

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
  /** The block table and its index mask (core/emu/as/jit.ts). */
  jitTable: number;
  jitMask: number;
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
const F_LD = 0;
const F_ST = 1;
/** jitStoreHit(ha, size): the last import (a store into a page that holds translations). */
const F_STORE_HIT = 2 + BINARY_HELPERS.length + UNARY_HELPERS.length;
const helper = (n: string): number =>
  2 +
  ((BINARY_HELPERS as readonly string[]).includes(n)
    ? (BINARY_HELPERS as readonly string[]).indexOf(n)
    : BINARY_HELPERS.length + (UNARY_HELPERS as readonly string[]).indexOf(n));

// opcodes
const BLOCK = 0x02,
  LOOP = 0x03,
  IF = 0x04,
  ELSE = 0x05,
  END = 0x0b,
  BR = 0x0c,
  RETURN_CALL_INDIRECT = 0x13,
  CALL = 0x10,
  DROP = 0x1a,
  LGET = 0x20,
  LSET = 0x21,
  LTEE = 0x22;
const I32_LOAD = 0x28,
  I64_LOAD = 0x29,
  I32_STORE = 0x36,
  I64_STORE = 0x37;
const I32_CONST = 0x41,
  I64_CONST = 0x42;
const I32_AND = 0x71,
  I32_ADD = 0x6a,
  I32_SUB = 0x6b,
  I32_SHL = 0x74,
  I32_LE_U = 0x4d,
  I32_GE_S = 0x4e;
const I64_EQ = 0x51,
  I64_NE = 0x52,
  I64_LT_S = 0x53,
  I64_LT_U = 0x54,
  I64_GT_S = 0x55,
  I64_GT_U = 0x56,
  I64_GE_S = 0x59,
  I64_GE_U = 0x5a,
  I64_LE_U = 0x58,
  I32_EQ = 0x46,
  I32_EQZ = 0x45;
const I64_CLZ = 0x79,
  I64_CTZ = 0x7a,
  I64_POPCNT = 0x7b,
  I64_ADD = 0x7c,
  I64_SUB = 0x7d,
  I64_MUL = 0x7e,
  I64_AND = 0x83,
  I64_OR = 0x84,
  I64_XOR = 0x85,
  I64_SHL = 0x86,
  I64_SHR_S = 0x87,
  I64_SHR_U = 0x88,
  I64_ROTL = 0x89,
  I64_ROTR = 0x8a;
const I32_CLZ = 0x67,
  I32_CTZ = 0x68,
  I32_POPCNT = 0x69,
  I32_SHL2 = 0x74,
  I32_SHR_S = 0x75,
  I32_SHR_U = 0x76,
  I32_ROTL = 0x77,
  I32_ROTR = 0x78;
const I32_WRAP = 0xa7,
  I64_EXT_S = 0xac,
  I64_EXT_U = 0xad,
  I64_EXT8 = 0xc2,
  I64_EXT16 = 0xc3,
  I64_EXT32 = 0xc4;
const SELECT = 0x1b;
// loads by funct3 (0 lb .. 6 lwu) and stores by funct3 (sb, sh, sw, sd)
const LOAD_OP = [0x30, 0x32, 0x34, 0x29, 0x31, 0x33, 0x35];
const STORE_OP = [0x3c, 0x3d, 0x3e, 0x37];
const VOID = 0x40;

// parameters and fixed locals
const P_H = 0,
  P_HB = 1,
  P_TL = 2,
  P_PC = 3,
  P_N = 4,
  P_BUDGET = 5;
const L_DCTX = 6,
  L_VA = 7,
  L_EXITPC = 8,
  L_A = 9,
  L_B = 10,
  L_REG0 = 11; // then one i64 local per guest register used

/** Emits one block; returns the function (type 0) or undefined for an empty block. */
// The emitter's state: module-level, so emitting a block allocates no closures (it runs for
// every hot block while the guest waits; closures per call made it several times slower).
const b = new Bytes();
// label depth: 1 inside $exit (block), 2 inside $top (loop) when the block loops
let depth = 0;
let lay: JitLayout;
let entryHa = 0;
let len = 0;
let loops = false;
const regLocal = new Map<number, number>();
const used = new Set<number>();
const written = new Set<number>();
let L_ST = 0;
let L_E = 0;
let L_SPINBASE = 0;
let L_T32 = 0;

function open(op: number, type: number = VOID): void {
  b.byte(op).byte(type);
  depth++;
}
function close(): void {
  b.byte(END);
  depth--;
}
function brExit(): void {
  b.byte(BR).u32(depth - 1);
}
function brTop(): void {
  b.byte(BR).u32(depth - 2);
}
function get(r: number): void {
  if (r === 0) b.byte(I64_CONST).byte(0);
  else b.byte(LGET).u32(regLocal.get(r)!);
}
function set(r: number): void {
  if (r === 0) b.byte(DROP);
  else b.byte(LSET).u32(regLocal.get(r)!);
}
function i64c(v: bigint | number): void {
  b.byte(I64_CONST).s64(v);
}
function i32c(v: number): void {
  b.byte(I32_CONST).s32(v);
}
function lget(l: number): void {
  b.byte(LGET).u32(l);
}
function lset(l: number): void {
  b.byte(LSET).u32(l);
}
/** pc + off (the block's pc is a parameter: translations serve every alias). */
function pcPlus(off: number): void {
  lget(P_PC);
  if (off !== 0) {
    i64c(off);
    b.byte(I64_ADD);
  }
}
function addN(k: number): void {
  lget(P_N);
  i64c(k);
  b.byte(I64_ADD);
  lset(P_N);
}
/** Exit: the next pc is on the stack; count `k` instructions; report `status`. */
function exitWith(k: number, status: number): void {
  lset(L_EXITPC);
  if (k) addN(k);
  if (status) {
    i32c(status);
    lset(L_ST);
  }
  brExit();
}
/** Back to the first instruction (n already counted): loop if the budget allows a pass. */
function loopBack(): void {
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
/** The TLB entry address for L_VA in the array at `arr` (offset applied by the loads). */
function tlbEntry(): void {
  lget(P_TL);
  lget(L_VA);
  i64c(12);
  b.byte(I64_SHR_U).byte(I32_WRAP);
  i32c(lay.tlbMask);
  b.byte(I32_AND);
  i32c(4);
  b.byte(I32_SHL).byte(I32_ADD);
  b.byte(LTEE).u32(L_E);
}
/** Condition: entry tag == vpn ^ dctx and the access stays in the page. */
function tlbHit(arr: number): void {
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
function hostAddr(arr: number): void {
  lget(L_VA);
  lget(L_E);
  b.byte(I64_LOAD)
    .u32(3)
    .u32(arr + 8);
  b.byte(I64_ADD).byte(I32_WRAP);
}

/**
 * Block chaining: a normal exit (status 0) to a pc in the same page whose block is translated,
 * and fits in the budget, tail-calls it instead of returning to the interpreter, which would
 * only probe the same table entry (same virtual page: the same translation and permissions).
 * Everything the interpreter would check in between holds: with breakpoints set blocks do not
 * chain (JIT_IO+8), and the interpreter does nothing else between two instructions.
 */
function chain(): void {
  lget(L_ST);
  b.byte(I32_EQZ);
  i32c(lay.io);
  b.byte(I32_LOAD).u32(2).u32(8); // chaining allowed (no breakpoints set)
  b.byte(I32_AND);
  open(IF);
  // offset of the next pc in the entry's page (unsigned: below the page start wraps high)
  lget(L_EXITPC);
  lget(P_PC);
  b.byte(I64_SUB);
  i64c(entryHa & 0xfff);
  b.byte(I64_ADD);
  b.byte(LTEE).u32(L_VA);
  i64c(0x1000);
  b.byte(I64_LT_U);
  open(IF);
  i32c(entryHa & ~0xfff);
  lget(L_VA);
  b.byte(I32_WRAP).byte(I32_ADD);
  b.byte(LTEE).u32(L_T32); // the next block's host address
  i32c(1);
  b.byte(I32_SHR_U);
  i32c(lay.jitMask);
  b.byte(I32_AND);
  i32c(4);
  b.byte(I32_SHL);
  b.byte(LTEE).u32(L_E);
  b.byte(I32_LOAD).u32(2).u32(lay.jitTable);
  lget(L_T32);
  b.byte(I32_EQ);
  open(IF);
  lget(L_E);
  b.byte(I32_LOAD)
    .u32(2)
    .u32(lay.jitTable + 4);
  b.byte(LTEE).u32(L_ST); // the function (status 0 is already stored)
  open(IF);
  lget(P_N);
  lget(L_E);
  b.byte(I32_LOAD)
    .u32(2)
    .u32(lay.jitTable + 8);
  b.byte(I64_EXT_U);
  b.byte(I64_ADD);
  lget(P_BUDGET);
  b.byte(I64_LE_U);
  open(IF);
  lget(P_H);
  lget(P_HB);
  lget(P_TL);
  lget(L_EXITPC);
  lget(P_N);
  lget(P_BUDGET);
  lget(L_ST);
  b.byte(RETURN_CALL_INDIRECT).u32(0).u32(0);
  close();
  close();
  close();
  close();
  close();
}

export function emitBlock(insns: Insn[], layout: JitLayout, ha: number): Func | undefined {
  if (insns.length === 0) return undefined;
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

  // ---- prologue ----
  open(BLOCK); // $exit
  lget(P_HB);
  b.byte(I64_LOAD).u32(3).u32(lay.cDataCtx);
  lset(L_DCTX);
  lget(P_HB);
  b.byte(I32_LOAD).u32(2).u32(lay.spinBase);
  lset(L_SPINBASE);
  for (const [r, l] of regLocal) {
    lget(P_HB);
    b.byte(I64_LOAD)
      .u32(3)
      .u32(r * 8);
    lset(l);
  }
  if (loops) open(LOOP); // $top

  for (let k = 0; k < len; k++) {
    const ins = insns[k];
    const inst = ins.inst;
    const rd = (inst >>> 7) & 31;
    const rs1 = (inst >>> 15) & 31;
    const rs2 = (inst >>> 20) & 31;
    const f3 = (inst >>> 12) & 7;
    const f7 = inst >>> 25;
    const immI = inst >> 20;
    switch ((inst >>> 2) & 31) {
      case 0x0d: // LUI
        i64c((inst & 0xfffff000) | 0);
        set(rd);
        break;
      case 0x05: // AUIPC
        pcPlus(ins.off + ((inst & 0xfffff000) | 0));
        set(rd);
        break;
      case 0x1b: {
        // JAL (always last)
        const imm =
          ((inst >> 11) & 0xfff00000) |
          (inst & 0xff000) |
          ((inst >>> 9) & 0x800) |
          ((inst >>> 20) & 0x7fe);
        pcPlus(ins.off + ins.len);
        set(rd);
        if (ins.off + imm === 0 && loops) {
          addN(k + 1);
          loopBack();
        } else {
          pcPlus(ins.off + imm);
          exitWith(k + 1, 0);
        }
        break;
      }
      case 0x19: // JALR (always last): the target is computed before rd is written
        get(rs1);
        i64c(immI);
        b.byte(I64_ADD);
        i64c(-2n);
        b.byte(I64_AND);
        lset(L_A);
        pcPlus(ins.off + ins.len);
        set(rd);
        lget(L_A);
        exitWith(k + 1, 0);
        break;
      case 0x18: {
        const imm =
          ((inst >> 19) & 0xfffff000) |
          ((inst << 4) & 0x800) |
          ((inst >>> 20) & 0x7e0) |
          ((inst >>> 7) & 0x1e);
        get(rs1);
        lset(L_A);
        get(rs2);
        lset(L_B);
        lget(L_A);
        lget(L_B);
        b.byte([I64_EQ, I64_NE, 0, 0, I64_LT_S, I64_GE_S, I64_LT_U, I64_GE_U][f3]);
        open(IF);
        if (imm < 0) spinCheck(ins.off, ins.off + imm, k);
        if (ins.off + imm === 0 && loops) {
          addN(k + 1);
          loopBack();
        } else {
          pcPlus(ins.off + imm);
          exitWith(k + 1, 0);
        }
        close();
        break;
      }
      case 0x00: {
        // LOAD
        const size = 1 << (f3 & 3);
        get(rs1);
        i64c(immI);
        b.byte(I64_ADD);
        lset(L_VA);
        tlbHit(lay.tlbLoad);
        open(IF, T.i64);
        hostAddr(lay.tlbLoad);
        b.byte(LOAD_OP[f3]).u32(0).u32(0);
        b.byte(ELSE);
        lget(P_H);
        lget(P_HB);
        lget(L_VA);
        i32c(size);
        lget(P_N);
        i64c(k + 1);
        b.byte(I64_ADD);
        b.byte(CALL).u32(F_LD);
        i32c(lay.io);
        b.byte(I32_LOAD).u32(2).u32(4);
        open(IF);
        pcPlus(ins.off);
        exitWith(k + 1, 1);
        close();
        if (f3 === 0) b.byte(I64_EXT8);
        else if (f3 === 1) b.byte(I64_EXT16);
        else if (f3 === 2) b.byte(I64_EXT32);
        close();
        set(rd);
        break;
      }
      case 0x08: {
        // STORE
        const size = 1 << f3;
        const imm = ((inst >> 20) & ~31) | rd;
        get(rs1);
        i64c(imm);
        b.byte(I64_ADD);
        lset(L_VA);
        // a store ends any spin-wait run (exec.ts)
        lget(P_HB);
        lget(L_SPINBASE);
        b.byte(I32_STORE).u32(2).u32(lay.spinCnt);
        tlbHit(lay.tlbStore);
        open(IF);
        hostAddr(lay.tlbStore);
        b.byte(LTEE).u32(L_T32);
        get(rs2);
        b.byte(STORE_OP[f3]).u32(0).u32(0);
        // the page holds translations: if this store overwrote some, they are gone (maybe this
        // very block), so continue in the interpreter after it — no resync, as the interpreter
        // would not resync here either
        lget(L_T32);
        i32c(lay.ramOff);
        b.byte(I32_SUB);
        i32c(12);
        b.byte(I32_SHR_U);
        i32c(2);
        b.byte(I32_SHL);
        b.byte(I32_LOAD).u32(2).u32(lay.codemap);
        i32c(0xffff);
        b.byte(I32_AND);
        open(IF);
        lget(L_T32);
        i32c(size);
        b.byte(CALL).u32(F_STORE_HIT);
        open(IF);
        pcPlus(ins.off + ins.len);
        exitWith(k + 1, 0);
        close();
        close();
        b.byte(ELSE);
        lget(P_H);
        lget(P_HB);
        lget(L_VA);
        i32c(size);
        get(rs2);
        lget(P_N);
        i64c(k + 1);
        b.byte(I64_ADD);
        b.byte(CALL).u32(F_ST);
        lset(L_T32);
        // fault (1): trap at this instruction; done (0): resync after it (MMIO may have
        // changed interrupt lines or powered off) — status 1 or 2
        i32c(2);
        lget(L_T32);
        b.byte(I32_SUB);
        lset(L_ST);
        pcPlus(ins.off);
        pcPlus(ins.off + ins.len);
        lget(L_T32);
        b.byte(SELECT);
        exitWith(k + 1, 0);
        close();
        break;
      }
      case 0x04:
        opImm(rd, rs1, f3, inst, immI);
        break;
      case 0x06:
        opImm32(rd, rs1, f3, f7, inst, immI);
        break;
      case 0x0c:
        op(rd, rs1, rs2, f3, f7);
        break;
      case 0x0e:
        op32(rd, rs1, f3, f7, rs2);
        break;
      case 0x03: // fence, fence.i: nothing to do
        break;
      default:
        throw new Error(`jit: untranslatable instruction ${inst.toString(16)} reached the emitter`);
    }
  }
  // fell off the end: continue after the last instruction
  const last = insns[len - 1];
  if (last.kind !== 'jump') {
    pcPlus(last.off + last.len);
    lset(L_EXITPC);
    addN(len);
  }
  if (loops) close(); // $top
  close(); // $exit

  // ---- epilogue: write back, next pc, status ----
  for (const r of [...written].sort((a, c) => a - c)) {
    lget(P_HB);
    lget(regLocal.get(r)!);
    b.byte(I64_STORE)
      .u32(3)
      .u32(r * 8);
  }
  lget(P_HB);
  lget(L_EXITPC);
  b.byte(I64_STORE).u32(3).u32(lay.hPc);
  i32c(lay.io);
  lget(L_ST);
  b.byte(I32_STORE).u32(2).u32(0);
  chain();
  lget(P_N);
  b.byte(END);

  return {
    type: 0,
    locals: [
      [5 + regLocal.size, T.i64],
      [4, T.i32],
    ],
    body: b.toUint8Array(),
  };
}

/**
 * Spin-wait detection at a taken backward branch (exec.ts): the same branch comparing the same
 * values SPIN_MAX times in a row with no store in between ends the slice (status 3).
 */
function spinCheck(off: number, target: number, k: number): void {
  lget(P_HB);
  b.byte(I64_LOAD).u32(3).u32(lay.spinPc);
  pcPlus(off);
  b.byte(I64_EQ);
  lget(P_HB);
  b.byte(I64_LOAD).u32(3).u32(lay.spinA);
  lget(L_A);
  b.byte(I64_EQ).byte(I32_AND);
  lget(P_HB);
  b.byte(I64_LOAD).u32(3).u32(lay.spinB);
  lget(L_B);
  b.byte(I64_EQ).byte(I32_AND);
  open(IF);
  lget(P_HB);
  lget(P_HB);
  b.byte(I32_LOAD).u32(2).u32(lay.spinCnt);
  i32c(1);
  b.byte(I32_ADD);
  b.byte(LTEE).u32(L_T32);
  b.byte(I32_STORE).u32(2).u32(lay.spinCnt);
  lget(L_T32);
  i32c(lay.spinMax);
  b.byte(I32_GE_S);
  open(IF);
  pcPlus(target);
  exitWith(k + 1, 3);
  close();
  b.byte(ELSE);
  lget(P_HB);
  pcPlus(off);
  b.byte(I64_STORE).u32(3).u32(lay.spinPc);
  lget(P_HB);
  lget(L_A);
  b.byte(I64_STORE).u32(3).u32(lay.spinA);
  lget(P_HB);
  lget(L_B);
  b.byte(I64_STORE).u32(3).u32(lay.spinB);
  lget(P_HB);
  lget(L_SPINBASE);
  b.byte(I32_STORE).u32(2).u32(lay.spinCnt);
  close();
}

function opImm(rd: number, rs1: number, f3: number, inst: number, imm: number): void {
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

function opImm32(rd: number, rs1: number, f3: number, f7: number, inst: number, imm: number): void {
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

function op(rd: number, rs1: number, rs2: number, f3: number, f7: number): void {
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

function op32(rd: number, rs1: number, f3: number, f7: number, rs2: number): void {
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

/** Byte offset (from the block start) a jump/branch goes to, or undefined. */
function targetOff(i: Insn): number | undefined {
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
function readsRs1(op: number): boolean {
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
function readsRs2(op: number): boolean {
  return op === 0x18 || op === 0x08 || op === 0x0c || op === 0x0e;
}
function writesRd(op: number): boolean {
  return op !== 0x18 && op !== 0x08 && op !== 0x03;
}
