// `bao-studio platforms [--json]`: the platform catalog as a table.
import type { Command } from 'commander';
import { hex } from '../../../core/bao/model/numbers.js';
import { platforms, type Platform } from '../../../core/bao/platforms/index.js';

function irqcText(p: Platform): string {
  return p.irqc.type === 'riscv' ? p.irqc.choices.map((c) => c.kind).join('/') : p.irqc.type;
}

/** MPU platforms list a region per SRAM bank (up to 23): the table shows two, --json all. */
const SHOWN_REGIONS = 2;

function memoryText(p: Platform): string {
  const shown = p.memory.slice(0, SHOWN_REGIONS).map((m) => `${hex(m.base)}+${hex(m.size)}`);
  const more = p.memory.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` (+${more} more)` : '');
}

export function registerPlatforms(program: Command, setExit: (code: number) => void): void {
  program
    .command('platforms')
    .description('list the platforms Bao supports (and which Bao versions have them)')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        const rows = platforms.map((p) => ({
          name: p.name,
          arch: p.arch,
          bao: p.baoVersions,
          cpus: p.cpus,
          irqc: irqcText(p),
          memProtection: p.memProtection,
          memory: p.memory.map((m) => ({ base: hex(m.base), size: hex(m.size) })),
          devices: p.devices.length,
        }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        setExit(0);
        return;
      }
      const header = ['PLATFORM', 'ARCH', 'BAO', 'CPUS', 'IRQC', 'MEM', 'MEMORY'];
      const rows = platforms.map((p) => [
        p.name,
        p.arch,
        p.baoVersions.join(','),
        String(p.cpus),
        irqcText(p),
        p.memProtection.toUpperCase(),
        memoryText(p),
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (cells: string[]) =>
        cells
          .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
          .join('  ')
          .trimEnd();
      process.stdout.write([line(header), ...rows.map(line)].join('\n') + '\n');
      setExit(0);
    });
}
