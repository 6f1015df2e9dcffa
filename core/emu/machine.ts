// The typed API of the emulator: a QEMU-`virt`-compatible RISC-V machine around emu.wasm.
// Pure TypeScript (runs on the main thread, in a Node worker or in a Web Worker); the host
// supplies the compiled module (core/emu/node/wasm.ts reads it from disk, a page fetches it).
import { HART_BLOCK, OPT, STOP, missingExports, type EmuExports } from './abi.js';
import {
  EVENT_KIND_IDS,
  decodeEvent,
  privName,
  type EmuEvent,
  type EventKind,
  type Mode,
} from './events.js';
import { DEFAULT_RAM, MAX_RAM, type MachineOptions } from './options.js';
import { csrNumber } from './csr-names.js';
import {
  planBoot,
  type BootOptions,
  type BootPlan,
  type ImageSymbols,
} from './loaders/boot-plan.js';
import { yieldToEventLoop } from './yield.js';
import { virtIsa, type IsaExtensions } from './fdt/aia.js';
import { instantiateCore } from './instantiate.js';
import { accountGuestRam, isSharedBuffer } from './guest-ram.js';
import type { LiveViewInit } from './live-view.js';
import type { JitStats, JitTranslator } from './jit/translator.js';

/**
 * Times a jump target is reached before its block is translated (MachineOptions.jit): only
 * blocks this hot repay a translation during a firmware boot (OpenSBI: ~35 blocks retire 60 % of
 * its 9.5 M instructions); lower thresholds translate many more blocks for little more.
 */
const JIT_THRESHOLD = 2048;
/** Instructions before the JIT starts (MachineOptions.jit.after): from the first one. */
const JIT_AFTER = 0;

export class EmuError extends Error {}

export type StopReason =
  | 'budget'
  | 'breakpoint'
  | 'watchpoint'
  | 'poweroff'
  | 'reboot'
  | 'idle'
  | 'stepped'
  | 'paused'
  | 'timeout'
  | 'until';

export interface RunResult {
  reason: StopReason;
  /** Instructions retired by all harts during this call. */
  insns: bigint;
  /** The hart that hit a breakpoint or watchpoint. */
  hart?: number;
  /** sifive_test code on power-off. */
  code?: number;
  /** The physical address a hart was about to access (watchpoints). */
  address?: bigint;
}

export interface RunOptions {
  /** Stop after this many instructions (summed over harts). */
  maxInsns?: bigint;
  /** Stop after this much host time. */
  timeoutMs?: number;
  /** Stop when this returns true (checked between chunks, after output was delivered). */
  until?: () => boolean;
  /** Instructions per chunk between event-loop turns (default 2 M). */
  chunk?: bigint;
  /** Called when every hart waits for input; resolve when input may have arrived. */
  onIdle?: () => Promise<void>;
}

export type Access = 'fetch' | 'load' | 'store';
const ACCESS_ID: Record<Access, number> = { fetch: 0, load: 1, store: 2 };
const FAULT = 0xffffffffffffffffn;
const U64 = (1n << 64n) - 1n;

export interface HartState {
  hart: number;
  pc: bigint;
  mode: Mode;
  wfi: boolean;
  running: boolean;
  instret: bigint;
}

/** Optional exports a newer core may have (see core/emu/REQUESTS.md). */
interface OptionalExports {
  setWatchpoint?(pa: bigint, len: number, kind: number): number;
  clearWatchpoint?(pa: bigint): void;
  watchHit?(): bigint;
  uartRxSpace?(): number;
  nextTimer?(): bigint;
}

export class Machine {
  readonly harts: number;
  readonly ramSize: bigint;
  readonly ramBase: bigint;
  readonly hExtension: boolean;
  /** Extensions and interrupt controllers the device tree advertises (set at creation). */
  readonly isaExtensions: IsaExtensions;
  readonly aiaGuests: number;
  readonly options: Required<Pick<MachineOptions, 'mtimeHz' | 'clock'>>;
  /** Symbols of the loaded ELF images, for the debugger. */
  symbols: ImageSymbols[] = [];
  plan?: BootPlan;

  private readonly ex: EmuExports & OptionalExports;
  private listeners = new Set<(e: EmuEvent) => void>();
  private uartListeners = new Set<(bytes: Uint8Array) => void>();
  private wanted = new Map<EventKind, number>();
  private rxQueue: number[] = [];
  private pauseRequested = false;
  private wallStart?: { host: number; mtime: bigint };

