// The JIT's host side: turns the core's queue of hot block addresses into WebAssembly, one
// module per batch (compiling is per module, so batching keeps its fixed cost low), whose
// functions land in the core's function table where the interpreter calls them
// (core/emu/as/jit.ts). Runs synchronously inside the core's run() when the queue fills, and
// after each run() for what is left, so translation points depend only on the instructions
// executed — and since translated code is exact, not even that changes what a guest sees.
import { readBlock } from './decode.js';
import { BINARY_HELPERS, UNARY_HELPERS, emitBlock, type JitLayout } from './emit.js';
import { T, assembleModule, type Func, type FuncType } from './wasm-writer.js';
import { isSharedBuffer } from '../guest-ram.js';

/** The core exports the translator uses. */
export interface JitExports {
  memory: WebAssembly.Memory;
  jitLayout(k: number): number;
  jitInstall(ha: number, fn: number, len: number, bytes: number): void;
  jitBatchDone(): void;
  jitMark(ha: number, bytes: number): number;
  jitDropAll(): void;
  [helper: string]: unknown;
}

export interface JitStats {
  /** Blocks translated, and modules compiled for them. */
  blocks: number;
  modules: number;
  /** Instructions in the translated blocks. */
  insns: number;
  /** Jump targets that start with an instruction the JIT leaves to the interpreter. */
  rejected: number;
  /** Host time spent translating and compiling. */
  ms: number;
  /**
   * Blocks the translator failed on (a bug: the guest goes on in the interpreter, unharmed),
   * and the last such error.
   */
  errors: number;
  lastError?: string;
}

// Function types: 0 block, 1 jitLoad, 2 jitStore, 3 binary helper, 4 unary helper.
const TYPES: FuncType[] = [
  { params: [T.i32, T.i32, T.i32, T.i64, T.i64, T.i64], results: [T.i64] },
  { params: [T.i32, T.i32, T.i64, T.i32, T.i64], results: [T.i64] },
  { params: [T.i32, T.i32, T.i64, T.i32, T.i64, T.i64], results: [T.i32] },
  { params: [T.i64, T.i64], results: [T.i64] },
  { params: [T.i64], results: [T.i64] },
  { params: [T.i32, T.i32], results: [T.i32] },
  { params: [T.i32, T.i32, T.i32, T.i64], results: [T.i32] },
];

/** Table slots the JIT may use before it starts over (dropping every translation). */
const TABLE_CAP = 65536;

export class JitTranslator {
  readonly stats: JitStats = { blocks: 0, modules: 0, insns: 0, rejected: 0, ms: 0, errors: 0 };
  // read from the core at the first translation (the code map exists once a machine is created)
  private lay?: JitLayout;
  private queue = 0;
  private jitTable = 0;
  private rvc = 0;
  private ramOff = 0;
  private hashShift = 0;
  private hashMul = 0;
  private readonly firstSlot: number;
  private nextSlot: number;
  private readonly imports: WebAssembly.Imports;
  private readonly shared: boolean;

  constructor(
    private readonly ex: JitExports,
    private readonly table: WebAssembly.Table,
  ) {
    // slot 0 means "not translatable" in the core's table: never hand it out
    this.firstSlot = Math.max(1, table.length);
    this.nextSlot = this.firstSlot;
    const env: Record<string, unknown> = {
      mem: ex.memory,
      table,
      ld: ex.jitLoad,
      st: ex.jitStore,
      storeHit: ex.jitStoreHit,
      exec: ex.jitExec,
    };
    for (const n of [...BINARY_HELPERS, ...UNARY_HELPERS]) env[n] = ex[n];
    this.imports = { env: env as WebAssembly.ModuleImports };
    this.shared = isSharedBuffer(ex.memory.buffer);
  }

  /** A translation failed: those blocks stay with the interpreter for good. */
  private failed(e: unknown, starts: number[]): void {
    this.stats.errors += starts.length;
    this.stats.lastError = e instanceof Error ? e.message : String(e);
    for (const ha of starts) this.ex.jitInstall(ha, 0, 0, 0);
  }

  private layout(): JitLayout {
    if (this.lay) return this.lay;
    const k = (i: number) => this.ex.jitLayout(i) >>> 0;
    this.jitTable = k(0);
    this.queue = k(2);
    this.ramOff = k(3);
    this.rvc = k(4);
    this.hashShift = k(20);
    this.hashMul = k(21);
    this.lay = {
      io: k(1),
      tlbLoad: k(5),
      tlbStore: k(6),
      tlbMask: k(7),
      hPc: k(8),
      cDataCtx: k(9),
      spinPc: k(10),
      spinA: k(11),
      spinB: k(12),
      spinCnt: k(13),
      spinBase: k(14),
      spinMax: k(15),
      ramOff: k(3),
      codemap: k(17),
      jitTable: k(0),
      tlbFetch: k(18),
      cFetchCtx: k(19),
      jitHashShift: k(20),
      jitHashMul: k(21),
    };
    return this.lay;
  }

