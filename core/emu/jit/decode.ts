// Which RV64 instructions the JIT translates, decided exactly as the interpreter
// (core/emu/as/exec.ts) decides legality: integer instructions are translated; AMOs and FP
// instructions are handed to the core's own code from inside the block (jitExec); anything the
// interpreter would trap on or resync after (SYSTEM, CBOs, pause, illegal encodings) ends a
// block before it.

/** How an instruction sits in a block. */
export type Kind =
  | 'op' // straight-line: ALU, load, store, fence
  | 'branch' // conditional branch: exits (or loops) when taken, falls through otherwise
  | 'jump' // JAL / JALR: always the last instruction of a block
  | 'stop'; // not translated: the block ends before it

const OPIMM_F1 = new Set([0x600, 0x601, 0x602, 0x604, 0x605]);

/** The kind of a 32-bit (already expanded) instruction. */
export function kindOf(inst: number): Kind {
  const f3 = (inst >>> 12) & 7;
  const f7 = inst >>> 25;
  const rs2 = (inst >>> 20) & 31;
  switch ((inst >>> 2) & 31) {
    case 0x0d: // LUI
    case 0x05: // AUIPC
      return 'op';
    case 0x1b: // JAL
    case 0x19: // JALR (the interpreter ignores funct3)
      return 'jump';
    case 0x18:
      return f3 >>> 1 === 1 ? 'stop' : 'branch';
    case 0x00:
      return f3 === 7 ? 'stop' : 'op';
    case 0x08:
      return f3 > 3 ? 'stop' : 'op';
    case 0x04: {
      if (f3 === 1) {
        const f6 = inst >>> 26;
        if (f6 === 0 || f6 === 0x0a || f6 === 0x12 || f6 === 0x1a) return 'op';
        return OPIMM_F1.has(inst >>> 20) ? 'op' : 'stop';
      }
      if (f3 === 5) {
        const f6 = inst >>> 26;
        if (f6 === 0 || f6 === 0x10 || f6 === 0x12 || f6 === 0x18) return 'op';
        const f12 = inst >>> 20;
        return f12 === 0x287 || f12 === 0x6b8 ? 'op' : 'stop';
      }
      return 'op';
    }
    case 0x06: {
      const f12 = inst >>> 20;
      if (f3 === 0) return 'op';
      if (f3 === 1 && f7 === 0) return 'op';
      if (f3 === 1 && inst >>> 26 === 0x02) return 'op';
      if (f3 === 1 && (f12 === 0x600 || f12 === 0x601 || f12 === 0x602)) return 'op';
      if (f3 === 5 && (f7 === 0 || f7 === 0x20 || f7 === 0x30)) return 'op';
      return 'stop';
    }
    case 0x0c: {
      if (f7 === 0 || f7 === 1) return 'op';
      if (f7 === 0x20)
        return f3 === 0 || f3 === 5 || f3 === 7 || f3 === 6 || f3 === 4 ? 'op' : 'stop';
      return opKind(f7, f3) ? 'op' : 'stop';
    }
    case 0x0e: {
      const k = (f7 << 3) | f3;
      if (k === ((0x04 << 3) | 4)) return rs2 === 0 ? 'op' : 'stop';
      return OP32.has(k) ? 'op' : 'stop';
    }
    case 0x03:
      // fence and fence.i are no-ops here (stores to translated code drop it at once);
      // pause yields the slice and cbo.* may trap: the interpreter runs those
      if (inst === 0x0100000f) return 'stop';
      return f3 <= 1 ? 'op' : 'stop';
    case 0x0b: // AMO
    case 0x01: // LOAD-FP
    case 0x09: // STORE-FP
    case 0x14: // OP-FP
    case 0x10: // FMADD
    case 0x11: // FMSUB
    case 0x12: // FNMSUB
    case 0x13: // FNMADD
      // run in place by the core's own code (jitExec), which also decides legality
      return 'op';
    default:
      return 'stop';
  }
}

/** OP (0x0c) with funct7 other than 0, 1, 0x20: the Zba/Zbb/Zbc/Zbs encodings. */
function opKind(f7: number, f3: number): boolean {
  const k = (f7 << 3) | f3;
  return OP_B.has(k);
}

const OP_B = new Set([
  (0x10 << 3) | 2,
  (0x10 << 3) | 4,
  (0x10 << 3) | 6,
  (0x05 << 3) | 4,
  (0x05 << 3) | 5,
  (0x05 << 3) | 6,
  (0x05 << 3) | 7,
  (0x05 << 3) | 1,
  (0x05 << 3) | 2,
  (0x05 << 3) | 3,
  (0x30 << 3) | 1,
  (0x30 << 3) | 5,
  (0x24 << 3) | 1,
  (0x24 << 3) | 5,
  (0x14 << 3) | 1,
  (0x34 << 3) | 1,
]);

const OP32 = new Set([
  0,
  1,
  5,
  (0x20 << 3) | 0,
  (0x20 << 3) | 5,
  (1 << 3) | 0,
  (1 << 3) | 4,
  (1 << 3) | 5,
  (1 << 3) | 6,
  (1 << 3) | 7,
  (0x04 << 3) | 0,
  (0x10 << 3) | 2,
  (0x10 << 3) | 4,
  (0x10 << 3) | 6,
  (0x30 << 3) | 1,
  (0x30 << 3) | 5,
]);

export interface Insn {
  /** Byte offset from the block's first instruction. */
  off: number;
  /** 2 (compressed) or 4. */
  len: number;
  /** The 32-bit form (compressed instructions expanded like the interpreter's RVC table). */
  inst: number;
  kind: Kind;
}

/** Longest block: enough for straight-line C, short enough to keep translation cheap. */
export const MAX_BLOCK = 96;

/**
 * Reads the block starting at host address `ha` (in RAM): instructions up to and including the
 * first JAL/JALR, stopping before one the JIT does not translate, before the end of the page,
 * or at MAX_BLOCK instructions.
 */
export function readBlock(mem: DataView, ha: number, rvcTable: number): Insn[] {
  const out: Insn[] = [];
  const pageEnd = (ha & ~0xfff) + 0x1000;
  let p = ha;
  while (out.length < MAX_BLOCK && p + 2 <= pageEnd) {
    const lo = mem.getUint16(p, true);
    let inst: number;
    let len: number;
    if ((lo & 3) !== 3) {
      inst = mem.getUint32(rvcTable + lo * 4, true);
      len = 2;
      if (inst === 0) break; // illegal: the interpreter traps
    } else {
      if (p + 4 > pageEnd) break; // crosses the page: the interpreter's slow fetch
      inst = mem.getUint32(p, true);
      len = 4;
    }
    const kind = kindOf(inst);
    if (kind === 'stop') break;
    out.push({ off: p - ha, len, inst, kind });
    p += len;
    if (kind === 'jump') break;
  }
  return out;
}