  private constructor(
    instance: WebAssembly.Instance,
    options: MachineOptions,
    private readonly jit: JitTranslator,
  ) {
    this.ex = instance.exports as unknown as EmuExports & OptionalExports;
    const harts = options.harts ?? 1;
    const ram = options.ramSize ?? DEFAULT_RAM;
    if (!Number.isInteger(harts) || harts < 1 || harts > 8)
      throw new EmuError(`harts must be 1..8, not ${harts}`);
    if (ram < 1n << 20n || ram > MAX_RAM || ram % 4096n !== 0n)
      throw new EmuError(
        `RAM size must be a multiple of 4 KiB between 1 MiB and 3 GiB, not ${ram} bytes`,
      );
    const aia = options.aia ?? 'none';
    if (!['none', 'aplic', 'aplic-imsic'].includes(aia))
      throw new EmuError(`aia must be none, aplic or aplic-imsic, not ${String(aia)}`);
    const aiaGuests = options.aiaGuests ?? 0;
    if (!Number.isInteger(aiaGuests) || aiaGuests < 0 || aiaGuests > 7)
      throw new EmuError(`aia-guests must be 0..7, not ${aiaGuests}`);
    if (aiaGuests > 0 && aia !== 'aplic-imsic')
      throw new EmuError(
        'aia-guests needs aia=aplic-imsic (guest interrupt files are IMSIC files)',
      );
    const rc = this.ex.create(ram, harts);
    if (rc === -3) throw new EmuError(`not enough memory for ${ram >> 20n} MiB of guest RAM`);
    if (rc !== 0)
      throw new EmuError(`the emulator core refused the machine (create returned ${rc})`);
    this.harts = harts;
    this.ramSize = ram;
    this.ramBase = this.ex.ramBase();
    this.hExtension = options.hExtension ?? true;
    this.options = {
      mtimeHz: options.mtimeHz ?? 10_000_000,
      clock: options.clock ?? 'deterministic',
    };
    if (options.insnsPerTick !== undefined)
      this.ex.setOption(OPT.insnsPerTick, BigInt(options.insnsPerTick));
    if (options.quantum !== undefined) this.ex.setOption(OPT.quantum, BigInt(options.quantum));
    if (options.hExtension !== undefined)
      this.ex.setOption(OPT.hExtension, options.hExtension ? 1n : 0n);
    if (options.sstc !== undefined) this.ex.setOption(OPT.sstc, options.sstc ? 1n : 0n);
    if (options.svpbmt !== undefined) this.ex.setOption(OPT.svpbmt, options.svpbmt ? 1n : 0n);
    const wanted: [number, bigint, string][] = [
      [OPT.zicbom, options.zicbom ? 1n : 0n, 'zicbom'],
      [OPT.zicboz, options.zicboz ? 1n : 0n, 'zicboz'],
      [OPT.svinval, options.svinval ? 1n : 0n, 'svinval'],
      [OPT.aia, BigInt(['none', 'aplic', 'aplic-imsic'].indexOf(aia)), `aia=${aia}`],
      [OPT.aiaGuests, BigInt(aiaGuests), `aia-guests=${aiaGuests}`],
    ];
    for (const [id, v, name] of wanted) {
      this.ex.setOption(id, v);
      // an older core ignores option ids it does not know
      if (v !== 0n && this.ex.getOption(id) !== v)
        throw new EmuError(`${name} is not supported by this emulator core`);
    }
    this.aiaGuests = aiaGuests;
    this.isaExtensions = {
      h: this.hExtension,
      zicbom: options.zicbom,
      zicboz: options.zicboz,
      aia,
      sstc: options.sstc,
      svinval: options.svinval,
      // the core implements Svpbmt by default; QEMU's rv64 advertises it only when asked
      svpbmt: options.svpbmt === true,
    };
    this.ex.setOption(OPT.wallClock, this.options.clock === 'wall' ? 1n : 0n);
    const jitOpt = options.jit ?? true;
    const threshold =
      typeof jitOpt === 'object' ? (jitOpt.threshold ?? JIT_THRESHOLD) : JIT_THRESHOLD;
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 65000)
      throw new EmuError(`jit threshold must be 1..65000, not ${threshold}`);
    const after = typeof jitOpt === 'object' ? (jitOpt.after ?? JIT_AFTER) : JIT_AFTER;
    if (!Number.isInteger(after) || after < 0)
      throw new EmuError(`jit after must be a whole number of instructions, not ${after}`);
    this.ex.jitConfigure(jitOpt === false ? 0 : 1, threshold, BigInt(after));
    const batch = typeof jitOpt === 'object' ? (jitOpt.batch ?? 16) : 16;
    if (!Number.isInteger(batch) || batch < 1)
      throw new EmuError(`jit batch must be a whole number >= 1, not ${batch}`);
    this.jit.batch = batch;
  }

  /**
   * The shared memory a LiveView (core/emu/live-view.ts) reads from another thread while this
   * machine runs; undefined with a core whose memory is not shared.
   */
  liveViewInit(): LiveViewInit | undefined {
    const buffer = this.ex.memory.buffer;
    if (!isSharedBuffer(buffer)) return undefined;
    return {
      buffer: buffer as unknown as SharedArrayBuffer,
      harts: this.harts,
      hartOffsets: Array.from({ length: this.harts }, (_, h) => this.ex.hartOffset(h)),
      ramOffset: this.ex.ramOffset(),
      ramBase: this.ramBase,
      ramSize: this.ramSize,
    };
  }

  /** What the JIT translated so far, and how much of the run went through it. */
  jitStats(): JitStats & { calls: number; ranInsns: number } {
    return {
      ...this.jit.stats,
      /** Calls into translated code, and the instructions retired there. */
      calls: Number(this.ex.jitRunStats(0)),
      ranInsns: Number(this.ex.jitRunStats(1)),
    };
  }

  /** Instantiates emu.wasm (bytes or a compiled module) and creates the machine. */
  static async create(
    wasm: BufferSource | WebAssembly.Module,
    options: MachineOptions = {},
  ): Promise<Machine> {
    const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm);
    const { instance, jit } = await instantiateCore(
      module,
      (_msg: number, _file: number, line: number, col: number) => {
        throw new EmuError(`emulator core aborted (line ${line}:${col})`);
      },
    );
    const missing = missingExports(instance.exports);
    if (missing.length)
      throw new EmuError(
        `emu.wasm lacks exports: ${missing.join(', ')} (rebuild with npm run build:wasm)`,
      );
    const machine = new Machine(instance, options, jit);
    const mem = (instance.exports as unknown as EmuExports).memory;
    if (isSharedBuffer(mem.buffer)) accountGuestRam(machine, Number(machine.ramSize));
    return machine;
  }

  // ---- images -------------------------------------------------------------------------

  /** Places firmware, kernel, initrd, device tree and boot ROM as QEMU 7.2 does, and loads them. */
  boot(opts: Omit<BootOptions, 'harts' | 'ramSize' | 'timebaseHz'>): BootPlan {
    const plan = planBoot({
      // The device tree advertises exactly what this machine implements (QEMU's isa string).
      isa: virtIsa(this.isaExtensions),
      aia: this.isaExtensions.aia,
      aiaGuests: this.aiaGuests,
      cbomBlockSize: this.isaExtensions.zicbom ? 64 : undefined,
      cbozBlockSize: this.isaExtensions.zicboz ? 64 : undefined,
      ...opts,
      harts: this.harts,
      ramSize: this.ramSize,
      timebaseHz: this.options.mtimeHz,
    });
    this.load(plan);
    return plan;
  }

  load(plan: BootPlan): void {
    for (const r of plan.regions) {
      this.writePhysNoFlush(r.addr, r.data);
      if (r.zeroFill > 0n) {
        const at = r.addr + BigInt(r.data.length);
        const n = Number(r.zeroFill);
        const direct = this.directView(at, n);
        if (direct) direct.fill(0);
        else this.writePhysNoFlush(at, new Uint8Array(n));
      }
    }
    this.plan = plan;
    this.symbols = plan.symbols;
    this.ex.flushCaches();
  }

  /** All harts back to the reset vector (RAM kept), like QEMU's system_reset. */
  reset(): void {
    this.ex.reset();
    this.wallStart = undefined;
  }

  // ---- run control ----------------------------------------------------------------------

  /** Runs synchronously for at most `maxInsns` instructions (one chunk; output is delivered after). */
  run(maxInsns: bigint): RunResult {
    this.pumpRx();
    this.syncWallClock();
    const code = this.ex.run(maxInsns);
    const insns = BigInt.asUintN(64, this.ex.lastRunInsns());
    this.jit.afterRun(Number(insns));
    this.drain();
    return this.result(code, insns);
  }

  /** One instruction (or one trap) on one hart, ignoring a breakpoint at its pc. */
  step(hart = 0): RunResult {
    this.checkHart(hart);
    this.pumpRx();
    const code = this.ex.step(hart);
    const insns = BigInt.asUintN(64, this.ex.lastRunInsns());
    this.drain();
    const r = this.result(code, insns);
    if (r.reason === 'budget') r.reason = 'stepped';
    return r;
  }

  /** Runs in chunks, giving the event loop turns, until a stop condition. */
  async runUntil(o: RunOptions = {}): Promise<RunResult> {
    this.pauseRequested = false;
    const chunk = o.chunk ?? 2_000_000n;
    const t0 = Date.now();
    let total = 0n;
    for (;;) {
      let budget = chunk;
      if (o.maxInsns !== undefined) {
        const left = o.maxInsns - total;
        if (left <= 0n) return { reason: 'budget', insns: total };
        if (left < budget) budget = left;
      }
      const r = this.run(budget);
      total += r.insns;
      if (r.reason === 'idle') {
        if (o.until?.()) return { reason: 'until', insns: total };
        const waitMs = this.wallTimerDelayMs();
        if (waitMs !== undefined) {
          // Wall clock: every hart sleeps until a timer fires. Sleep in short steps so a pause
          // or UART input is not kept waiting, and never past the deadline.
          const left = o.timeoutMs === undefined ? Infinity : o.timeoutMs - (Date.now() - t0);
          if (left <= 0) return { reason: 'timeout', insns: total };
          await new Promise((res) => setTimeout(res, Math.max(0, Math.min(waitMs, 20, left))));
          if (this.pauseRequested) {
            this.pauseRequested = false;
            return { reason: 'paused', insns: total };
          }
          continue;
        }
        if (!o.onIdle) return { ...r, insns: total };
        if (o.timeoutMs === undefined) await o.onIdle();
        else {
          // Wait for input, but not past the deadline; never leave the timer behind (it would
          // keep a Node process alive after the run).
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            o.onIdle(),
            new Promise<void>(
              (r) => (timer = setTimeout(r, Math.max(0, o.timeoutMs! - (Date.now() - t0)))),
            ),
          ]);
          clearTimeout(timer);
        }
      } else if (r.reason !== 'budget') {
        return { ...r, insns: total };
      }
      if (o.until?.()) return { reason: 'until', insns: total };
      if (o.timeoutMs !== undefined && Date.now() - t0 >= o.timeoutMs)
        return { reason: 'timeout', insns: total };
      await yieldToEventLoop();
      if (this.pauseRequested) {
        this.pauseRequested = false;
        return { reason: 'paused', insns: total };
      }
    }
  }

  /** Asks a running `runUntil` to stop at its next chunk boundary. */
  pause(): void {
    this.pauseRequested = true;
  }

  private result(code: number, insns: bigint): RunResult {
    switch (code) {
      case STOP.budget:
        return { reason: 'budget', insns };
      case STOP.breakpoint:
        return { reason: 'breakpoint', insns, hart: this.ex.stopHart() };
      case STOP.power:
        return {
          reason: this.ex.powerState() === 2 ? 'reboot' : 'poweroff',
          insns,
          code: this.ex.powerCode(),
        };
      case STOP.idle:
        return { reason: 'idle', insns };
      case STOP.stepped:
        return { reason: 'stepped', insns };
      case 5:
        return {
          reason: 'watchpoint',
          insns,
          hart: this.ex.stopHart(),
          address: this.ex.watchHit ? BigInt.asUintN(64, this.ex.watchHit()) : undefined,
        };
      default:
        throw new EmuError(`emulator core returned unknown stop reason ${code}`);
    }
  }

  /**
   * In wall-clock mode, how long until the earliest armed timer fires (host ms), or undefined
   * when none is armed (or in deterministic mode, where the core skips ahead by itself).
   */
  private wallTimerDelayMs(): number | undefined {
    if (this.options.clock !== 'wall' || !this.ex.nextTimer) return undefined;
    const next = BigInt.asUintN(64, this.ex.nextTimer());
    if (next === U64) return undefined;
    this.syncWallClock();
    const now = BigInt.asUintN(64, this.ex.mtime());
    return next <= now ? 0 : (Number(next - now) / this.options.mtimeHz) * 1000;
  }

  /** In wall-clock mode, mtime follows the host clock at mtimeHz. */
  private syncWallClock(): void {
    if (this.options.clock !== 'wall') return;
    const now = performance.now();
    if (!this.wallStart) this.wallStart = { host: now, mtime: this.ex.mtime() };
    this.ex.setMtime(
      this.wallStart.mtime +
        BigInt(Math.floor(((now - this.wallStart.host) / 1000) * this.options.mtimeHz)),
    );
  }

  // ---- breakpoints and watchpoints -----------------------------------------------------

  addBreakpoint(pc: bigint): void {
    if (this.ex.setBreakpoint(pc) !== 0) throw new EmuError('breakpoint table full (64 entries)');
  }
  removeBreakpoint(pc: bigint): void {
    this.ex.clearBreakpoint(pc);
  }
  clearBreakpoints(): void {
    this.ex.clearBreakpoints();
  }
  /** Whether this core implements watchpoints (core/emu/REQUESTS.md). */
  /** Whether the core implements watchpoints (every core since the ABI's request 1). */
  get supportsWatchpoints(): boolean {
    return typeof this.ex.setWatchpoint === 'function';
  }
  /**
   * Stops `run` when a hart is about to access [pa, pa+len) (physical): the access has not
   * happened yet; `step` (or the next run) performs it. The result names the hart and address.
   */
  addWatchpoint(pa: bigint, len: number, kind: 'load' | 'store' | 'access' = 'store'): void {
    if (!this.ex.setWatchpoint)
      throw new EmuError('this emulator core has no watchpoints (rebuild it: npm run build:wasm)');
    if (!Number.isInteger(len) || len < 1)
      throw new EmuError(`watchpoint length must be at least 1 byte, not ${len}`);
    if (this.ex.setWatchpoint(pa, len, kind === 'load' ? 1 : kind === 'store' ? 2 : 3) !== 0)
      throw new EmuError('watchpoint table full (16 entries)');
  }
  removeWatchpoint(pa: bigint): void {
    this.ex.clearWatchpoint?.(pa);
  }

  // ---- registers, CSRs ------------------------------------------------------------------

  getX(hart: number, i: number): bigint {
    this.checkHart(hart);
    return BigInt.asUintN(64, this.ex.getX(hart, i));
  }
  setX(hart: number, i: number, v: bigint): void {
    this.checkHart(hart);
    this.ex.setX(hart, i, BigInt.asUintN(64, v));
  }
  getF(hart: number, i: number): bigint {
    return BigInt.asUintN(64, this.ex.getF(hart, i));
  }
  setF(hart: number, i: number, v: bigint): void {
    this.ex.setF(hart, i, BigInt.asUintN(64, v));
  }
  getPC(hart: number): bigint {
    this.checkHart(hart);
    return BigInt.asUintN(64, this.ex.getPC(hart));
  }
  setPC(hart: number, pc: bigint): void {
    this.checkHart(hart);
    this.ex.setPC(hart, pc & U64);
  }
  getMode(hart: number): Mode {
    this.checkHart(hart);
    return { priv: privName(this.ex.getPriv(hart)), virt: this.ex.getVirt(hart) === 1 };
  }
  setMode(hart: number, mode: Mode): void {
    this.ex.setPriv(hart, { U: 0, S: 1, M: 3 }[mode.priv], mode.virt ? 1 : 0);
  }
  /** All 32 integer registers. */
  getXs(hart: number): bigint[] {
    return Array.from({ length: 32 }, (_, i) => this.getX(hart, i));
  }
  getCSR(hart: number, csr: string | number): bigint {
    this.checkHart(hart);
    const n = csrNumber(csr);
    if (!this.ex.csrExists(hart, n)) throw new EmuError(`CSR ${csr} does not exist on this hart`);
    return BigInt.asUintN(64, this.ex.getCSR(hart, n));
  }
  setCSR(hart: number, csr: string | number, v: bigint): void {
    this.checkHart(hart);
    if (this.ex.setCSR(hart, csrNumber(csr), BigInt.asUintN(64, v)) !== 0)
      throw new EmuError(`CSR ${csr} does not exist on this hart`);
  }
  hartState(hart: number): HartState {
    const view = this.hartView(hart);
    return {
      hart,
      pc: view.getBigUint64(HART_BLOCK.pc, true),
      mode: {
        priv: privName(view.getUint32(HART_BLOCK.priv, true)),
        virt: view.getUint32(HART_BLOCK.virt, true) === 1,
      },
      wfi: view.getUint32(HART_BLOCK.wfi, true) !== 0,
      running: view.getUint32(HART_BLOCK.running, true) !== 0,
      instret: view.getBigUint64(HART_BLOCK.instret, true),
    };
  }
  /** Instructions retired per hart. */
  instructionCounts(): bigint[] {
    return Array.from({ length: this.harts }, (_, h) => BigInt.asUintN(64, this.ex.instret(h)));
  }
  mtime(): bigint {
    return BigInt.asUintN(64, this.ex.mtime());
  }

  // ---- memory ----------------------------------------------------------------------------

  /** Reads physical memory: RAM and ROM directly, device registers byte by byte. */
  readPhys(pa: bigint, len: number): Uint8Array {
    const direct = this.directView(pa, len);
    if (direct) return direct.slice();
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const v = this.ex.physRead8(pa + BigInt(i));
      if (v < 0)
        throw new EmuError(`nothing at physical address 0x${(pa + BigInt(i)).toString(16)}`);
      out[i] = v;
    }
    return out;
  }

  writePhys(pa: bigint, bytes: Uint8Array): void {
    this.writePhysNoFlush(pa, bytes);
    this.ex.flushCaches();
  }

  private writePhysNoFlush(pa: bigint, bytes: Uint8Array): void {
    const direct = this.directView(pa, bytes.length);
    if (direct) {
      direct.set(bytes);
    } else {
      for (let i = 0; i < bytes.length; i++) {
        if (this.ex.physWrite8(pa + BigInt(i), bytes[i]) < 0)
          throw new EmuError(`nothing at physical address 0x${(pa + BigInt(i)).toString(16)}`);
      }
    }
  }

  /** Translates a virtual address through the hart's current satp, privilege and MPRV. */
  translate(hart: number, va: bigint, access: Access = 'load'): { pa: bigint } | { fault: number } {
    this.checkHart(hart);
    const pa = BigInt.asUintN(64, this.ex.translate(hart, va & U64, ACCESS_ID[access]));
    return pa === FAULT ? { fault: this.ex.translateCause() } : { pa };
  }

  /** Reads through the current translation (page by page). */
  readVirt(hart: number, va: bigint, len: number, access: Access = 'load'): Uint8Array {
    const out = new Uint8Array(len);
    let done = 0;
    while (done < len) {
      const cur = (va + BigInt(done)) & U64;
      const t = this.translate(hart, cur, access);
      if ('fault' in t)
        throw new EmuError(
          `virtual address 0x${cur.toString(16)} does not translate (cause ${t.fault})`,
        );
      const n = Math.min(len - done, 4096 - Number(cur & 0xfffn));
      out.set(this.readPhys(t.pa, n), done);
      done += n;
    }
    return out;
  }

  writeVirt(hart: number, va: bigint, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      const cur = (va + BigInt(done)) & U64;
      const t = this.translate(hart, cur, 'store');
      if ('fault' in t)
        throw new EmuError(
          `virtual address 0x${cur.toString(16)} does not translate for a store (cause ${t.fault})`,
        );
      const n = Math.min(bytes.length - done, 4096 - Number(cur & 0xfffn));
      this.writePhys(t.pa, bytes.subarray(done, done + n));
      done += n;
    }
  }

  /** A live view of RAM or ROM when [pa, pa+len) lies inside one of them. */
  private directView(pa: bigint, len: number): Uint8Array | undefined {
    const end = pa + BigInt(len);
    if (pa >= this.ramBase && end <= this.ramBase + this.ramSize)
      return new Uint8Array(
        this.ex.memory.buffer,
        this.ex.ramOffset() + Number(pa - this.ramBase),
        len,
      );
    const romBase = 0x1000n;
    if (pa >= romBase && end <= romBase + BigInt(this.ex.romSize()))
      return new Uint8Array(this.ex.memory.buffer, this.ex.romOffset() + Number(pa - romBase), len);
    return undefined;
  }

  private hartView(hart: number): DataView {
    this.checkHart(hart);
    return new DataView(this.ex.memory.buffer, this.ex.hartOffset(hart), 0x1000);
  }

  private checkHart(hart: number): void {
    if (!Number.isInteger(hart) || hart < 0 || hart >= this.harts)
      throw new EmuError(`no hart ${hart} (this machine has ${this.harts})`);
  }

  // ---- UART and events -------------------------------------------------------------------

  /** Bytes typed into the UART (host → guest RX). Queued until the guest's FIFO has room. */
  sendUart(bytes: Uint8Array | string): void {
    const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    for (const x of b) this.rxQueue.push(x);
    this.pumpRx();
  }

  /** Subscribes to UART output (guest → host). */
  onUart(listener: (bytes: Uint8Array) => void): () => void {
    this.uartListeners.add(listener);
    return () => this.uartListeners.delete(listener);
  }

  /** Subscribes to machine events of the given kinds (recording them costs speed). */
  onEvent(kinds: EventKind[], listener: (e: EmuEvent) => void): () => void {
    const filtered = (e: EmuEvent): void => {
      if (kinds.includes(e.kind)) listener(e);
    };
    this.listeners.add(filtered);
    for (const k of kinds) this.wanted.set(k, (this.wanted.get(k) ?? 0) + 1);
    this.updateEventMask();
    return () => {
      this.listeners.delete(filtered);
      for (const k of kinds) this.wanted.set(k, (this.wanted.get(k) ?? 1) - 1);
      this.updateEventMask();
    };
  }

  private updateEventMask(): void {
    let mask = 0;
    for (const [k, n] of this.wanted) if (n > 0 && k !== 'uart') mask |= 1 << EVENT_KIND_IDS[k];
    // UART bytes come through the TX ring; power and breakpoint events are cheap and always useful.
    mask |= (1 << EVENT_KIND_IDS.power) | (1 << EVENT_KIND_IDS.breakpoint);
    this.ex.setEventMask(mask);
  }

  private pumpRx(): void {
    const ring = this.ex.uartRxRingOffset();
    const u32 = new Uint32Array(this.ex.memory.buffer, ring, 3);
    const data = new Uint8Array(this.ex.memory.buffer, ring + 16, u32[2] + 1);
    let w = u32[0];
    while (this.rxQueue.length && (w - u32[1]) >>> 0 <= u32[2]) {
      data[w & u32[2]] = this.rxQueue.shift()!;
      w = (w + 1) >>> 0;
    }
    u32[0] = w;
  }

  /** Delivers the UART bytes and events the core produced since the last call. */
  private drain(): void {
    const mem = this.ex.memory.buffer;
    const tx = this.ex.uartTxRingOffset();
    const t = new Uint32Array(mem, tx, 3);
    const count = (t[0] - t[1]) >>> 0;
    if (count) {
      const data = new Uint8Array(mem, tx + 16, t[2] + 1);
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = data[(t[1] + i) & t[2]];
      t[1] = t[0];
      for (const l of this.uartListeners) l(out);
      if (this.listeners.size) for (const b of out) this.emit({ kind: 'uart', byte: b });
    }
    const ev = this.ex.eventRingOffset();
    const e = new Uint32Array(mem, ev, 3);
    const n = (e[0] - e[1]) >>> 0;
    if (n) {
      const view = new DataView(mem, ev + 32, (e[2] + 1) * 32);
      for (let i = 0; i < n; i++) {
        const off = ((e[1] + i) & e[2]) * 32;
        const d = decodeEvent(
          view.getUint32(off, true),
          view.getUint32(off + 4, true),
          view.getBigUint64(off + 8, true),
          view.getBigUint64(off + 16, true),
          view.getBigUint64(off + 24, true),
        );
        if (d && d.kind !== 'uart') this.emit(d);
      }
      e[1] = e[0];
    }
  }

  private emit(e: EmuEvent): void {
    for (const l of this.listeners) l(e);
  }
}
