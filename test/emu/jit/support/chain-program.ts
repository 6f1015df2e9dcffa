// A program with more translated code than the JIT keeps: a chain of tiny blocks (store, add,
// jump to the next) spread over thousands of pages, run several times round with the machine
// timer interrupting it. The JIT runs out of code bitmaps (one per page with translations) or of
// function-table slots and starts over; starting over must not change what the guest sees (no
// TLB or other state the interpreter also uses may differ afterwards).
import type { Machine } from '../../../../core/emu/machine.js';
import * as E from './rv-encode.js';

const RAM = 0x80000000n;
const HANDLER = RAM + 0x100n;
const DATA = RAM + 0x8000n;
const CHAIN = RAM + 0x10000n;
const CLINT_MTIMECMP = 0x2004000n;
const S0 = 8;
const S1 = 9;
const S2 = 18;
const T0 = 5;
const T5 = 30;
const T6 = 31;

export interface ChainSpec {
  /** Pages the chain runs through. */
  pages: number;
  /** Blocks per page (each: sd, addi, jal to the next block). */
  perPage: number;
  /** Passes through the whole chain. */
  passes: number;
  /** Timer interrupt period in mtime ticks (0: none). */
  timer: number;
}

/** RAM the chain needs (rounded up to MiB). */
export function chainRam(s: ChainSpec): bigint {
  const end = CHAIN + BigInt(s.pages + 1) * 4096n - RAM;
  return ((end >> 20n) + 2n) << 20n;
}

function le32(words: number[]): Uint8Array {
  return new Uint8Array(new Uint32Array(words).buffer);
}

/** Writes the program and sets hart 0 up (M mode, timer armed). */
export function loadChain(m: Machine, s: ChainSpec): void {
  // handler: interrupts re-arm mtimecmp `timer` ticks ahead; ecall powers off
  const handler = [
    E.csr(2, T5, 0, 0x342), // csrr t5, mcause
    E.bType(4, T5, 0, 4 * 5), // bltz t5, irq
    E.uType(E.OP.lui, T6, 0x100), // lui t6, 0x100 (sifive_test)
    E.uType(E.OP.lui, T5, 5),
    E.iType(E.OP.opImm, 0, T5, T5, 0x555),
    E.sType(E.OP.store, 2, T6, T5, 0), // power off
    // irq:
    E.uType(E.OP.lui, T5, 0x200c),
    E.iType(E.OP.load, 3, T5, T5, -8), // mtime
    E.iType(E.OP.opImm, 0, T5, T5, s.timer || 1),
    E.uType(E.OP.lui, T6, 0x2004),
    E.sType(E.OP.store, 3, T6, T5, 0), // mtimecmp
    E.MRET,
  ];
  m.writePhys(HANDLER, le32(handler));
  // The chain: block j of page p at CHAIN + p * 4096 + base(p) + j * 12. The JIT's table and
  // hotness counters are indexed by address bits 1..15, so blocks 64 KiB apart share a slot;
  // base(p) staggers the pages so that every block has its own. (Only a jump whose target page
  // hits the fetch TLB is counted towards translation: the first block of a page, reached from
  // another page, stays interpreted; the next ones are translated.)
  const blocks = s.pages * s.perPage;
  const base = (p: number): number => Math.floor(p / 16) * (s.perPage * 6 + 2);
  if (base(s.pages - 1) + s.perPage * 12 > 4096) throw new RangeError('too many pages or blocks');
  const at = (k: number): bigint => {
    const p = Math.floor(k / s.perPage);
    return CHAIN + BigInt(p) * 4096n + BigInt(base(p) + (k % s.perPage) * 12);
  };
  for (let page = 0; page < s.pages; page++) {
    const words: number[] = [];
    for (let j = 0; j < s.perPage; j++) {
      const k = page * s.perPage + j;
      words.push(E.sType(E.OP.store, 3, S0, T0, ((k * 8) % 2048) - 1024)); // sd t0, off(s0)
      words.push(E.iType(E.OP.opImm, 0, T0, T0, 1)); // addi t0, t0, 1
      // jal (at block + 8) to the next block; from the last, to the tail after the chain
      const next = k + 1 < blocks ? at(k + 1) : CHAIN + BigInt(s.pages) * 4096n;
      words.push(E.jal(0, Number(next - (at(k) + 8n))));
    }
    m.writePhys(CHAIN + BigInt(page) * 4096n + BigInt(base(page)), le32(words));
  }
  // the tail: one pass done; addi s1, s1, -1; beqz s1, exit; jalr x0, 0(s2); exit: ecall
  m.writePhys(
    CHAIN + BigInt(s.pages) * 4096n,
    le32([
      E.iType(E.OP.opImm, 0, S1, S1, -1),
      E.bType(0, S1, 0, 8),
      E.iType(E.OP.jalr, 0, 0, S2, 0),
      E.ECALL,
    ]),
  );
  m.setCSR(0, 'mtvec', HANDLER);
  m.setCSR(0, 'mie', s.timer ? 1n << 7n : 0n);
  m.setCSR(0, 'mstatus', s.timer ? 1n << 3n : 0n);
  m.setX(0, S0, DATA + 1024n);
  m.setX(0, S1, BigInt(s.passes));
  m.setX(0, S2, CHAIN);
  m.setPC(0, CHAIN);
  m.setMode(0, { priv: 'M', virt: false });
  const cmp = new Uint8Array(8);
  new DataView(cmp.buffer).setBigUint64(0, s.timer ? BigInt(s.timer) : (1n << 64n) - 1n, true);
  m.writePhys(CLINT_MTIMECMP, cmp);
}