  private waited = 0;
  /** Blocks that must be queued before a translation after a run (MachineOptions.jit.batch). */
  batch = 16;

  /**
   * After a run of `insns` instructions: translate what is queued once it is worth a module
   * (compiling one costs ~0.5-1 ms however small it is: a boot that compiled a module per run
   * spent more on compiling than the blocks saved), or once it has waited 2 M instructions.
   */
  afterRun(insns: number): void {
    this.layout();
    const count = new DataView(this.ex.memory.buffer).getUint32(this.queue, true);
    if (count === 0) return;
    this.waited += insns;
    if (count >= this.batch || this.waited >= 2_000_000) this.translatePending();
  }

  /** Translates every queued block (called by the core when its queue fills, and after runs). */
  translatePending(): void {
    const lay = this.layout();
    const view = new DataView(this.ex.memory.buffer);
    const count = view.getUint32(this.queue, true);
    if (count === 0) return;
    const t0 = performance.now();
    const funcs: Func[] = [];
    const starts: number[] = [];
    const lens: number[] = [];
    const sizes: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < count; i++) {
      const ha = view.getUint32(this.queue + 4 + i * 4, true);
      if (seen.has(ha) || ha < this.ramOff) continue;
      seen.add(ha);
      const e = this.jitTable + (Math.imul(ha >>> 1, this.hashMul) >>> this.hashShift) * 16;
      if (view.getUint32(e, true) === ha) continue; // installed meanwhile
      const insns = readBlock(view, ha, this.rvc);
      let f: Func | undefined;
      try {
        f = emitBlock(insns, lay, ha);
      } catch (e) {
        this.failed(e, [ha]);
        continue;
      }
      if (!f) {
        this.ex.jitInstall(ha, 0, 0, 0);
        this.stats.rejected++;
        continue;
      }
      // the bytes it was made from: a store there drops it (self-modifying code)
      const last = insns[insns.length - 1];
      if (this.ex.jitMark(ha, last.off + last.len) === 0) {
        // no code bitmap left: start over
        this.ex.jitDropAll();
        this.nextSlot = this.firstSlot;
        this.ex.jitBatchDone();
        return;
      }
      funcs.push(f);
      starts.push(ha);
      lens.push(insns.length);
      sizes.push(last.off + last.len);
      this.stats.insns += insns.length;
    }
    if (funcs.length > 0) {
      if (this.nextSlot + funcs.length > TABLE_CAP) {
        // start over: nothing refers to the old slots once every translation is dropped
        this.ex.jitDropAll();
        this.nextSlot = this.firstSlot;
        this.ex.jitBatchDone();
        return;
      }
      const base = this.nextSlot;
      if (this.table.length < base + funcs.length)
        this.table.grow(base + funcs.length - this.table.length);
      const bytes = assembleModule({
        types: TYPES,
        imports: [
          { module: 'env', name: 'ld', kind: 'func', type: 1 },
          { module: 'env', name: 'st', kind: 'func', type: 2 },
          ...BINARY_HELPERS.map((name) => ({
            module: 'env',
            name,
            kind: 'func' as const,
            type: 3,
          })),
          ...UNARY_HELPERS.map((name) => ({ module: 'env', name, kind: 'func' as const, type: 4 })),
          { module: 'env', name: 'storeHit', kind: 'func', type: 5 },
          { module: 'env', name: 'exec', kind: 'func', type: 6 },
          { module: 'env', name: 'mem', kind: 'memory', shared: this.shared },
          { module: 'env', name: 'table', kind: 'table' },
        ],
        funcs,
        elemBase: base,
      });
      // instantiation places the functions at table[base…] (the element segment)
      try {
        new WebAssembly.Instance(new WebAssembly.Module(bytes), this.imports);
      } catch (e) {
        this.failed(e, starts);
        this.ex.jitBatchDone();
        return;
      }
      this.nextSlot += funcs.length;
      // with its length: the interpreter calls a block only when a pass fits in the budget
      for (let i = 0; i < funcs.length; i++)
        this.ex.jitInstall(starts[i], base + i, lens[i], sizes[i]);
      this.stats.blocks += funcs.length;
      this.stats.modules++;
    }
    this.ex.jitBatchDone();
    this.waited = 0;
    this.stats.ms += performance.now() - t0;
  }
}
