// The worker side of the protocol: owns one Machine and answers calls. Runs in a Node worker
// thread (core/emu/node/worker-entry.ts) or a Web Worker (core/emu/web/worker-entry.ts).
import { Machine } from './machine.js';
import type { EmuEvent } from './events.js';
import type { Endpoint, FromWorker, MachineRpc, ToWorker } from './protocol.js';

export function serveMachine(
  endpoint: Endpoint,
  loadWasm: () => Promise<WebAssembly.Module | BufferSource>,
): void {
  let machine: Machine | undefined;
  let pending: EmuEvent[] = [];
  const send = (m: FromWorker): void => endpoint.post(m);
  const need = (): Machine => {
    if (!machine) throw new Error('no machine yet: call create first');
    return machine;
  };
  const flushEvents = (): void => {
    if (pending.length) send({ type: 'events', events: pending });
    pending = [];
  };

  const methods: {
    [K in keyof MachineRpc]: (
      ...args: Parameters<MachineRpc[K]>
    ) => ReturnType<MachineRpc[K]> | Promise<ReturnType<MachineRpc[K]>>;
  } = {
    async create(options) {
      if (machine) throw new Error('this worker already has a machine');
      machine = await Machine.create(await loadWasm(), options);
      machine.onUart((bytes) => send({ type: 'uart', bytes }));
      return { harts: machine.harts, ramSize: machine.ramSize };
    },
    boot: (opts) => {
      const plan = need().boot(opts);
      return { fdtAddr: plan.fdtAddr, kernelEntry: plan.kernelEntry };
    },
    run: async (opts) => {
      const r = await need().runUntil({ ...opts });
      flushEvents();
      return r;
    },
    step: (hart) => need().step(hart),
    reset: () => need().reset(),
    hartState: (h) => need().hartState(h),
    getXs: (h) => need().getXs(h),
    setX: (h, i, v) => need().setX(h, i, v),
    setPC: (h, pc) => need().setPC(h, pc),
    getCSR: (h, c) => need().getCSR(h, c),
    setCSR: (h, c, v) => need().setCSR(h, c, v),
    readPhys: (pa, len) => need().readPhys(pa, len),
    writePhys: (pa, b) => need().writePhys(pa, b),
    readVirt: (h, va, len, access) => need().readVirt(h, va, len, access),
    addBreakpoint: (pc) => need().addBreakpoint(pc),
    removeBreakpoint: (pc) => need().removeBreakpoint(pc),
    sendUart: (b) => need().sendUart(b),
    subscribe: (kinds) => {
      need().onEvent(kinds, (e) => {
        pending.push(e);
        if (pending.length >= 256) flushEvents();
      });
    },
    instructionCounts: () => need().instructionCounts(),
    hartStates: () => {
      const m = need();
      return Array.from({ length: m.harts }, (_, h) => m.hartState(h));
    },
    getFs: (h) => Array.from({ length: 32 }, (_, i) => need().getF(h, i)),
    translate: (h, va, access) => need().translate(h, va, access),
    addWatchpoint: (pa, len, kind) => need().addWatchpoint(pa, len, kind),
    removeWatchpoint: (pa) => need().removeWatchpoint(pa),
    symbols: () => need().symbols,
    liveView: () => {
      // posting a SharedArrayBuffer needs cross-origin isolation in browsers
      const g = globalThis as { crossOriginIsolated?: boolean };
      return g.crossOriginIsolated === false ? undefined : need().liveViewInit();
    },
  };

  endpoint.listen(async (raw) => {
    const msg = raw as ToWorker;
    if (msg.type === 'pause') {
      machine?.pause();
      return;
    }
    try {
      const fn = methods[msg.method] as (...a: unknown[]) => unknown;
      const value = await fn(...msg.args);
      flushEvents();
      send({ type: 'reply', id: msg.id, ok: true, value });
    } catch (e) {
      send({
        type: 'reply',
        id: msg.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  });
}
