// `bao-studio emu`: runs firmware and kernels in the integrated emulator (QEMU-virt compatible)
// with the UART on stdio; exit 0 when every --expect text appeared, 1 otherwise — for CI, like
// wokwi-cli. Options mirror QEMU's (-bios, -kernel, -smp, -m, -dtb, -initrd, -append).
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { Machine, EmuError } from '../../../core/emu/machine.js';
import { formatMode, type EventKind } from '../../../core/emu/events.js';
import { SymbolTable } from '../../../core/emu/symbols.js';
import { parseSize, type MachineOptions } from '../../../core/emu/options.js';
import { ImageError, type BootFile } from '../../../core/emu/loaders/index.js';
import { loadEmuWasm } from '../../../core/emu/node/wasm.js';
import { UserError } from '../user-error.js';

interface EmuOpts {
  bios?: string;
  kernel?: string;
  smp: string;
  mem: string;
  dtb?: string;
  initrd?: string;
  append?: string;
  loader: string[];
  maxInsns?: string;
  timeout?: string;
  expect: string[];
  clock: string;
  quiet?: boolean;
  trace?: string;
  dumpDtb?: string;
  aia: string;
  aiaGuests: string;
  isaExt: string[];
  /** commander's --no-jit: false when given */
  jit: boolean;
}

/** Extensions `--isa-ext NAME=on|off` switches (QEMU: -cpu rv64,NAME=on). */
const ISA_EXT = {
  h: 'hExtension',
  sstc: 'sstc',
  svpbmt: 'svpbmt',
  svinval: 'svinval',
  zicbom: 'zicbom',
  zicboz: 'zicboz',
} as const;

