// Random but valid guest programs for the JIT lockstep: a loop of random instructions (integer,
// M, Zba/Zbb/Zbc/Zbs, compressed, loads/stores/AMOs/LR-SC on a data window, FP with random
// rounding modes, CSR accesses, forward branches, calls) run many times so it is translated,
// with traps inside it (illegal instructions, faulting and misaligned accesses, ebreak) and
// timer interrupts arriving while it runs. It runs in M mode (bare), or in S or U mode through
// Sv39 (a gigapage, or 4 KiB pages scattered in physical memory so code and data cross pages
// that are not contiguous), or in VS or VU mode through the same VS-stage tables and an Sv39x4
// G-stage, on one or two harts sharing code and overlapping data.
import type { Machine } from '../../../../core/emu/machine.js';
import * as E from './rv-encode.js';

export type Rng = () => number;

/** xorshift32: small, deterministic, seedable. */
export function xorshift(seed: number): Rng {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

const pick = <T>(rnd: Rng, xs: readonly T[]): T => xs[rnd() % xs.length];
const rand64 = (rnd: Rng): bigint => (BigInt(rnd()) << 32n) | BigInt(rnd());

/** VS and VU: virtualised (H extension), through both translation stages. */
export type Mode = 'M' | 'S' | 'U' | 'VS' | 'VU';
export type Mapping = 'giga' | '4k';

export interface ProgramSpec {
  seed: number;
  mode: Mode;
  /** Ignored in M mode (bare). */
  mapping: Mapping;
  harts: number;
  /** Random items in the loop body. */
  items?: number;
  iterations?: number;
  /** Timer interrupt period in mtime ticks (0: no timer). */
  timer?: number;
}

// Registers the random code never writes: s0 = data window, sp = s0 - 512 (for the sp-relative
// compressed forms), s1 = loop counter, a7 = exit request, t5/t6 = the M-mode trap handler's
// scratch.
const SP = 2;
const S0 = 8;
const S1 = 9;
const A7 = 17;
const T5 = 30;
const T6 = 31;
const RA = 1;
const RESERVED = new Set([0, SP, S0, S1, A7, T5, T6]);
const WRITABLE = Array.from({ length: 32 }, (_, i) => i).filter((i) => !RESERVED.has(i));
/** Writable registers that compressed instructions can name (x8..x15 minus s0/s1). */
const C_WRITABLE = [10, 11, 12, 13, 14, 15];

// Physical layout (RAM at 0x80000000).
const RAM = 0x80000000n;
const HANDLER_PA = RAM + 0x100n;
const ROOT_PA = RAM + 0x200000n; // Sv39 root, then L1 and L0 tables
const GROOT_PA = RAM + 0x300000n; // Sv39x4 G-stage root (16 KiB)
const FRAMES_PA = RAM + 0x400000n; // 512 frames the 4 KiB mapping scatters pages over
const TEST_DEV = 0x100000n;
const CLINT_MTIMECMP = 0x2004000n;
const EXIT = 93;

/** Where code and data live in the guest's view. */
const CODE_VA = { M: RAM + 0x10000n, paged: 0x40010000n };
const DATA_VA = { M: RAM + 0x100000n, paged: 0x40100000n };

interface Item {
  /** Instruction words (2 or 4 bytes each). */
  words: { v: number; size: 2 | 4 }[];
  /** Forward branch: skip this many following items (resolved when laid out). */
  skip?: number;
  /** c: as c.beqz / c.bnez (f3 0 / 1, rs1 in x8..x15, rs2 = x0). */
  branch?: { f3: number; rs1: number; rs2: number; c?: boolean };
  /** Call of subroutine n (jal ra; each subroutine on a page of its own). */
  call?: number;
}

const w4 = (v: number): Item => ({ words: [{ v, size: 4 }] });
const w2 = (v: number): Item => ({ words: [{ v, size: 2 }] });

const R_OPS: [number, number, number][] = [
  // [opcode, f3, f7]
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((f3) => [E.OP.op, f3, 0] as [number, number, number]),
  [E.OP.op, 0, 0x20], // sub
  [E.OP.op, 5, 0x20], // sra
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((f3) => [E.OP.op, f3, 1] as [number, number, number]), // M
  [E.OP.op, 2, 0x10], // sh1add
  [E.OP.op, 4, 0x10],
  [E.OP.op, 6, 0x10],
  [E.OP.op, 7, 0x20], // andn
  [E.OP.op, 6, 0x20], // orn
  [E.OP.op, 4, 0x20], // xnor
  [E.OP.op, 4, 0x05], // min
  [E.OP.op, 5, 0x05], // minu
  [E.OP.op, 6, 0x05], // max
  [E.OP.op, 7, 0x05], // maxu
  [E.OP.op, 1, 0x30], // rol
  [E.OP.op, 5, 0x30], // ror
  [E.OP.op, 1, 0x24], // bclr
  [E.OP.op, 5, 0x24], // bext
  [E.OP.op, 1, 0x34], // binv
  [E.OP.op, 1, 0x14], // bset
  [E.OP.op, 1, 0x05], // clmul
  [E.OP.op, 2, 0x05], // clmulr
  [E.OP.op, 3, 0x05], // clmulh
  [E.OP.op32, 0, 0], // addw
  [E.OP.op32, 0, 0x20], // subw
  [E.OP.op32, 1, 0], // sllw
  [E.OP.op32, 5, 0], // srlw
  [E.OP.op32, 5, 0x20], // sraw
  [E.OP.op32, 0, 1], // mulw
  [E.OP.op32, 4, 1], // divw
  [E.OP.op32, 5, 1], // divuw
  [E.OP.op32, 6, 1], // remw
  [E.OP.op32, 7, 1], // remuw
  [E.OP.op32, 0, 0x04], // add.uw
  [E.OP.op32, 2, 0x10], // sh1add.uw
  [E.OP.op32, 4, 0x10],
  [E.OP.op32, 6, 0x10],
  [E.OP.op32, 1, 0x30], // rolw
  [E.OP.op32, 5, 0x30], // rorw
];

/** OP-IMM / OP-IMM-32 forms with a fixed upper immediate: [opcode, f3, imm-high, shamt bits]. */
const I_SHIFTS: [number, number, number, number][] = [
  [E.OP.opImm, 1, 0x000, 6], // slli
  [E.OP.opImm, 5, 0x000, 6], // srli
  [E.OP.opImm, 5, 0x400, 6], // srai
  [E.OP.opImm, 5, 0x600, 6], // rori
  [E.OP.opImm, 1, 0x480, 6], // bclri
  [E.OP.opImm, 5, 0x480, 6], // bexti
  [E.OP.opImm, 1, 0x680, 6], // binvi
  [E.OP.opImm, 1, 0x280, 6], // bseti
  [E.OP.opImm32, 1, 0x000, 5], // slliw
  [E.OP.opImm32, 5, 0x000, 5], // srliw
  [E.OP.opImm32, 5, 0x400, 5], // sraiw
  [E.OP.opImm32, 5, 0x600, 5], // roriw
  [E.OP.opImm32, 1, 0x080, 6], // slli.uw
];
/** Unary Zbb forms: [opcode, f3, imm]. */
const UNARY: [number, number, number][] = [
  [E.OP.opImm, 1, 0x600], // clz
  [E.OP.opImm, 1, 0x601], // ctz
  [E.OP.opImm, 1, 0x602], // cpop
  [E.OP.opImm, 1, 0x604], // sext.b
  [E.OP.opImm, 1, 0x605], // sext.h
  [E.OP.opImm, 5, 0x287], // orc.b
  [E.OP.opImm, 5, 0x6b8], // rev8
  [E.OP.opImm32, 1, 0x600], // clzw
  [E.OP.opImm32, 1, 0x601], // ctzw
  [E.OP.opImm32, 1, 0x602], // cpopw
];
const AMO_F5 = [0, 1, 4, 8, 0xc, 0x10, 0x14, 0x18, 0x1c];
/** FP ops on doubles (and a few singles): [f7, f3 or -1 for a random rounding mode, rs2 or -1]. */
const FP_OPS: [number, number, number][] = [
  [0x01, -1, -1], // fadd.d
  [0x05, -1, -1], // fsub.d
  [0x09, -1, -1], // fmul.d
  [0x0d, -1, -1], // fdiv.d
  [0x2d, -1, 0], // fsqrt.d
  [0x11, 0, -1], // fsgnj.d
  [0x11, 1, -1], // fsgnjn.d
  [0x11, 2, -1], // fsgnjx.d
  [0x15, 0, -1], // fmin.d
  [0x15, 1, -1], // fmax.d
  [0x20, -1, 1], // fcvt.s.d
  [0x21, -1, 0], // fcvt.d.s
  [0x00, -1, -1], // fadd.s
  [0x08, -1, -1], // fmul.s
];
/** FP → integer register: [f7, f3 or -1, rs2]. */
const FP_TO_X: [number, number, number][] = [
  [0x61, -1, 0], // fcvt.w.d
  [0x61, -1, 1], // fcvt.wu.d
  [0x61, -1, 2], // fcvt.l.d
  [0x61, -1, 3], // fcvt.lu.d
  [0x71, 0, 0], // fmv.x.d
  [0x71, 1, 0], // fclass.d
  [0x51, 2, -1], // feq.d
  [0x51, 1, -1], // flt.d
  [0x51, 0, -1], // fle.d
  [0x70, 0, 0], // fmv.x.w
];
/** Integer → FP register: [f7, f3 or -1, rs2]. */
const X_TO_FP: [number, number, number][] = [
  [0x69, -1, 0], // fcvt.d.w
  [0x69, -1, 2], // fcvt.d.l
  [0x69, -1, 3], // fcvt.d.lu
  [0x79, 0, 0], // fmv.d.x
  [0x78, 0, 0], // fmv.w.x
];

interface Gen {
  rnd: Rng;
  mode: Mode;
  /** Writable destination registers (subroutines also keep ra). */
  dests: number[];
  /** Subroutines a call item may call. */
  subs: number;
}

function rm(rnd: Rng): number {
  // mostly valid static modes and "dynamic"; rarely a reserved one (an illegal instruction)
  return rnd() % 16 === 0 ? 5 + (rnd() % 2) : pick(rnd, [0, 1, 2, 3, 4, 7, 7]);
}

/** A data offset from s0: aligned to its size mostly, misaligned sometimes (those may trap). */
function dataOff(rnd: Rng, size: number): number {
  // s0 sits on a page boundary: one access in six lands in the last or first bytes of a page,
  // where the fast paths end (or crosses it when misaligned)
  const off = rnd() % 6 === 0 ? (rnd() % 24) - 16 : (rnd() % 4096) - 2048;
  return rnd() % 12 === 0 ? off : off & ~(size - 1);
}

function randomItem(g: Gen): Item {
  const { rnd } = g;
  // x0 now and then: the result is dropped, but a load's access (and its fault) still happens
  const rd = (): number => (rnd() % 32 === 0 ? 0 : pick(rnd, g.dests));
  const rs = (): number => rnd() % 32;
  const kind = rnd() % 100;
  if (kind < 22) {
    const [op, f3, f7] = pick(rnd, R_OPS);
    return w4(E.rType(op, f3, f7, rd(), rs(), rs()));
  }
  if (kind < 32) {
    const op = pick(rnd, [E.OP.opImm, E.OP.opImm32]);
    const f3 = op === E.OP.opImm ? pick(rnd, [0, 2, 3, 4, 6, 7]) : 0;
    return w4(E.iType(op, f3, rd(), rs(), (rnd() % 4096) - 2048));
  }
  if (kind < 38) {
    const [op, f3, hi, bits] = pick(rnd, I_SHIFTS);
    return w4(E.iType(op, f3, rd(), rs(), hi | (rnd() % (1 << bits))));
  }
  if (kind < 41) {
    const [op, f3, imm] = pick(rnd, UNARY);
    return w4(E.iType(op, f3, rd(), rs(), imm));
  }
  if (kind < 43) return w4(E.uType(pick(rnd, [E.OP.lui, E.OP.auipc]), rd(), rnd()));
  if (kind < 51) {
    // loads (lb lh lw ld lbu lhu lwu)
    const f3 = pick(rnd, [0, 1, 2, 3, 4, 5, 6]);
    return w4(E.iType(E.OP.load, f3, rd(), S0, dataOff(rnd, 1 << (f3 & 3))));
  }
  if (kind < 57) {
    const f3 = rnd() % 4;
    return w4(E.sType(E.OP.store, f3, S0, rs(), dataOff(rnd, 1 << f3)));
  }
  if (kind < 66) {
    // compressed
    const c = rnd() % 18;
    const r6 = (): number => (rnd() % 64) - 32;
    const nz = (v: number): number => v || 1;
    const crd = (): number => pick(rnd, C_WRITABLE);
    const crs = (): number => 8 + (rnd() % 8);
    // never x0 here: some compressed forms are reserved with rd = x0 (a 2-byte illegal
    // instruction would defeat the handler's skip of 4 bytes)
    const crd6 = (): number => pick(rnd, g.dests);
    switch (c) {
      case 0:
        return w2(E.cImm6(0, 1, crd6(), nz(r6()))); // c.addi
      case 1:
        return w2(E.cImm6(2, 1, crd6(), r6())); // c.li
      case 2:
        return w2(E.cImm6(1, 1, crd6(), r6())); // c.addiw
      case 3:
        return w2(E.cImm6(0, 2, crd6(), nz(rnd() % 64))); // c.slli
      case 4:
        return w2(E.cMvAdd(0, crd6(), 1 + (rnd() % 31))); // c.mv
      case 5:
        return w2(E.cMvAdd(1, crd6(), 1 + (rnd() % 31))); // c.add
      case 6:
        return w2(E.cAluImm(pick(rnd, [0, 1, 2] as const), crd(), nz(rnd() % 64)));
      case 7:
        return w2(E.cAluReg(0, rnd() % 4, crd(), crs()));
      case 8:
        return w2(E.cAluReg(1, rnd() % 2, crd(), crs()));
      case 9: {
        const st = rnd() % 2 === 0;
        return w2(E.cLdSd(st, st ? crs() : crd(), S0, (rnd() % 32) * 8));
      }
      case 10: {
        const st = rnd() % 2 === 0;
        return w2(E.cLwSw(st, st ? crs() : crd(), S0, (rnd() % 32) * 4));
      }
      case 11:
        return w2(E.cLui(crd6(), nz(r6())));
      case 12:
        return w2(E.cAddi4spn(crd(), 4 * (1 + (rnd() % 255))));
      case 13:
      case 14: {
        // c.lwsp / c.ldsp / c.swsp / c.sdsp
        const st = c === 14;
        const wide = rnd() % 2 === 0;
        const off = wide ? (rnd() % 64) * 8 : (rnd() % 64) * 4;
        return w2(E.cSp(st, wide, st ? rnd() % 32 : crd6(), off));
      }
      case 15: {
        // sp moves and comes back around an sp-relative access (one item)
        const imm = 16 * (1 + (rnd() % 15));
        return {
          words: [
            { v: E.cAddi16sp(imm), size: 2 },
            { v: E.cSp(rnd() % 2 === 0, true, crd6(), (rnd() % 32) * 8), size: 2 },
            { v: E.cAddi16sp(-imm), size: 2 },
          ],
        };
      }
      default: {
        // c.beqz / c.bnez forward over 0..3 items
        const f3 = rnd() % 2;
        return { words: [], skip: rnd() % 4, branch: { f3, rs1: crs(), rs2: 0, c: true } };
      }
    }
  }
  if (kind < 70) {
    // AMO / LR / SC on s0 + offset through a scratch register (one item: never split by a branch)
    const base = rd();
    const wide = rnd() % 2 === 0;
    const size = wide ? 8 : 4;
    const off = rnd() % 16 === 0 ? dataOff(rnd, 1) : dataOff(rnd, 8) & ~(size - 1);
    const addi = E.iType(E.OP.opImm, 0, base, S0, off);
    if (rnd() % 4 === 0) {
      // lr; (maybe an op); sc
      const words = [
        { v: addi, size: 4 as const },
        { v: E.amo(2, wide, rd(), base, 0), size: 4 as const },
      ];
      if (rnd() % 2) words.push({ v: E.rType(E.OP.op, 0, 0, rd(), rs(), rs()), size: 4 });
      words.push({ v: E.amo(3, wide, rd(), base, rs(), rnd() % 4), size: 4 });
      return { words };
    }
    return {
      words: [
        { v: addi, size: 4 },
        { v: E.amo(pick(rnd, AMO_F5), wide, rd(), base, rs(), rnd() % 4), size: 4 },
      ],
    };
  }
  if (kind < 80) {
    // floating point
    const f = (): number => rnd() % 32;
    const k = rnd() % 6;
    if (k === 0) {
      const [f7, f3, rs2] = pick(rnd, FP_OPS);
      return w4(E.rType(E.OP.opFp, f3 < 0 ? rm(rnd) : f3, f7, f(), f(), rs2 < 0 ? f() : rs2));
    }
    if (k === 1) {
      const [f7, f3, rs2] = pick(rnd, FP_TO_X);
      return w4(E.rType(E.OP.opFp, f3 < 0 ? rm(rnd) : f3, f7, rd(), f(), rs2 < 0 ? f() : rs2));
    }
    if (k === 2) {
      const [f7, f3, rs2] = pick(rnd, X_TO_FP);
      return w4(E.rType(E.OP.opFp, f3 < 0 ? rm(rnd) : f3, f7, f(), rs(), rs2));
    }
    if (k === 3) {
      const op = pick(rnd, [E.OP.fmadd, E.OP.fmsub, E.OP.fnmsub, E.OP.fnmadd]);
      return w4(E.r4(op, rnd() % 2, f(), f(), f(), f(), rm(rnd)));
    }
    const store = k === 4;
    const f3 = pick(rnd, [2, 3]);
    const off = dataOff(rnd, 1 << f3);
    return w4(
      store ? E.sType(E.OP.storeFp, f3, S0, f(), off) : E.iType(E.OP.loadFp, f3, f(), S0, off),
    );
  }
  if (kind < 84) {
    // CSRs: scratch registers, FP flags and rounding mode, counters (read), hartid
    // (mstatus/sstatus are only read: writes could switch FP off or change modes)
    const num = pick(rnd, [0x140, 0x001, 0x002, 0x003, 0xc00, 0xc02, 0xf14, 0x300, 0x100]);
    const writable = ![0xc00, 0xc02, 0xf14, 0x300, 0x100].includes(num);
    const f3 = writable ? pick(rnd, [1, 2, 3, 5, 6, 7]) : 2;
    const src = f3 >= 5 ? rnd() % 32 : f3 === 2 && !writable ? 0 : rs();
    return w4(E.csr(f3, rd(), src, num));
  }
  if (kind < 87) {
    // traps: illegal instruction, ebreak, a reserved rounding mode, a wild load
    return w4(
      pick(rnd, [
        E.UNIMP,
        E.EBREAK,
        E.rType(E.OP.opFp, 5, 1, 1, 2, 3),
        E.iType(E.OP.load, 3, rd(), rs(), 0),
      ]),
    );
  }
  if (kind < 89) return w4(pick(rnd, [E.FENCE, E.FENCE_I]));
  if (kind < 97) {
    const rs1 = rs();
    return {
      words: [],
      skip: rnd() % 4,
      branch: { f3: pick(rnd, [0, 1, 4, 5, 6, 7]), rs1, rs2: rs() },
    };
  }
  return { words: [], call: rnd() % g.subs };
}

/** Lays items out from `at`; branches skip whole items, calls go to `subAt[n]`. */
function layout(items: Item[], at: bigint, subAt?: bigint[]): { bytes: number[]; end: bigint } {
  const size = (it: Item): number =>
    it.branch
      ? it.branch.c
        ? 2
        : 4
      : it.call !== undefined
        ? 4
        : it.words.reduce((s, w) => s + w.size, 0);
  const starts: bigint[] = [];
  let pc = at;
  for (const it of items) {
    starts.push(pc);
    pc += BigInt(size(it));
  }
  starts.push(pc);
  const bytes: number[] = [];
  const put = (v: number, n: number): void => {
    for (let i = 0; i < n; i++) bytes.push((v >>> (8 * i)) & 0xff);
  };
  items.forEach((it, i) => {
    if (it.branch) {
      const target = starts[Math.min(i + 1 + (it.skip ?? 0), items.length)];
      const off = Number(target - starts[i]);
      if (it.branch.c) put(E.cBranch(it.branch.f3 === 1, it.branch.rs1, off), 2);
      else put(E.bType(it.branch.f3, it.branch.rs1, it.branch.rs2, off), 4);
    } else if (it.call !== undefined)
      put(subAt ? E.jal(RA, Number(subAt[it.call] - starts[i])) : 0, 4);
    else for (const w of it.words) put(w.v, w.size);
  });
  return { bytes, end: pc };
}

/** The M-mode trap handler (bare): skips the trapping instruction, re-arms the timer, exits. */
function handler(): number[] {
  const I = E.iType;
  const words = [
    E.csr(2, T5, 0, 0x342), // csrr t5, mcause
    E.bType(4, T5, 0, 4 * 15), // bltz t5, irq
    I(E.OP.opImm, 0, T6, 0, 8), // li t6, 8
    E.bType(4, T5, T6, 4 * 9), // blt t5, t6, skip
    I(E.OP.opImm, 0, T6, 0, 11), // li t6, 11
    E.bType(4, T6, T5, 4 * 7), // blt t6, t5, skip
    I(E.OP.opImm, 0, T6, 0, EXIT), // li t6, 93
    E.bType(1, A7, T6, 4 * 5), // bne a7, t6, skip
    E.uType(E.OP.lui, T6, Number(TEST_DEV >> 12n)), // lui t6, 0x100
    E.uType(E.OP.lui, T5, 5), // lui t5, 5
    I(E.OP.opImm, 0, T5, T5, 0x555), // addi t5, t5, 0x555
    E.sType(E.OP.store, 2, T6, T5, 0), // sw t5, 0(t6): power off
    // skip:
    E.csr(2, T6, 0, 0x341), // csrr t6, mepc
    I(E.OP.opImm, 0, T6, T6, 4), // addi t6, t6, 4
    E.csr(1, 0, T6, 0x341), // csrw mepc, t6
    E.MRET,
  ];
  // irq: index 16
  const irq = [
    E.csr(2, T6, 0, 0x340), // csrr t6, mscratch (this hart's mtimecmp)
    E.uType(E.OP.lui, T5, 0x200c), // lui t5, 0x200c
    I(E.OP.load, 3, T5, T5, -8), // ld t5, -8(t5): mtime
    0, // addi t5, t5, period (patched by the caller)
    E.sType(E.OP.store, 3, T6, T5, 0), // sd t5, 0(t6)
    E.MRET,
  ];
  return [...words, ...irq];
}

export interface GuestImage {
  writes: { pa: bigint; bytes: Uint8Array }[];
  harts: {
    pc: bigint;
    mode: Mode;
    x: bigint[];
    f: bigint[];
    csrs: [string, bigint][];
  }[];
  /** Instructions (roughly) the program needs; lockstep budgets use a multiple. */
  expectedInsns: bigint;
}

/** Builds a random program and the machine state to start it in. */
export function randomProgram(spec: ProgramSpec): GuestImage {
  const rnd = xorshift(spec.seed * 2654435761);
  const nItems = spec.items ?? 40 + (rnd() % 120);
  const iterations = spec.iterations ?? 30 + (rnd() % 60);
  const g: Gen = { rnd, mode: spec.mode, dests: WRITABLE, subs: 1 + (rnd() % 6) };
  const body = Array.from({ length: nItems }, () => randomItem(g));
  const subs = Array.from({ length: g.subs }, () =>
    Array.from({ length: 3 + (rnd() % 8) }, () =>
      randomItem({ ...g, dests: WRITABLE.filter((r) => r !== RA) }),
    ).filter((it) => it.call === undefined),
  );
  const paged = spec.mode !== 'M';
  // The code starts anywhere in its first page, so 4 KiB mappings split it across pages.
  const codeVa = (paged ? CODE_VA.paged : CODE_VA.M) + BigInt((rnd() % 2048) * 2);
  const dataVa = paged ? DATA_VA.paged : DATA_VA.M;

  // loop: body; addi s1,s1,-1; bnez s1, loop; li a7, 93; ecall. Subroutine n (items; ret)
  // starts anywhere on page 3 + 2n of the code (calls and returns cross pages; a subroutine
  // may run on into the next page, which is free).
  const bodyLen = layout(body, codeVa).end - codeVa;
  const subAt = subs.map(
    (_, n) => (codeVa & ~0xfffn) + BigInt(3 + 2 * n) * 0x1000n + BigInt((rnd() % 2048) * 2),
  );
  const { bytes: bodyBytes } = layout(body, codeVa, subAt);
  const tail = [
    E.iType(E.OP.opImm, 0, S1, S1, -1),
    E.bType(1, S1, 0, -Number(bodyLen + 4n)),
    E.iType(E.OP.opImm, 0, A7, 0, EXIT),
    E.ECALL,
  ];
  const code = [...bodyBytes, ...tail.flatMap(le32)];

  const writes: GuestImage['writes'] = [];
  const h = handler();
  h[16 + 3] = E.iType(E.OP.opImm, 0, T5, T5, spec.timer || 1000);
  writes.push({ pa: HANDLER_PA, bytes: new Uint8Array(h.flatMap(le32)) });

  // Virtual → physical: identity in M; a gigapage or scattered 4 KiB frames otherwise.
  const frames = Array.from({ length: 512 }, (_, i) => i);
  for (let i = frames.length - 1; i > 0; i--) {
    const j = rnd() % (i + 1);
    [frames[i], frames[j]] = [frames[j], frames[i]];
  }
  const toPa = (va: bigint): bigint => {
    if (!paged) return va;
    if (spec.mapping === 'giga') return va - 0x40000000n + RAM;
    const page = Number((va - 0x40000000n) >> 12n);
    return FRAMES_PA + (BigInt(frames[page]) << 12n) + (va & 0xfffn);
  };
  const writeVa = (va: bigint, bytes: number[] | Uint8Array): void => {
    for (let i = 0; i < bytes.length;) {
      const n = Math.min(bytes.length - i, 4096 - Number((va + BigInt(i)) & 0xfffn));
      writes.push({ pa: toPa(va + BigInt(i)), bytes: Uint8Array.from(bytes.slice(i, i + n)) });
      i += n;
    }
  };
  writeVa(codeVa, code);
  subs.forEach((sub, n) =>
    writeVa(subAt[n], [...layout(sub, subAt[n]).bytes, ...le32(E.iType(E.OP.jalr, 0, 0, RA, 0))]),
  );
  // the data window (s0 - 2 KiB .. s0 + 2 KiB of every hart) starts random
  const dataBytes = Uint8Array.from({ length: 0x2000 }, () => rnd() & 0xff);
  writeVa(dataVa - 0x1000n, dataBytes);

  let satp = 0n;
  let hgatp = 0n;
  const virt = spec.mode === 'VS' || spec.mode === 'VU';
  if (virt) {
    // G-stage: guest-physical = physical for the gigabyte of RAM (G-stage leaves are U pages)
    const groot = new BigUint64Array(2048);
    groot[2] = ((RAM >> 12n) << 10n) | 0xdfn;
    writes.push({ pa: GROOT_PA, bytes: new Uint8Array(groot.buffer) });
    hgatp = (8n << 60n) | (GROOT_PA >> 12n);
  }
  if (paged) {
    const u = spec.mode === 'U' || spec.mode === 'VU' ? 0x10n : 0n;
    const leaf = (pa: bigint): bigint => ((pa >> 12n) << 10n) | 0xcfn | u; // D A X W R V (+U)
    const table = (pa: bigint): bigint => ((pa >> 12n) << 10n) | 1n;
    const root = new BigUint64Array(512);
    if (spec.mapping === 'giga') root[1] = leaf(RAM);
    else {
      const l1 = new BigUint64Array(512);
      const l0 = new BigUint64Array(512);
      root[1] = table(ROOT_PA + 0x1000n);
      l1[0] = table(ROOT_PA + 0x2000n);
      for (let i = 0; i < 512; i++) l0[i] = leaf(FRAMES_PA + (BigInt(frames[i]) << 12n));
      writes.push({ pa: ROOT_PA + 0x1000n, bytes: new Uint8Array(l1.buffer) });
      writes.push({ pa: ROOT_PA + 0x2000n, bytes: new Uint8Array(l0.buffer) });
    }
    writes.push({ pa: ROOT_PA, bytes: new Uint8Array(root.buffer) });
    satp = (8n << 60n) | (ROOT_PA >> 12n);
  }

  const fs = pick(rnd, [3n, 3n, 3n, 1n, 0n]);
  const vsFs = pick(rnd, [3n, 3n, 1n, 0n]);
  const harts: GuestImage['harts'] = [];
  for (let hart = 0; hart < spec.harts; hart++) {
    const x = Array.from({ length: 32 }, (_, i) =>
      i === 0
        ? 0n
        : pick(rnd, [
            rand64(rnd),
            rand64(rnd),
            BigInt(rnd() % 64),
            -1n & ((1n << 64n) - 1n),
            1n << 63n,
          ]),
    );
    x[S0] = dataVa + BigInt(hart) * 0x400n;
    x[SP] = x[S0] - 512n;
    x[S1] = BigInt(iterations);
    x[A7] = 0n;
    const f = Array.from({ length: 32 }, () =>
      pick(rnd, [
        rand64(rnd),
        0xffffffff00000000n | BigInt(rnd()),
        0x7ff8000000000000n,
        0x3ff0000000000000n,
        0x7ff0000000000000n,
      ]),
    );
    // FP mostly dirty, sometimes initial (the first FP write must make it dirty) or off (every FP
    // instruction and FP CSR access traps); likewise the guest's own vsstatus.FS
    const mstatus = (fs << 13n) | (spec.mode === 'M' && spec.timer ? 1n << 3n : 0n);
    harts.push({
      pc: codeVa,
      mode: spec.mode,
      x,
      f,
      csrs: [
        ['mtvec', HANDLER_PA],
        ['mscratch', CLINT_MTIMECMP + BigInt(hart) * 8n],
        ['pmpaddr0', (1n << 54n) - 1n],
        ['pmpcfg0', 0x1fn],
        ['mstatus', mstatus],
        ['mie', spec.timer ? 1n << 7n : 0n],
        ['satp', virt ? 0n : satp],
        ['hgatp', hgatp],
        ['vsatp', virt ? satp : 0n],
        ['vsstatus', virt ? vsFs << 13n : 0n],
        ['fcsr', BigInt(rnd() % 5) << 5n],
      ],
    });
  }
  return {
    writes,
    harts,
    expectedInsns: BigInt(spec.harts) * BigInt(iterations) * BigInt(nItems + 8),
  };
}

function le32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

/** Loads the program into a machine and sets every hart's starting state. */
export function applyImage(m: Machine, img: GuestImage, timer: number): void {
  for (const w of img.writes) m.writePhys(w.pa, w.bytes);
  img.harts.forEach((h, i) => {
    for (const [name, v] of h.csrs) m.setCSR(i, name, v);
    for (let r = 1; r < 32; r++) m.setX(i, r, h.x[r]);
    for (let r = 0; r < 32; r++) m.setF(i, r, h.f[r]);
    m.setPC(i, h.pc);
    m.setMode(i, {
      priv: h.mode === 'VS' ? 'S' : h.mode === 'VU' ? 'U' : h.mode,
      virt: h.mode[0] === 'V',
    });
    // first timer interrupt after `timer` ticks (or never)
    const cmp = new Uint8Array(8);
    new DataView(cmp.buffer).setBigUint64(0, timer ? BigInt(timer) : (1n << 64n) - 1n, true);
    m.writePhys(CLINT_MTIMECMP + BigInt(i) * 8n, cmp);
  });
}
