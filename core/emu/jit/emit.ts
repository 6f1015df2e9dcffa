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
import { T, type Func } from './wasm-writer.js';
import type { Insn } from './decode.js';
import {
  F_LD,
  F_ST,
  F_STORE_HIT,
  F_EXEC,
  spillWritten,
  tlbEntry,
  L_A,
  L_B,
  L_DCTX,
  L_E,
  L_EXITPC,
  L_SPINBASE,
  L_ST,
  L_T32,
  L_VA,
  P_BUDGET,
  P_H,
  P_HB,
  P_N,
  P_PC,
  P_TL,
  addN,
  b,
  beginBlock,
  close,
  entryHa,
  exitWith,
  get,
  hostAddr,
  i32c,
  i64c,
  lay,
  len,
  lget,
  loopBack,
  loops,
  lset,
  open,
  pcPlus,
  regLocal,
  set,
  tlbHit,
  type JitLayout,
} from './emit-state.js';
import { opImm, opImm32, op, op32 } from './emit-alu.js';
import {
  BLOCK,
  CALL,
  ELSE,
  END,
  I32_ADD,
  I32_AND,
  I32_EQ,
  I32_EQZ,
  I32_GE_S,
  I32_LOAD,
  I32_LT_U,
  I32_MUL,
  I32_LE_U,
  I64_SHR_U,
  I64_XOR,
  I32_SHL,
  I32_SHR_U,
  I32_STORE,
  I32_SUB,
  I32_WRAP,
  I64_ADD,
  I64_AND,
  I64_EQ,
  I64_EXT16,
  I64_EXT32,
  I64_EXT8,
  I64_EXT_U,
  I64_GE_S,
  I64_GE_U,
  I64_LE_U,
  I64_LOAD,
  I64_LT_S,
  I64_LT_U,
  I64_NE,
  I64_STORE,
  I64_SUB,
  IF,
  LOAD_OP,
  LOOP,
  LTEE,
  RETURN_CALL_INDIRECT,
  SELECT,
  STORE_OP,
} from './opcodes.js';

export { BINARY_HELPERS, UNARY_HELPERS, type JitLayout } from './emit-state.js';

/**
 * Block chaining: a normal exit (status 0) to a pc whose block is translated and fits in the
 * budget tail-calls it instead of returning to the interpreter, which would only probe the same
 * table entry: in the entry's page (same translation and permissions) directly, elsewhere
 * through the fetch TLB exactly as the interpreter's fetch does (a miss returns to it).
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
  // the next block's host address (0: none), found as the interpreter would find it
  i32c(0);
  lset(L_T32);
  // same page as the entry: known without a lookup (offset unsigned: below the page wraps high)
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
  lset(L_T32);
  b.byte(ELSE);
  // another page: through the fetch TLB, with the interpreter's own test (tag and context,
  // an instruction that cannot cross the page); a miss goes back to the interpreter
  tlbEntry(L_EXITPC);
  b.byte(I64_LOAD).u32(3).u32(lay.tlbFetch);
  lget(L_EXITPC);
  i64c(12);
  b.byte(I64_SHR_U);
  lget(P_HB);
  b.byte(I64_LOAD).u32(3).u32(lay.cFetchCtx);
  b.byte(I64_XOR).byte(I64_EQ);
  lget(L_EXITPC);
  b.byte(I32_WRAP);
  i32c(0xfff);
  b.byte(I32_AND);
  i32c(4092);
  b.byte(I32_LE_U).byte(I32_AND);
  open(IF);
  lget(L_EXITPC);
  lget(L_E);
  b.byte(I64_LOAD)
    .u32(3)
    .u32(lay.tlbFetch + 8);
  b.byte(I64_ADD).byte(I32_WRAP);
  b.byte(LTEE).u32(L_T32);
  i32c(lay.ramOff);
  b.byte(I32_LT_U);
  open(IF); // ROM: no translations
  i32c(0);
  lset(L_T32);
  close();
  close();
  close();
  lget(L_T32);
  open(IF);
  // its table slot: the core's hash (jitIndex in core/emu/as/jit.ts)
  lget(L_T32);
  i32c(1);
  b.byte(I32_SHR_U);
  i32c(lay.jitHashMul | 0);
  b.byte(I32_MUL);
  i32c(lay.jitHashShift);
  b.byte(I32_SHR_U);
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

/** Emits one block; returns the function (type 0) or undefined for an empty block. */
export function emitBlock(insns: Insn[], layout: JitLayout, ha: number): Func | undefined {
  if (insns.length === 0) return undefined;
  beginBlock(insns, layout, ha);

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
      case 0x0b:
      case 0x01:
      case 0x09:
      case 0x14:
      case 0x10:
      case 0x11:
      case 0x12:
      case 0x13:
        execInPlace(ins, k, rd);
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
  spillWritten();
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
 * An AMO or FP instruction, run by the core's own code (jitExec) from inside the block: the
 * block's dirty registers go to the hart block first (the core reads them there), rd's local is
 * reloaded after (an AMO or fmv.x.*, fcvt.*, feq… writes x[rd] there). Exceptions exit to trap;
 * if the instruction overwrote translated code (maybe this block's) the block leaves after it.
 */
function execInPlace(ins: Insn, k: number, rd: number): void {
  spillWritten();
  lget(P_H);
  lget(P_HB);
  i32c(ins.inst | 0);
  lget(P_N);
  i64c(k + 1);
  b.byte(I64_ADD);
  b.byte(CALL).u32(F_EXEC);
  lset(L_T32);
  const l = regLocal.get(rd);
  if (rd !== 0 && l !== undefined) {
    lget(P_HB);
    b.byte(I64_LOAD)
      .u32(3)
      .u32(rd * 8);
    lset(l);
  }
  lget(L_T32);
  open(IF);
  // 1: trap at this instruction; 2: go on in the interpreter after it
  pcPlus(ins.off);
  pcPlus(ins.off + ins.len);
  lget(L_T32);
  i32c(1);
  b.byte(I32_EQ);
  b.byte(SELECT);
  lget(L_T32);
  i32c(1);
  b.byte(I32_EQ);
  lset(L_ST);
  exitWith(k + 1, 0);
  close();
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
