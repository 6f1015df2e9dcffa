// Web mode: the renderer in a browser tab, served from 127.0.0.1 with the same CSP as the
// desktop app, and the host services over a WebSocket that only our page can open: the
// connection must carry this launch's random token and come from our own origin (so another
// web site in the same browser, or DNS rebinding, cannot drive the host).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  contentSecurityPolicy,
  checkHostEvent,
  HostError,
  MAX_TEXT,
  WS_PATH,
  WsRequest,
  type HostDispatcher,
  type HostEvent,
  type WsServerMessage,
} from '../../core/host/index.js';
import { contentTypeOf } from './content-types.js';

export interface WebServerOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  dispatch: HostDispatcher;
  /** 0 (default) = a free port chosen by the OS. */
  port?: number;
  /** Fixed token (tests); default: 32 random bytes, hex. */
  token?: string;
}

export interface WebServer {
  /** http://127.0.0.1:PORT/?token=… — the address to open. */
  url: string;
  origin: string;
  port: number;
  token: string;
  csp: string;
  broadcast(event: HostEvent): void;
  /** Host WebSockets currently open (pages connected to this host). */
  clientCount(): number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const root = normalize(options.rendererDir + sep);
  let port = 0;
  let csp = '';
  // Host names our page may be reached by (checked against Host and Origin headers).
  const hosts = () => [`${LOOPBACK}:${port}`, `localhost:${port}`];

  const http = createServer((req, res) => {
    void serveStatic(req, res).catch(() => send(res, 500, 'internal error'));
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts().includes(req.headers.host ?? '')) return send(res, 421, 'wrong host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return send(res, 400, 'bad path');
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return send(res, 403, 'forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'not found');
    }
    res.writeHead(200, {
      ...securityHeaders(csp),
      'Content-Type': contentTypeOf(extname(file)),
      'Content-Length': body.length,
      // Hashed asset names can be cached; the page itself must always be fresh.
      'Cache-Control': relative === '/index.html' ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_TEXT * 2 + 64 * 1024 });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req, token, hosts());
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveHost(ws, options.dispatch));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  csp = contentSecurityPolicy({ connect: [`ws://${LOOPBACK}:${port}`, `ws://localhost:${port}`] });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    csp,
    clientCount: () => wss.clients.size,
    broadcast(event) {
      const text = JSON.stringify({
        kind: 'event',
        event: checkHostEvent(event),
      } satisfies WsServerMessage);
      for (const client of wss.clients) client.send(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

/** Why an upgrade is refused (an HTTP status line), or undefined when it is ours. */
export function checkUpgrade(
  req: IncomingMessage,
  token: string,
  hosts: string[],
): string | undefined {
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
  if (url.pathname !== WS_PATH) return '404 Not Found';
  if (!hosts.includes(req.headers.host ?? '')) return '421 Misdirected Request';
  // Browsers always send Origin on WebSocket handshakes: a missing or foreign one is refused.
  const origin = req.headers.origin;
  if (!origin || !hosts.some((h) => origin === `http://${h}`)) return '403 Forbidden';
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return '401 Unauthorized';
  }
  return undefined;
}

function serveHost(ws: WebSocket, dispatch: HostDispatcher): void {
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text frames only');
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return ws.close(1007, 'not JSON');
    }
    const request = WsRequest.safeParse(raw);
    if (!request.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== 'number') return ws.close(1008, 'not a host call');
      const error = new HostError(
        'bad-request',
        `malformed host call: ${request.error.issues[0]?.message ?? ''}`,
      );
      return reply(ws, { kind: 'result', id, result: { ok: false, error: error.toData() } });
    }
    const { id, channel, args } = request.data;
    void dispatch(channel, args).then((result) => reply(ws, { kind: 'result', id, result }));
  });
}

function reply(ws: WebSocket, message: WsServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}
