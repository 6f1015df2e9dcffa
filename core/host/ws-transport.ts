// The web-mode transport: one WebSocket to the loopback server started by `npm start`. Written
// against a minimal structural WebSocket type so core/ stays free of DOM and Node imports; the
// browser's WebSocket (and the `ws` package in tests) fit it.
import { HostError } from './errors.js';
import {
  WsServerMessage,
  type CallResult,
  type HostTransport,
  type WsRequest,
} from './transport.js';

export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;

export interface WebSocketTransport extends HostTransport {
  /** Resolves once connected; rejects with a HostError("disconnected") if the socket closes. */
  readonly ready: Promise<void>;
  close(): void;
}

export function createWebSocketTransport(socket: WebSocketLike): WebSocketTransport {
  let nextId = 1;
  let closed: HostError | null = null;
  const pending = new Map<number, (result: CallResult) => void>();
  const listeners = new Set<(event: unknown) => void>();
  // Events that arrive before anyone subscribes wait for the first listener.
  const early: unknown[] = [];
  const queue: string[] = [];

  const ready = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      for (const message of queue.splice(0)) socket.send(message);
      resolve();
    });
    socket.addEventListener('close', (event) => {
      closed = new HostError(
        'disconnected',
        `the connection to Bao Studio's host closed (${event.code}${event.reason ? `: ${event.reason}` : ''}); restart it with \`npm start\``,
      );
      reject(closed);
      for (const settle of pending.values()) settle({ ok: false, error: closed.toData() });
      pending.clear();
    });
  });
  // Callers that never await `ready` must not see an unhandled rejection.
  ready.catch(() => {});

  socket.addEventListener('error', () => {
    // The close event that follows carries the details.
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.data);
    } catch {
      return;
    }
    const message = WsServerMessage.safeParse(parsed);
    if (!message.success) return;
    if (message.data.kind === 'event') {
      if (listeners.size === 0) {
        if (early.length < 100) early.push(message.data.event);
      } else for (const listener of listeners) listener(message.data.event);
    } else {
      const settle = pending.get(message.data.id);
      pending.delete(message.data.id);
      settle?.(message.data.result);
    }
  });

  return {
    ready,
    call(channel, args) {
      if (closed) return Promise.resolve({ ok: false, error: closed.toData() });
      const id = nextId++;
      const request: WsRequest = { kind: 'call', id, channel, args };
      const text = JSON.stringify(request);
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const event of early.splice(0)) listener(event);
      return () => listeners.delete(listener);
    },
    close() {
      socket.close(1000, 'client closed');
    },
  };
}
