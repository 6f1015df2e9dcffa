// The exports of emu.wasm as core/emu/as/ABI.md defines them: the one place that knows the
// WebAssembly module's shape. Everything else talks to the typed Machine.

export interface EmuExports {
  memory: WebAssembly.Memory;
  create(ramBytes: bigint, harts: number): number;
  reset(): void;
  ramBase(): bigint;
  ramSize(): bigint;
  harts(): number;
  setOption(id: number, value: bigint): void;
  getOption(id: number): bigint;
  mtime(): bigint;
  setMtime(t: bigint): void;
  flushCaches(): void;
  /** JIT on/off, its threshold, the virtual time it starts at; drops every translation. */
  jitConfigure(on: number, threshold: number, after: bigint): void;
  /** 0: calls into translated code, 1: instructions retired there. */
  jitRunStats(k: number): bigint;
  run(maxInsns: bigint): number;
  step(hart: number): number;
  stopHart(): number;
  lastRunInsns(): bigint;
  setBreakpoint(pc: bigint): number;
  clearBreakpoint(pc: bigint): void;
  clearBreakpoints(): void;
  powerState(): number;
  powerCode(): number;
  getX(h: number, i: number): bigint;
  setX(h: number, i: number, v: bigint): void;
  getF(h: number, i: number): bigint;
  setF(h: number, i: number, v: bigint): void;
  getPC(h: number): bigint;
  setPC(h: number, v: bigint): void;
  getPriv(h: number): number;
  getVirt(h: number): number;
  setPriv(h: number, priv: number, virt: number): void;
  getCSR(h: number, num: number): bigint;
  setCSR(h: number, num: number, v: bigint): number;
  csrExists(h: number, num: number): number;
  instret(h: number): bigint;
  translate(h: number, va: bigint, access: number): bigint;
  translateCause(): number;
  physRead8(pa: bigint): number;
  physWrite8(pa: bigint, v: number): number;
  hartOffset(h: number): number;
  romOffset(): number;
  romSize(): number;
  ramOffset(): number;
  uartTxRingOffset(): number;
  uartRxRingOffset(): number;
  eventRingOffset(): number;
  scratchOffset(): number;
  scratchSize(): number;
  setEventMask(mask: number): void;
  uartPush(byte: number): number;
  uartPop(): number;
}

export const REQUIRED_EXPORTS: (keyof EmuExports)[] = [
  'memory',
  'create',
  'reset',
  'ramBase',
  'ramSize',
  'harts',
  'setOption',
  'getOption',
  'mtime',
  'setMtime',
  'flushCaches',
  'jitConfigure',
  'jitRunStats',
  'run',
  'step',
  'stopHart',
  'lastRunInsns',
  'setBreakpoint',
  'clearBreakpoint',
  'clearBreakpoints',
  'powerState',
  'powerCode',
  'getX',
  'setX',
  'getF',
  'setF',
  'getPC',
  'setPC',
  'getPriv',
  'getVirt',
  'setPriv',
  'getCSR',
  'setCSR',
  'csrExists',
  'instret',
  'translate',
  'translateCause',
  'physRead8',
  'physWrite8',
  'hartOffset',
  'romOffset',
  'romSize',
  'ramOffset',
  'uartTxRingOffset',
  'uartRxRingOffset',
  'eventRingOffset',
  'setEventMask',
];

/** Option ids of setOption/getOption. */
export const OPT = {
  insnsPerTick: 0,
  quantum: 1,
  wallClock: 2,
  hExtension: 3,
  sstc: 4,
  svpbmt: 5,
  zicbom: 6,
  zicboz: 7,
  svinval: 8,
  aia: 9,
  aiaGuests: 10,
} as const;

/** Stop reasons returned by run/step. */
export const STOP = { budget: 0, breakpoint: 1, power: 2, idle: 3, stepped: 4 } as const;

/** Hart register block offsets (ABI.md). */
export const HART_BLOCK = {
  x: 0,
  f: 256,
  pc: 512,
  priv: 520,
  virt: 524,
  wfi: 528,
  running: 532,
  instret: 536,
} as const;

/** Export names the module lacks (empty when it implements the whole ABI). */
export function missingExports(exports: WebAssembly.Exports): string[] {
  return REQUIRED_EXPORTS.filter((name) => !(name in exports));
}
