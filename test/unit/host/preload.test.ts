// The preload against a stand-in `electron`: it exposes exactly the transport on window.baoHost,
// forwards calls to the one IPC channel, and keeps events that arrive before the renderer
// subscribes.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CALL, IPC_EVENT } from '../../../core/host/index.js';

const fake = vi.hoisted(() => {
  const state = {
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    onEvent: undefined as undefined | ((e: unknown, payload: unknown) => void),
    onChannel: '',
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => (state.invoked.push(args), { ok: true, value: null }),
      on: (channel: string, fn: (e: unknown, payload: unknown) => void) => {
        state.onChannel = channel;
        state.onEvent = fn;
      },
    },
  };
  return { state, electron };
});
vi.mock('electron', () => fake.electron);

type Bridge = {
  call(channel: string, args: unknown[]): Promise<unknown>;
  subscribe(listener: (e: unknown) => void): () => void;
};
let bridge: Bridge;

beforeAll(async () => {
  await import('../../../main/electron/preload.js');
  bridge = fake.state.exposed.get(BRIDGE_GLOBAL) as Bridge;
});

describe('preload', () => {
  it('exposes only the host transport', () => {
    expect([...fake.state.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('sends calls on the one host channel', async () => {
    await bridge.call('app.info', []);
    expect(fake.state.invoked).toEqual([[IPC_CALL, 'app.info', []]]);
  });

  it('keeps early events for the first subscriber, then delivers live', () => {
    expect(fake.state.onChannel).toBe(IPC_EVENT);
    const early = { type: 'open-project', document: { path: '/a.baoproj', text: '{}' } };
    fake.state.onEvent!({}, early);
    const seen: unknown[] = [];
    const off = bridge.subscribe((e) => seen.push(e));
    expect(seen).toEqual([early]);
    fake.state.onEvent!({}, { type: 'command', command: 'save' });
    expect(seen).toHaveLength(2);
    off();
    // Delivered once: a later subscriber does not get the early event again.
    const later: unknown[] = [];
    bridge.subscribe((e) => later.push(e));
    expect(later).toEqual([]);
  });
});
