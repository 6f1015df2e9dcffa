// Prints the signature differences between our emulator and QEMU for ISA programs:
//   npx tsx test/emu/support/isa-diff.ts [prog.S ...]   (default: all of test/emu/isa)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ISA_DIR,
  buildProgram,
  diffSignatures,
  programOptions,
  runProgramInOurs,
  runProgramInQemu,
} from './isa-harness.js';

const progs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(ISA_DIR).filter((f) => f.endsWith('.S'));
for (const p of progs) {
  const elf = buildProgram(join(ISA_DIR, p));
  const opts = programOptions(join(ISA_DIR, p));
  const [ref, ours] = await Promise.all([runProgramInQemu(elf, opts), runProgramInOurs(elf, opts)]);
  const diff = diffSignatures(ours, ref);
  console.log(`== ${p}: ${diff.length ? `${diff.length} difference(s)` : 'identical'} (${elf})`);
  for (const l of diff) console.log('  ' + l);
}
