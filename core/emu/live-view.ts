// Reading a running machine from another thread. The core's memory is a shared WebAssembly
// memory (core/emu/build-wasm.mjs): registers, pc, privilege, instruction counts and RAM live in
// a SharedArrayBuffer that the worker running the machine can hand to its owner, which then
// reads them at any moment, without a message and without stopping the world — what a debugger
// panel refreshing while the guest runs needs. Reads are racy by nature (a value may be a
// moment old, and a register block is not read atomically): stop the machine for a consistent
// snapshot.
import { HART_BLOCK } from './abi.js';
import type { Mode } from './events.js';

/** What a worker sends so its owner can build a LiveView (structured-clonable). */
export interface LiveViewInit {
  buffer: SharedArrayBuffer;
  harts: number;
  /** Byte offset of each hart's register block (ABI.md). */
  hartOffsets: number[];
  ramOffset: number;
  ramBase: bigint;
  ramSize: bigint;
}

export class LiveView {
  readonly harts: number;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;

  constructor(private readonly init: LiveViewInit) {
    this.harts = init.harts;
    this.view = new DataView(init.buffer);
    this.bytes = new Uint8Array(init.buffer);
  }

  private hart(h: number): number {
    if (!Number.isInteger(h) || h < 0 || h >= this.harts)
      throw new RangeError(`hart ${h} does not exist (0..${this.harts - 1})`);
    return this.init.hartOffsets[h];
  }

  pc(h: number): bigint {
    return this.view.getBigUint64(this.hart(h) + HART_BLOCK.pc, true);
  }

  /** x0..x31 (x0 reads 0). */
  x(h: number, i: number): bigint {
    if (!Number.isInteger(i) || i < 0 || i > 31) throw new RangeError(`x${i} does not exist`);
    return i === 0 ? 0n : this.view.getBigUint64(this.hart(h) + HART_BLOCK.x + 8 * i, true);
  }

  mode(h: number): Mode {
    const b = this.hart(h);
    const p = this.view.getUint32(b + HART_BLOCK.priv, true);
    return {
      priv: p === 3 ? 'M' : p === 1 ? 'S' : 'U',
      virt: this.view.getUint32(b + HART_BLOCK.virt, true) !== 0,
    };
  }

  /** Instructions the hart retired, as of its last slice (it advances once per quantum). */
  instret(h: number): bigint {
    return this.view.getBigUint64(this.hart(h) + HART_BLOCK.instret, true);
  }

  /** A copy of guest RAM at physical address pa. */
  readRam(pa: bigint, len: number): Uint8Array {
    const { ramBase, ramSize, ramOffset } = this.init;
    if (pa < ramBase || pa + BigInt(len) > ramBase + ramSize || len < 0)
      throw new RangeError(`0x${pa.toString(16)}+${len} is not in RAM`);
    const off = ramOffset + Number(pa - ramBase);
    return this.bytes.slice(off, off + len);
  }
}
