// The message protocol between a machine running in a worker (Node worker thread or Web Worker)
// and its owner: method calls on the Machine, plus streamed UART output and events.
import type { EmuEvent, EventKind } from './events.js';
import type { HartState, RunResult, Access } from './machine.js';
import type { MachineOptions } from './options.js';
import type { BootOptions, ImageSymbols } from './loaders/boot-plan.js';
import type { LiveViewInit } from './live-view.js';

export type WorkerBootOptions = Omit<BootOptions, 'harts' | 'ramSize' | 'timebaseHz'>;

/** Methods a worker-hosted machine answers; arguments and results cross by structured clone. */
export interface MachineRpc {
  create(options: MachineOptions): { harts: number; ramSize: bigint };
  boot(opts: WorkerBootOptions): { fdtAddr: bigint; kernelEntry: bigint };
  run(opts: { maxInsns?: bigint; timeoutMs?: number }): RunResult;
  step(hart: number): RunResult;
  reset(): void;
  hartState(hart: number): HartState;
  getXs(hart: number): bigint[];
  setX(hart: number, i: number, v: bigint): void;
  setPC(hart: number, pc: bigint): void;
  getCSR(hart: number, csr: string | number): bigint;
  setCSR(hart: number, csr: string | number, v: bigint): void;
  readPhys(pa: bigint, len: number): Uint8Array;
  writePhys(pa: bigint, bytes: Uint8Array): void;
  readVirt(hart: number, va: bigint, len: number, access: Access): Uint8Array;
  addBreakpoint(pc: bigint): void;
  removeBreakpoint(pc: bigint): void;
  sendUart(bytes: Uint8Array): void;
  subscribe(kinds: EventKind[]): void;
  instructionCounts(): bigint[];
  /** Every hart's pc, mode, WFI state and count (one call for a debugger refresh). */
  hartStates(): HartState[];
  getFs(hart: number): bigint[];
  translate(hart: number, va: bigint, access: Access): { pa: bigint } | { fault: number };
  addWatchpoint(pa: bigint, len: number, kind: 'load' | 'store' | 'access'): void;
  removeWatchpoint(pa: bigint): void;
  /** ELF symbols of the loaded images. */
  symbols(): ImageSymbols[];
  /**
   * The machine's shared memory, to read it while it runs (core/emu/live-view.ts); undefined
   * where a SharedArrayBuffer cannot be posted (a page that is not cross-origin isolated).
   */
  liveView(): LiveViewInit | undefined;
}

export type RpcMethod = keyof MachineRpc;

export type ToWorker =
  { type: 'call'; id: number; method: RpcMethod; args: unknown[] } | { type: 'pause' };

export type FromWorker =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'uart'; bytes: Uint8Array }
  | { type: 'events'; events: EmuEvent[] };

/** A message port, whatever the host: worker_threads' parentPort, a Web Worker's self, a Worker. */
export interface Endpoint {
  post(msg: unknown): void;
  listen(handler: (msg: unknown) => void): void;
}
