// connectHost: what the renderer calls once at start-up. In the desktop app the preload has put
// the IPC bridge on `window.baoHost`; in web mode the page was opened as
// http://127.0.0.1:PORT/?token=… and we open the WebSocket with that token.
import './zod-csp.js';
import { createHostClient } from './client.js';
import { HostError } from './errors.js';
import type { HostClient } from './service.js';
import { BRIDGE_GLOBAL, WS_PATH, type HostTransport } from './transport.js';
import { createWebSocketTransport, type WebSocketLike } from './ws-transport.js';

/** The parts of `window` connectHost uses (structural, so core/ needs no DOM types). */
export interface BrowserGlobals {
  [BRIDGE_GLOBAL]?: HostTransport;
  location: { protocol: string; host: string; search: string };
  WebSocket: new (url: string) => WebSocketLike;
}

export interface HostConnection {
  host: HostClient;
  mode: 'electron' | 'web';
  /** Resolves when the host is reachable (immediately for Electron). */
  ready: Promise<void>;
}

export function connectHost(globals: BrowserGlobals): HostConnection {
  const bridge = globals[BRIDGE_GLOBAL];
  if (bridge && typeof bridge.call === 'function') {
    return { host: createHostClient(bridge), mode: 'electron', ready: Promise.resolve() };
  }
  const token = new URLSearchParams(globals.location.search).get('token');
  if (!token) {
    throw new HostError(
      'disconnected',
      'no host: open the address printed by `npm start` (it carries the session token)',
    );
  }
  const scheme = globals.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${globals.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
  const transport = createWebSocketTransport(new globals.WebSocket(url));
  return { host: createHostClient(transport), mode: 'web', ready: transport.ready };
}
