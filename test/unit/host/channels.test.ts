// The channel table as the host enforces it: every bad message is refused with an error that
// names the channel and the offending argument, before any service code runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProject } from '../../../core/bao/model/index.js';
import {
  channelNames,
  createHostClient,
  createHostDispatcher,
  HostError,
  hostChannels,
  type CallResult,
  type HostService,
} from '../../../core/host/index.js';
import { nodeHost, tempDir } from './fixtures.js';

let home: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  home = await tempDir();
});
afterEach(() => home.cleanup());

function expectError(result: CallResult, code: string, ...fragments: string[]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  for (const f of fragments) expect(result.error.message).toContain(f);
}

describe('channel table validation in the host', () => {
  it('refuses an unknown channel', async () => {
    const { dispatch } = await nodeHost(home.dir);
    expectError(await dispatch('fs.rmrf', ['/']), 'unknown-channel', '"fs.rmrf"');
    expectError(await dispatch(42, []), 'unknown-channel', 'number');
    // Inherited object keys are not channels.
    expectError(await dispatch('constructor', []), 'unknown-channel');
  });

  it('names the bad argument of a malformed request', async () => {
    const { dispatch } = await nodeHost(home.dir);
    expectError(
      await dispatch('projects.save', ['/tmp/x.baoproj', 42]),
      'bad-request',
      'projects.save',
      'args[1]',
    );
    expectError(
      await dispatch('projects.save', ['relative/x.baoproj', '{}']),
      'bad-request',
      'args[0]',
      'absolute path',
    );
    expectError(
      await dispatch('projects.newBlank', ['qemu-riscv64-virt', 'v3']),
      'bad-request',
      'args[1]',
    );
    expectError(await dispatch('projects.save', 'not an array'), 'bad-request', 'projects.save');
    // Extra arguments are not silently dropped.
    expectError(await dispatch('app.info', ['surprise']), 'bad-request', 'app.info');
  });

  it('refuses export paths that climb out of the folder and bad autosave ids', async () => {
    const { dispatch } = await nodeHost(home.dir);
    const out = join(home.dir, 'out');
    expectError(
      await dispatch('projects.export', [[{ path: '../escape.c', text: 'x' }], out]),
      'bad-request',
      'args[0][0].path',
      '..',
    );
    expectError(
      await dispatch('projects.export', [[{ path: '/etc/passwd', text: 'x' }], out]),
      'bad-request',
      'relative',
    );
    expectError(await dispatch('recovery.restore', ['../../recent']), 'bad-request', 'args[0]');
    // Nothing was written anywhere.
    expect(await readdir(home.dir)).toEqual([]);
  });

  it('refuses a response that does not match the table (host bug) and logs it', async () => {
    const { service } = await nodeHost(home.dir);
    const broken = {
      ...service,
      projects: { ...service.projects, recent: async () => [{ path: 'relative', name: 1 }] },
    } as unknown as HostService;
    const logged: unknown[] = [];
    const dispatch = createHostDispatcher(broken, { onInternalError: (e) => logged.push(e) });
    expectError(
      await dispatch('projects.recent', []),
      'bad-response',
      'projects.recent',
      'result[0]',
    );
    expect(logged).toHaveLength(1);
  });

  it('maps file-system failures to clear errors naming the path', async () => {
    const { dispatch } = await nodeHost(home.dir);
    const missing = join(home.dir, 'nope', 'x.baoproj');
    expectError(await dispatch('projects.open', [missing]), 'not-found', missing);
    expectError(await dispatch('projects.save', [missing, '{}']), 'not-found', 'no such file');
  });

  it('has a request and a response schema for every channel, grouped as group.method', () => {
    expect(channelNames.length).toBeGreaterThan(10);
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
      expect(hostChannels[name].request).toBeDefined();
      expect(hostChannels[name].response).toBeDefined();
    }
  });
});

describe('typed client', () => {
  it('round-trips calls through JSON and returns data the domain accepts', async () => {
    const { client } = await nodeHost(home.dir);
    const info = await client.app.info();
    expect(info).toMatchObject({ name: 'Bao Studio', mode: 'web', nativeDialogs: false });
    const blank = await client.projects.newBlank('qemu-riscv64-virt', 'v2');
    expect(parseProject(blank.text).target).toEqual({ bao: 'v2', platform: 'qemu-riscv64-virt' });
    const examples = await client.projects.listExamples();
    expect(examples.length).toBeGreaterThan(0);
    const example = await client.projects.newFromExample(examples[0].name);
    expect(parseProject(example.text).target.platform).toBe(examples[0].platform);
    await expect(client.projects.newFromExample('no-such-example')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('checks a request before sending it, and omits trailing undefined arguments', async () => {
    const sent: unknown[][] = [];
    const client = createHostClient({
      call: async (_channel, args) => {
        sent.push(args);
        return { ok: true, value: null };
      },
      subscribe: () => () => {},
    });
    // @ts-expect-error a number is not a path: the types say so, and so does the runtime
    await expect(client.projects.save(1, 'x')).rejects.toBeInstanceOf(HostError);
    expect(sent).toEqual([]);
    await expect(client.projects.open(undefined)).resolves.toBeNull();
    expect(sent).toEqual([[]]);
  });

  it('drops malformed events and delivers valid ones', async () => {
    let push: (e: unknown) => void = () => {};
    const client = createHostClient({
      call: async () => ({ ok: true, value: null }),
      subscribe: (listener) => {
        push = listener;
        return () => {};
      },
    });
    const seen: unknown[] = [];
    client.onEvent((e) => seen.push(e));
    push({ type: 'command', command: 'rm-rf' });
    push({ type: 'command', command: 'save' });
    expect(seen).toEqual([{ type: 'command', command: 'save' }]);
  });
});