function parseMachineExt(o: EmuOpts): MachineOptions {
  if (!['none', 'aplic', 'aplic-imsic'].includes(o.aia))
    throw new UserError(`--aia ${o.aia}: use none, aplic or aplic-imsic`);
  const aiaGuests = Number(o.aiaGuests);
  if (!/^\d+$/.test(o.aiaGuests) || aiaGuests > 7)
    throw new UserError(`--aia-guests ${o.aiaGuests}: must be 0..7`);
  if (aiaGuests > 0 && o.aia !== 'aplic-imsic')
    throw new UserError('--aia-guests needs --aia aplic-imsic');
  const out: MachineOptions = { aia: o.aia as MachineOptions['aia'], aiaGuests };
  for (const spec of o.isaExt) {
    const m = /^([a-z]+)=(on|off|true|false)$/i.exec(spec);
    const key = m ? ISA_EXT[m[1].toLowerCase() as keyof typeof ISA_EXT] : undefined;
    if (!m || !key)
      throw new UserError(
        `--isa-ext ${spec}: expected NAME=on|off with NAME one of ${Object.keys(ISA_EXT).join(', ')}`,
      );
    out[key] = /^(on|true)$/i.test(m[2]);
  }
  return out;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function readImage(path: string, what: string): BootFile {
  try {
    return { name: path, bytes: readFileSync(path) };
  } catch (e) {
    throw new UserError(
      `${path}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

function parseLoader(spec: string): { file: BootFile; addr: bigint } {
  const at = spec.lastIndexOf('@');
  if (at <= 0)
    throw new UserError(`--loader ${spec}: expected FILE@ADDR, e.g. guest.bin@0x90000000`);
  const addrText = spec.slice(at + 1);
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(addrText))
    throw new UserError(`--loader ${spec}: "${addrText}" is not an address`);
  return { file: readImage(spec.slice(0, at), 'loader file'), addr: BigInt(addrText) };
}

function parseCount(text: string, flag: string): bigint {
  if (!/^\d+(_\d+)*$/.test(text.replace(/[kMG]$/, '')))
    throw new UserError(`${flag} ${text}: not a number`);
  const mult = text.endsWith('k')
    ? 1_000n
    : text.endsWith('M')
      ? 1_000_000n
      : text.endsWith('G')
        ? 1_000_000_000n
        : 1n;
  return BigInt(text.replace(/[kMG_]/g, '')) * mult;
}

export function registerEmu(program: Command, setExit: (code: number) => void): void {
  program
    .command('emu')
    .description(
      'run firmware/kernels in the integrated RISC-V emulator (QEMU virt board), UART on stdio (in a terminal, keys go to the guest; Ctrl-] quits)',
    )
    .option('--bios <file>', 'firmware at 0x80000000 (e.g. OpenSBI fw_jump.elf), or "none"')
    .option(
      '--kernel <file>',
      'kernel or payload (ELF at its addresses; raw at 0x80200000 after a firmware)',
    )
    .option('--smp <n>', 'number of harts, 1..8', '1')
    .option('--mem <size>', 'RAM size (e.g. 256M, 2G)', '128M')
    .option('--dtb <file>', 'a device tree blob instead of the generated one')
    .option('--initrd <file>', 'initial ramdisk (placed like QEMU)')
    .option('--append <text>', 'kernel command line (/chosen/bootargs)')
    .option(
      '--loader <file@addr>',
      'load a file at an address (repeatable), like -device loader',
      collect,
      [],
    )
    .option('--max-insns <n>', 'stop after this many instructions (all harts; k/M/G suffixes)')
    .option('--timeout <seconds>', 'stop after this much wall time')
    .option(
      '--expect <text>',
      'text the UART must print (repeatable); stops once all appeared',
      collect,
      [],
    )
    .option('--clock <mode>', 'deterministic (mtime follows instructions) or wall', 'deterministic')
    .option('--quiet', 'do not copy the UART to stdout')
    .option('--trace <kinds>', 'print events to stderr: traps, modes, or traps,modes')
    .option(
      '--dump-dtb <file>',
      'write the device tree the guest gets to a file and exit (like QEMU dumpdtb)',
    )
    .option('--aia <mode>', 'interrupt controllers: none (PLIC), aplic, aplic-imsic', 'none')
    .option('--aia-guests <n>', 'IMSIC guest interrupt files per hart (with aplic-imsic)', '0')
    .option(
      '--isa-ext <name=on|off>',
      `switch an extension (repeatable): ${Object.keys(ISA_EXT).join(', ')}`,
      collect,
      [],
    )
    .option('--no-jit', 'interpret only: no translation of hot code to WebAssembly (same results)')
    .action(async (o: EmuOpts) => setExit(await runEmu(o)));
}

async function runEmu(o: EmuOpts): Promise<number> {
  const harts = Number(o.smp);
  if (!Number.isInteger(harts) || harts < 1 || harts > 8)
    throw new UserError(`--smp ${o.smp}: must be 1..8`);
  let ramSize: bigint;
  try {
    ramSize = parseSize(o.mem);
  } catch (e) {
    throw new UserError(`--mem: ${(e as Error).message}`);
  }
  if (o.clock !== 'deterministic' && o.clock !== 'wall')
    throw new UserError(`--clock ${o.clock}: use deterministic or wall`);
  const bios = o.bios && o.bios !== 'none' ? readImage(o.bios, 'firmware') : undefined;
  const kernel = o.kernel ? readImage(o.kernel, 'kernel') : undefined;
  if (!bios && !kernel && !o.loader.length)
    throw new UserError('nothing to run: give --bios and/or --kernel');
  const boot = {
    bios,
    kernel,
    dtb: o.dtb ? readImage(o.dtb, 'device tree') : undefined,
    initrd: o.initrd ? readImage(o.initrd, 'initrd') : undefined,
    bootargs: o.append,
    loaders: o.loader.map(parseLoader),
  };
  const maxInsns = o.maxInsns ? parseCount(o.maxInsns, '--max-insns') : undefined;
  const timeoutMs = o.timeout ? Number(o.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new UserError(`--timeout ${o.timeout}: must be a positive number of seconds`);

  const ext = parseMachineExt(o);
  let machine: Machine;
  try {
    machine = await Machine.create(await loadEmuWasm(), {
      harts,
      ramSize,
      clock: o.clock,
      jit: o.jit,
      ...ext,
    });
    machine.boot(boot);
  } catch (e) {
    if (e instanceof ImageError || e instanceof EmuError) throw new UserError(e.message);
    throw e;
  }
  if (o.dumpDtb) {
    try {
      writeFileSync(o.dumpDtb, machine.plan!.fdt);
    } catch (e) {
      throw new UserError(`${o.dumpDtb}: cannot write the device tree (${(e as Error).message})`);
    }
    process.stderr.write(
      `bao-studio emu: device tree (${machine.plan!.fdt.length} bytes, at 0x${machine.plan!.fdtAddr.toString(16)}) written to ${o.dumpDtb}\n`,
    );
    return 0;
  }
  if (o.trace) traceEvents(machine, o.trace);

  // UART: guest output to stdout (and matched against --expect), host input to the guest.
  let seen = '';
  const pending = new Set(o.expect);
  const keep = Math.max(0, ...o.expect.map((e) => e.length)) * 2 + 64;
  machine.onUart((bytes) => {
    if (!o.quiet) process.stdout.write(bytes);
    if (!pending.size) return;
    seen = (seen + Buffer.from(bytes).toString('latin1')).slice(-keep - bytes.length);
    for (const e of pending) if (seen.includes(e)) pending.delete(e);
  });
  let wake: (() => void) | undefined;
  const stdin = process.stdin;
  const onInput = (d: Buffer): void => {
    if (stdin.isTTY && d.includes(0x1d)) machine.pause(); // Ctrl-] quits, as in telnet
    machine.sendUart(d);
    wake?.();
  };
  // Once stdin is closed, harts that all wait for input (and no timer) can never wake again.
  let stdinEnded = false;
  let stuck = false;
  const onEnd = (): void => {
    stdinEnded = true;
    wake?.();
  };
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', onInput);
  stdin.on('end', onEnd);
  // A closed stdout (`| head`) ends the run instead of crashing on EPIPE.
  process.stdout.on('error', () => machine.pause());

  const t0 = Date.now();
  let total = 0n;
  let reason: string;
  for (;;) {
    const r = await machine.runUntil({
      maxInsns: maxInsns !== undefined ? maxInsns - total : undefined,
      timeoutMs: timeoutMs !== undefined ? Math.max(1, timeoutMs - (Date.now() - t0)) : undefined,
      until: () => o.expect.length > 0 && pending.size === 0,
      onIdle: () =>
        new Promise<void>((res) => {
          if (stdinEnded) {
            stuck = true;
            machine.pause();
            res();
          } else wake = res;
        }),
    });
    total += r.insns;
    if (r.reason === 'reboot') {
      machine.reset();
      if (machine.plan) machine.load(machine.plan);
      continue;
    }
    reason =
      r.reason === 'until'
        ? 'every expected text appeared'
        : r.reason === 'poweroff'
          ? `guest powered off (code ${r.code ?? 0})`
          : r.reason === 'idle' || (r.reason === 'paused' && stuck)
            ? 'all harts wait for an interrupt that cannot come (no timer armed, stdin closed)'
            : r.reason;
    break;
  }
  stdin.off('data', onInput);
  stdin.off('end', onEnd);
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();

  const secs = (Date.now() - t0) / 1000;
  const counts = machine.instructionCounts();
  const j = machine.jitStats();
  const translated =
    o.jit && Number(total) > 0
      ? `; ${Math.round((100 * j.ranInsns) / Number(total))} % in ${j.blocks} translated blocks`
      : '';
  process.stderr.write(
    `\nbao-studio emu: ${reason} after ${total} instructions in ${secs.toFixed(2)} s (${(Number(total) / 1e6 / Math.max(secs, 1e-6)).toFixed(0)} MIPS; per hart ${counts.join(', ')}${translated})\n`,
  );
  if (pending.size) {
    process.stderr.write(
      `bao-studio emu: expected text not seen: ${[...pending].map((e) => JSON.stringify(e)).join(', ')}\n`,
    );
    return 1;
  }
  return 0;
}

const TRAP_NAMES: Record<string, string> = {
  e0: 'instruction address misaligned',
  e1: 'instruction access fault',
  e2: 'illegal instruction',
  e3: 'breakpoint',
  e4: 'load address misaligned',
  e5: 'load access fault',
  e6: 'store/AMO address misaligned',
  e7: 'store/AMO access fault',
  e8: 'ecall from U',
  e9: 'ecall from S',
  e10: 'ecall from VS',
  e11: 'ecall from M',
  e12: 'instruction page fault',
  e13: 'load page fault',
  e15: 'store/AMO page fault',
  e20: 'instruction guest-page fault',
  e21: 'load guest-page fault',
  e22: 'virtual instruction',
  e23: 'store/AMO guest-page fault',
  i1: 'S software interrupt',
  i2: 'VS software interrupt',
  i3: 'M software interrupt',
  i5: 'S timer interrupt',
  i6: 'VS timer interrupt',
  i7: 'M timer interrupt',
  i9: 'S external interrupt',
  i10: 'VS external interrupt',
  i11: 'M external interrupt',
  i12: 'S guest external interrupt',
};

/** --trace: one stderr line per trap / mode change (a boot timeline for humans). */
function traceEvents(machine: Machine, spec: string): void {
  const kinds: EventKind[] = [];
  for (const k of spec.split(',').map((x) => x.trim())) {
    if (k === 'traps' || k === 'trap') kinds.push('trap');
    else if (k === 'modes' || k === 'mode') kinds.push('mode');
    else throw new UserError(`--trace ${spec}: use traps, modes or traps,modes`);
  }
  const syms = new SymbolTable(machine.symbols);
  const hex = (v: bigint): string => syms.format(v);
  machine.onEvent(kinds, (e) => {
    if (e.kind === 'trap') {
      const name = TRAP_NAMES[(e.interrupt ? 'i' : 'e') + e.cause] ?? `cause ${e.cause}`;
      process.stderr.write(
        `[hart ${e.hart}] trap ${name} (${e.interrupt ? 'irq ' : ''}${e.cause}) at ${hex(e.epc)}: ${formatMode(e.from)} -> ${formatMode(e.to)}\n`,
      );
    } else if (e.kind === 'mode') {
      process.stderr.write(
        `[hart ${e.hart}] return ${formatMode(e.from)} -> ${formatMode(e.to)} at ${hex(e.pc)}\n`,
      );
    }
  });
}
