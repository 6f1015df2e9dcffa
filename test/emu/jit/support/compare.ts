// What "the same state" means for the JIT lockstep: per hart the instruction count, pc,
// privilege and virtualisation mode, wfi/running, every x register and the trap CSRs at every
// chunk boundary; FP registers, every CSR, mtime and RAM in full comparisons.
import type { Machine } from '../../../../core/emu/machine.js';
import { CSR } from '../../../../core/emu/csr-names.js';
import { SymbolTable } from '../../../../core/emu/symbols.js';
import type { Pair, Side } from './lockstep.js';

const ABI_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4',
  'a5', 'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4',
  't5', 't6',
]; // prettier-ignore

/** CSRs compared at every boundary: what traps and translation change. */
const LIGHT_CSRS = [
  'mstatus',
  'mepc',
  'mcause',
  'mtval',
  'mip',
  'mie',
  'sepc',
  'scause',
  'stval',
  'satp',
  'hstatus',
  'vsepc',
  'vscause',
];
/**
 * CSRs compared in full comparisons: every named one except the indirect AIA windows (their
 * value depends on a select register, and the *topei ones are covered by mip).
 */
const FULL_CSRS = Object.keys(CSR).filter((n) => !/ireg$|topei$/.test(n));

export const hex = (v: bigint): string => '0x' + v.toString(16);

/** Which CSRs exist on each machine (asked once: getCSR throws for the others). */
const present = new WeakMap<Machine, Map<string, boolean>>();

function csrOrAbsent(m: Machine, hart: number, name: string): string {
  let known = present.get(m);
  if (!known) present.set(m, (known = new Map()));
  if (known.get(name) === false) return '(absent)';
  try {
    const v = hex(m.getCSR(hart, name));
    known.set(name, true);
    return v;
  } catch {
    known.set(name, false);
    return '(absent)';
  }
}

/** The first difference between the two sides' states, or undefined. */
export function compareState(p: Pair, full: boolean): string | undefined {
  const { jit, ref } = p;
  const cj = jit.instructionCounts();
  const cr = ref.instructionCounts();
  for (let h = 0; h < ref.harts; h++)
    if (cj[h] !== cr[h])
      return `hart ${h}: instruction count jit ${cj[h]}  ref ${cr[h]} (all: jit [${cj.join(', ')}]  ref [${cr.join(', ')}])`;
  for (let h = 0; h < ref.harts; h++) {
    const sj = jit.hartState(h);
    const sr = ref.hartState(h);
    if (sj.pc !== sr.pc) return `hart ${h}: pc jit ${hex(sj.pc)}  ref ${hex(sr.pc)}`;
    if (sj.mode.priv !== sr.mode.priv || sj.mode.virt !== sr.mode.virt)
      return `hart ${h}: mode jit ${JSON.stringify(sj.mode)}  ref ${JSON.stringify(sr.mode)}`;
    if (sj.wfi !== sr.wfi || sj.running !== sr.running)
      return `hart ${h}: wfi/running jit ${sj.wfi}/${sj.running}  ref ${sr.wfi}/${sr.running}`;
    for (let i = 1; i < 32; i++) {
      const a = jit.getX(h, i);
      const b = ref.getX(h, i);
      if (a !== b) return `hart ${h}: x${i} (${ABI_NAMES[i]}) jit ${hex(a)}  ref ${hex(b)}`;
    }
    for (const c of full ? FULL_CSRS : LIGHT_CSRS) {
      const a = csrOrAbsent(jit, h, c);
      const b = csrOrAbsent(ref, h, c);
      if (a !== b) return `hart ${h}: CSR ${c} jit ${a}  ref ${b}`;
    }
    if (full)
      for (let i = 0; i < 32; i++) {
        const a = jit.getF(h, i);
        const b = ref.getF(h, i);
        if (a !== b) return `hart ${h}: f${i} jit ${hex(a)}  ref ${hex(b)}`;
      }
  }
  if (full && jit.mtime() !== ref.mtime()) return `mtime jit ${jit.mtime()}  ref ${ref.mtime()}`;
  return undefined;
}

const RAM_SLICE = 1 << 20;

/** The first RAM address where the sides differ (with both values), or undefined. */
export function compareRam(p: Pair): string | undefined {
  const { jit, ref } = p;
  for (let off = 0n; off < ref.ramSize; off += BigInt(RAM_SLICE)) {
    const n = Number(ref.ramSize - off < BigInt(RAM_SLICE) ? ref.ramSize - off : BigInt(RAM_SLICE));
    const a = jit.readPhys(ref.ramBase + off, n);
    const b = ref.readPhys(ref.ramBase + off, n);
    if (Buffer.compare(a, b) === 0) continue;
    let i = 0;
    while (a[i] === b[i]) i++;
    const at = ref.ramBase + off + BigInt(i & ~7);
    const word = (x: Uint8Array): string =>
      Array.from(x.subarray(i & ~7, (i & ~7) + 8))
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('');
    return `RAM differs at ${hex(ref.ramBase + off + BigInt(i))} (bytes from ${hex(at)}: jit ${word(a)}  ref ${word(b)})`;
  }
  return undefined;
}

const tables = new WeakMap<Machine, SymbolTable>();

/** One line per hart: instruction count, pc with symbol and the instruction there, mode. */
export function describeHart(p: Pair, side: Side): string {
  const m = p[side];
  let syms = tables.get(m);
  if (!syms) tables.set(m, (syms = new SymbolTable(m.symbols)));
  const lines: string[] = [];
  const counts = m.instructionCounts();
  for (let h = 0; h < m.harts; h++) {
    const s = m.hartState(h);
    let insn = '?';
    try {
      const b = m.readVirt(h, s.pc, 4, 'fetch');
      insn =
        (b[0] & 3) === 3
          ? hex(BigInt(new DataView(b.buffer).getUint32(0, true)))
          : hex(BigInt(b[0] | (b[1] << 8)));
    } catch {
      /* not fetchable */
    }
    lines.push(
      `  ${side} hart ${h}: insns ${counts[h]} pc ${syms.format(s.pc)} [${insn}] ${s.mode.virt ? 'V' : ''}${s.mode.priv}` +
        `${s.wfi ? ' wfi' : ''}${s.running ? '' : ' stopped'} mcause ${csrOrAbsent(m, h, 'mcause')} scause ${csrOrAbsent(m, h, 'scause')}`,
    );
  }
  return lines.join('\n');
}
