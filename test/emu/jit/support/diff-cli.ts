// Runs one program with the JIT on and off in lockstep and prints the first divergence, for
// debugging the JIT:
//   npx tsx test/emu/jit/support/diff-cli.ts test/emu/jit/programs/timer-hot.S --chunks 3 --quantum 3
//   npx tsx test/emu/jit/support/diff-cli.ts --bios fw_jump.elf --kernel payload.elf --harts 4
//   npx tsx test/emu/jit/support/diff-cli.ts --random 3001 --mode U --mapping giga --timer 57 --chunks 1,7
// A .S program is built like the ISA programs (its `isa-test:` options apply); --events records
// traps and mode changes (shown around the divergence).
import { parseArgs } from 'node:util';
import { fileArg } from '../../support/emu.js';
import { buildProgram, programOptions } from '../../support/isa-harness.js';
import type { MachineOptions } from '../../../../core/emu/options.js';
import { createPair, lockstep, type BootImages } from './lockstep.js';
import { applyImage, randomProgram, type Mapping, type Mode } from './random-program.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bios: { type: 'string' },
    kernel: { type: 'string' },
    harts: { type: 'string' },
    quantum: { type: 'string' },
    chunks: { type: 'string', default: '1000' },
    threshold: { type: 'string', default: '2' },
    max: { type: 'string', default: '200000000' },
    events: { type: 'boolean', default: false },
    random: { type: 'string' },
    mode: { type: 'string', default: 'S' },
    mapping: { type: 'string', default: 'giga' },
    timer: { type: 'string', default: '0' },
  },
});

let boot: BootImages | undefined;
const machine: MachineOptions = { ramSize: 64n << 20n };
let input: { after: string; text: string }[] = [];
if (positionals[0]?.endsWith('.S')) {
  const o = programOptions(positionals[0]);
  boot = { kernel: fileArg(buildProgram(positionals[0])) };
  Object.assign(machine, o.machine, { harts: o.harts });
  if (o.input) input = [{ after: 'READY', text: o.input }];
} else if (values.kernel || values.bios) {
  boot = {
    bios: values.bios ? fileArg(values.bios) : undefined,
    kernel: values.kernel ? fileArg(values.kernel) : undefined,
  };
}
if (values.harts) machine.harts = Number(values.harts);
if (values.quantum) machine.quantum = Number(values.quantum);
const harts = machine.harts ?? 1;
const threshold = values.threshold === 'default' ? 'default' : Number(values.threshold);
const pair = await createPair(boot, {
  ...machine,
  threshold,
  events: values.events ? ['trap', 'mode'] : [],
});
if (values.random) {
  const timer = Number(values.timer);
  const img = randomProgram({
    seed: Number(values.random),
    mode: values.mode as Mode,
    mapping: values.mapping as Mapping,
    harts,
    timer,
  });
  applyImage(pair.jit, img, timer);
  applyImage(pair.ref, img, timer);
} else if (!boot) {
  console.error('usage: diff-cli.ts prog.S | --bios F --kernel F | --random SEED [options]');
  process.exit(2);
}
const r = lockstep(pair, {
  chunks: values.chunks.split(',').map(BigInt),
  maxInsns: BigInt(values.max),
  input,
});
console.log(r.divergence ?? `no divergence: ${r.reason} after ${r.insns} instructions`);
console.log('JIT:', pair.jit.jitStats());
process.exit(r.divergence ? 1 : 0);
