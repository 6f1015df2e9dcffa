// The real `bao-studio` bin, spawned as a user would run it: each subcommand's output, files and
// exit code, and one-line errors (exit 2, no stack trace) for user mistakes.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../assets/examples/index.js';
import { parseProject } from '../../../core/bao/model/index.js';
import { platforms } from '../../../core/bao/platforms/index.js';
import { findDtc } from '../../../toolchain/dtc.js';

const BIN = join(import.meta.dirname, '../../../bin/bao-studio.mjs');
const work = mkdtempSync(join(tmpdir(), 'bao-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const haveDtc = (await findDtc()) !== undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return cliEnv(process.env, ...args);
}

function cliEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: work, timeout: 60_000, env },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

/** A user mistake: exit 2, one line on stderr naming the problem, no stack trace. */
function expectUserError(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('bao-studio', () => {
  it('platforms prints a table of the catalog, and JSON with --json', async () => {
    const table = await cli('platforms');
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PLATFORM\s+ARCH\s+BAO\s+CPUS/);
    expect(lines).toHaveLength(platforms.length + 1);
    expect(table.stdout).toMatch(/qemu-riscv64-virt\s+riscv64\s+v1\.0,v2\s+4\s+PLIC\/APLIC\/AIA/);
    // Platforms with many memory banks stay one readable row; --json has them all.
    expect(table.stdout).toMatch(
      /^tc4dx .* 0xa0000000\+0x400000, 0x90000000\+0x80000 \(\+21 more\)$/m,
    );
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(160);
    const json = JSON.parse((await cli('platforms', '--json')).stdout) as { name: string }[];
    expect(json.map((p) => p.name)).toEqual(platforms.map((p) => p.name));
  });

  it('new --example writes the example project; new --list lists them', async () => {
    const r = await cli('new', '--example', 'baremetal-linux-shmem', '-o', 'v.baoproj');
    expect(r.code).toBe(0);
    const p = parseProject(readFileSync(join(work, 'v.baoproj'), 'utf8'));
    expect(p.config.vmlist.map((v) => v.meta?.name)).toEqual(['baremetal', 'linux']);
    const list = await cli('new', '--list');
    expect(list.stdout.trim().split('\n')).toHaveLength(EXAMPLES.length);
  });

  it('new --platform prints a blank project', async () => {
    const r = await cli('new', '--platform', 'qemu-aarch64-virt', '--bao', 'v1.0');
    expect(r.code).toBe(0);
    const p = parseProject(r.stdout);
    expect(p.target).toEqual({ bao: 'v1.0', platform: 'qemu-aarch64-virt' });
  });

  it('validate passes an example (exit 0) and fails a broken project (exit 1, JSON)', async () => {
    await cli('new', '--example', 'baremetal', '-o', 'ok.baoproj');
    const ok = await cli('validate', 'ok.baoproj');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok\.baoproj: 0 errors/);

    const p = JSON.parse(readFileSync(join(work, 'ok.baoproj'), 'utf8'));
    p.config.vmlist[0].platform.cpu_num = 9; // qemu-riscv64-virt has 4 harts
    writeFileSync(join(work, 'bad.baoproj'), JSON.stringify(p));
    const bad = await cli('validate', 'bad.baoproj');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.baoproj:1:\d+: error: .*\[[\w/-]+\]/m);
    const json = await cli('validate', 'bad.baoproj', '--json');
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toBeGreaterThan(0);
    expect(out.diagnostics[0]).toMatchObject({
      severity: 'error',
      path: expect.stringContaining('vmlist[0]'),
    });
  });

  it('validate checks several files in one run (CI over a directory of configs)', async () => {
    const both = await cli('validate', 'ok.baoproj', 'bad.baoproj');
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^ok\.baoproj: 0 errors/m);
    expect(both.stdout).toMatch(/^bad\.baoproj: [1-9]\d* errors?,/m);
    const json = await cli('validate', 'ok.baoproj', 'bad.baoproj', '--json');
    expect(
      (JSON.parse(json.stdout) as { file: string; ok: boolean }[]).map((r) => [r.file, r.ok]),
    ).toEqual([
      ['ok.baoproj', true],
      ['bad.baoproj', false],
    ]);
    // A file that cannot be read is reported and the others are still checked; exit 2.
    const missing = await cli('validate', 'missing.baoproj', 'ok.baoproj');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read missing\.baoproj/);
    expect(missing.stdout).toMatch(/^ok\.baoproj: 0 errors/m);
  });

  it('validate points at file:line:column like a compiler, for a project and for a config.c', async () => {
    const p = JSON.parse(readFileSync(join(work, 'ok.baoproj'), 'utf8'));
    p.config.vmlist[0].platform.cpu_num = 9;
    const text = JSON.stringify(p, null, 2);
    writeFileSync(join(work, 'pretty.baoproj'), text);
    const line = text.split('\n').findIndex((l) => l.includes('"cpu_num": 9')) + 1;
    const r = await cli('validate', 'pretty.baoproj');
    expect(r.code).toBe(1);
    const at = new RegExp(`^pretty\\.baoproj:${line}:\\d+: error: .*\\[cpu/total\\]`, 'm');
    expect(r.stdout).toMatch(at);
    // What Bao itself does about it follows as a note at the same place.
    expect(r.stdout).toMatch(new RegExp(`^pretty\\.baoproj:${line}:\\d+: note: Bao: `, 'm'));
    const json = JSON.parse((await cli('validate', 'pretty.baoproj', '--json')).stdout);
    expect(json.diagnostics.find((d: { rule: string }) => d.rule === 'cpu/total')).toMatchObject({
      line,
      column: expect.any(Number),
    });

    const c = [
      '#include <config.h>',
      'VM_IMAGE(bm, XSTR(BAO_WRKDIR_IMGS/bm.bin))',
      'struct config config = {',
      '    CONFIG_HEADER',
      '    .vmlist_size = 1,',
      '    .vmlist = {',
      '        {',
      '            .image = VM_IMAGE_BUILTIN(bm, 0x80200000),',
      '            .entry = 0x80200000,',
      '            .platform = {',
      '                .cpu_num = 1,',
      '                .region_num = 1,',
      '                .regions = (struct vm_mem_region[]) {{ .base = 0x80200000, .size = 0x4000000 }},',
      '                .dev_num = 2,',
      '                .devs = (struct vm_dev_region[]) {',
      '                    { .pa = 0x10000000, .va = 0x10000000, .size = 0x1000 },',
      '                },',
      '                .arch = { .irqc.plic.base = 0xc000000 },',
      '            },',
      '        },',
      '    },',
      '};',
      '',
    ].join('\n');
    writeFileSync(join(work, 'counts.c'), c);
    const v = await cli('validate', 'counts.c', '--platform', 'qemu-riscv64-virt', '--bao', 'v1.0');
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /^counts\.c:14:\d+: error: VM 0 "bm" devs: dev_num = 2 but only 1 entry is listed; Bao reads 1 entry past the end of the array \[config\/count-mismatch\]/m,
    );
  });

  it('generate writes config.c, the Linux DTS and (with dtc) the DTB; import reads config.c back', async () => {
    const r = await cli('generate', 'v.baoproj', '-o', 'out');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${join('out', 'config.c')}`);
    const c = readFileSync(join(work, 'out', 'config.c'), 'utf8');
    expect(c).toContain('.vmlist = {'); // the example targets Bao v1.0
    expect(readFileSync(join(work, 'out', 'linux.dts'), 'utf8')).toContain('"bao,ipcshmem"');
    if (haveDtc) {
      const dtb = readFileSync(join(work, 'out', 'linux.dtb'));
      expect(dtb.readUInt32BE(0)).toBe(0xd00dfeed);
    }
    const v2 = await cli('generate', 'v.baoproj', '-o', 'out2', '--bao', 'v2', '--no-dtb');
    expect(v2.code).toBe(0);
    expect(readFileSync(join(work, 'out2', 'config.c'), 'utf8')).toContain(
      '.vmlist = (struct vm_config[]) {',
    );
    expect(existsSync(join(work, 'out2', 'linux.dtb'))).toBe(false);

    const imp = await cli(
      'import',
      join('out', 'config.c'),
      '--platform',
      'qemu-riscv64-virt',
      '-o',
      'back.baoproj',
    );
    expect(imp.code).toBe(0);
    const back = parseProject(readFileSync(join(work, 'back.baoproj'), 'utf8'));
    expect(back.target.bao).toBe('v1.0');
    expect(back.config.vmlist[1].platform.ipcs[0].interrupts).toEqual([52]);
    const val = await cli('validate', join('out', 'config.c'), '--platform', 'qemu-riscv64-virt');
    expect(val.code).toBe(0);
  });

  it('generate reports dtc errors at the .dts line and leaves no stale .dtb', async () => {
    // A dtc that rejects every tree, in its own message format, stands in for a real failure.
    const bin = join(work, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    const dtc = join(bin, 'dtc');
    writeFileSync(
      dtc,
      "#!/bin/sh\ncat >/dev/null\necho '<stdin>:7.3-10: ERROR (reg_format): /cpus: bad reg' >&2\nexit 1\n",
    );
    chmodSync(dtc, 0o755);
    mkdirSync(join(work, 'stale'), { recursive: true });
    writeFileSync(join(work, 'stale', 'linux.dtb'), 'old blob');
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
    const r = await cliEnv(env, 'generate', 'v.baoproj', '-o', 'stale');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${join('stale', 'linux.dts')}:7:3: error: /cpus: bad reg [reg_format]`,
    );
    expect(existsSync(join(work, 'stale', 'linux.dts'))).toBe(true);
    expect(existsSync(join(work, 'stale', 'linux.dtb'))).toBe(false);
  });

  it('generate refuses a project with validation errors unless --force', async () => {
    const r = await cli('generate', 'bad.baoproj', '-o', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not generated: \d+ validation error/);
    expect(existsSync(join(work, 'nope'))).toBe(false);
    const forced = await cli('generate', 'bad.baoproj', '-o', 'forced', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(work, 'forced', 'config.c'), 'utf8')).toContain('.cpu_num = 9,');
  });

  it('gives one-line errors for user mistakes', async () => {
    expectUserError(
      await cli('validate', 'missing.baoproj'),
      /cannot read missing\.baoproj: no such file/,
    );
    writeFileSync(join(work, 'notjson.baoproj'), '{ "format": ');
    expectUserError(
      await cli('validate', 'notjson.baoproj'),
      /notjson\.baoproj:1:\d+: not valid JSON/,
    );
    writeFileSync(join(work, 'empty.baoproj'), '\n');
    expectUserError(await cli('validate', 'empty.baoproj'), /empty\.baoproj: the file is empty/);
    writeFileSync(join(work, 'image.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0]));
    expectUserError(await cli('validate', 'image.bin'), /image\.bin: not a text file/);
    expectUserError(await cli('validate', 'out'), /cannot read out: is a directory/);
    expectUserError(
      await cli('new', '--example', 'baremetal', '-o', 'v.baoproj'),
      /v\.baoproj already exists \(--force to replace it\)/,
    );
    expectUserError(
      await cli('generate', 'v.baoproj', '-o', 'v.baoproj', '--no-dtb'),
      /cannot write v\.baoproj[\\/]config\.c: a file stands where a directory is needed/,
    );
    expectUserError(await cli('validate', join('out', 'config.c')), /--platform/);
    expectUserError(
      await cli('import', join('out', 'config.c'), '--platform', 'nope'),
      /unknown platform "nope"/,
    );
    writeFileSync(
      join(work, 'broken.c'),
      '#include <config.h>\nstruct config config = {\n    .vmlist_size = 0x,\n};\n',
    );
    expectUserError(
      await cli('import', 'broken.c', '--platform', 'qemu-riscv64-virt'),
      /^bao-studio: broken\.c:3:\d+: /,
    );
    expectUserError(await cli('new', '--example', 'nope'), /no example named "nope"/);
    expectUserError(await cli('new'), /--example NAME/);
    expectUserError(
      await cli('new', '--platform', 'k3-com260', '--bao', 'v1.0'),
      /k3-com260 is not in Bao v1\.0 .*--bao v2/,
    );
    expectUserError(await cli('generate', 'v.baoproj', '--bao', 'v3'), /unknown Bao version "v3"/);
  });

  it('rejects unknown commands and missing options with usage (commander), not a stack trace', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2); // usage errors are 2, so CI tells them from validation errors (1)
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
    const imp = await cli('import', 'x.c');
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/required option '--platform <name>'/);
    // The mistake and a pointer to the usage, not the whole help page.
    expect(imp.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr + imp.stderr).not.toMatch(/\n\s+at /);
    const version = await cli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')).version,
    );
  });
});
