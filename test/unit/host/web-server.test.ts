// The web-mode server over real sockets: static files with the CSP, and the host WebSocket,
// which only our page (right token, our Origin, our Host) may open.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import {
  createHostClient,
  createWebSocketTransport,
  WS_PATH,
  type WebSocketLike,
} from '../../../core/host/index.js';
import { startWebMode, type WebMode } from '../../../main/web/web-mode.js';
import { tempDir } from './fixtures.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let server: WebMode;

beforeAll(async () => {
  tmp = await tempDir();
  const rendererDir = join(tmp.dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Bao Studio</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmp.dir, 'secret.txt'), 'secret');
  server = await startWebMode({ rendererDir, home: join(tmp.dir, 'home'), port: 0, log: () => {} });
});
afterAll(async () => {
  await server?.close();
  await tmp.cleanup();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path, headers, method: 'GET' },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

/** Opens a WebSocket; resolves with the socket or the HTTP status that refused it. */
function connect(query: string, origin: string | undefined) {
  return new Promise<{ ws?: WebSocket; status?: number }>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}${query}`, {
      headers: origin ? { Origin: origin } : {},
    });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode });
      ws.terminate();
    });
    ws.on('error', reject);
  });
}

describe('web-mode HTTP server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  it('serves the renderer with the CSP and hardening headers', async () => {
    const page = await get('/', { Host: `127.0.0.1:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Bao Studio');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
    expect(csp.split(/[; ]+/)).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/https?:/); // no remote content
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await get('/assets/app.js', { Host: `127.0.0.1:${server.port}` });
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer', async () => {
    expect((await get('/', { Host: `evil.example:${server.port}` })).status).toBe(421);
    const escape = await get('/..%2fsecret.txt', { Host: `127.0.0.1:${server.port}` });
    expect(escape.status).toBeGreaterThanOrEqual(400);
    expect(escape.body).not.toContain('secret');
  });
});

describe('web-mode host WebSocket', () => {
  const ours = () => server.origin;

  it('refuses a connection without the token, or with a wrong one', async () => {
    expect((await connect('', ours())).status).toBe(401);
    expect((await connect('?token=' + '0'.repeat(64), ours())).status).toBe(401);
    expect((await connect('?token=' + server.token.slice(0, 10), ours())).status).toBe(401);
  });

  it('refuses another Origin, or none, even with the right token', async () => {
    const token = `?token=${server.token}`;
    expect((await connect(token, 'http://evil.example')).status).toBe(403);
    expect((await connect(token, `http://127.0.0.1:${server.port + 1}`)).status).toBe(403);
    expect((await connect(token, undefined)).status).toBe(403);
  });

  it('serves typed host calls to our page', async () => {
    const { ws } = await connect(`?token=${server.token}`, ours());
    expect(ws).toBeDefined();
    const transport = createWebSocketTransport(ws as unknown as WebSocketLike);
    const host = createHostClient(transport);
    const info = await host.app.info();
    expect(info).toMatchObject({ mode: 'web', nativeDialogs: false, name: 'Bao Studio' });
    const file = join(tmp.dir, 'over-ws.baoproj');
    const blank = await host.projects.newBlank('qemu-riscv64-virt', 'v1.0');
    await host.projects.save(file, blank.text);
    expect(await host.projects.open(file)).toEqual({ path: file, text: blank.text });
    await expect(host.projects.open(join(tmp.dir, 'missing.baoproj'))).rejects.toMatchObject({
      code: 'not-found',
    });
    transport.close();
  });

  it('pushes host events, keeping those sent before the page subscribes', async () => {
    const { ws } = await connect(`?token=${server.token}`, ours());
    const transport = createWebSocketTransport(ws as unknown as WebSocketLike);
    const host = createHostClient(transport);
    await host.app.info(); // connected and served
    server.broadcast({ type: 'command', command: 'undo' });
    await new Promise((r) => setTimeout(r, 100));
    const seen: unknown[] = [];
    host.onEvent((e) => seen.push(e));
    server.broadcast({ type: 'command', command: 'redo' });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      { type: 'command', command: 'undo' },
      { type: 'command', command: 'redo' },
    ]);
    expect(() => server.broadcast({ type: 'command', command: 'format-disk' } as never)).toThrow();
    transport.close();
  });

  it('answers a malformed call with bad-request and closes on garbage', async () => {
    const { ws } = await connect(`?token=${server.token}`, ours());
    const socket = ws as WebSocket;
    const reply = new Promise<unknown>((resolve) =>
      socket.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    socket.send(JSON.stringify({ kind: 'call', id: 7, channel: 'projects.save', args: [1, 2] }));
    expect(await reply).toMatchObject({
      kind: 'result',
      id: 7,
      result: { ok: false, error: { code: 'bad-request' } },
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('not json');
    expect(await closed).toBe(1007);
  });
});
