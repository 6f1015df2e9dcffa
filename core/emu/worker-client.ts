// The owner's side of the protocol: a Machine-like async handle on a machine in a worker.
import type { EmuEvent } from './events.js';
import type { Endpoint, FromWorker, MachineRpc, RpcMethod } from './protocol.js';
import { LiveView } from './live-view.js';

export class MachineClient {
  private nextId = 1;
  private waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private uart = new Set<(b: Uint8Array) => void>();
  private events = new Set<(e: EmuEvent) => void>();

  constructor(
    private readonly endpoint: Endpoint,
    private readonly onClose?: () => void,
  ) {
    endpoint.listen((raw) => {
      const m = raw as FromWorker;
      if (m.type === 'uart') for (const l of this.uart) l(m.bytes);
      else if (m.type === 'events') for (const e of m.events) for (const l of this.events) l(e);
      else {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.ok) w?.resolve(m.value);
        else w?.reject(new Error(m.error));
      }
    });
  }

  /** A view on the machine's registers and RAM that reads them while it runs (no messages). */
  async liveView(): Promise<LiveView | undefined> {
    const init = await this.call('liveView');
    return init && new LiveView(init);
  }

  call<K extends RpcMethod>(
    method: K,
    ...args: Parameters<MachineRpc[K]>
  ): Promise<ReturnType<MachineRpc[K]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.endpoint.post({ type: 'call', id, method, args });
    });
  }

  /** Stops a running `run` call at its next chunk boundary (the run call then resolves 'paused'). */
  pause(): void {
    this.endpoint.post({ type: 'pause' });
  }

  onUart(l: (b: Uint8Array) => void): () => void {
    this.uart.add(l);
    return () => this.uart.delete(l);
  }

  onEvent(l: (e: EmuEvent) => void): () => void {
    this.events.add(l);
    return () => this.events.delete(l);
  }

  /** Fails every call still waiting (the worker died or was terminated). */
  failAll(reason: string): void {
    for (const w of this.waiting.values()) w.reject(new Error(reason));
    this.waiting.clear();
  }

  close(): void {
    this.failAll('machine worker closed');
    this.onClose?.();
  }
}
