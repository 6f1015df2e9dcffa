// Measures the Linux boot (fetch-linux.ts's kernel and initramfs) in our emulator, JIT on and
// off, and in QEMU 7.2: wall time and instructions to "Run /init" and to the marker, MIPS, and
// how much ran in translated code. Numbers for notes, not a test.
//   npx tsx test/linux/measure-linux.ts [harts]
import { runOurs } from '../emu/support/emu.js';
import { runQemu } from '../emu/support/qemu.js';
import { FW_DYNAMIC } from '../emu/support/tools.js';
import { fileArg } from '../emu/support/emu.js';
import { LINUX_MARKER, cachedLinux } from './linux-cache.js';

const APPEND = 'console=ttyS0 earlycon=uart8250,mmio,0x10000000 cryptomgr.notests';
const files = cachedLinux();
if (!files) throw new Error('run test/linux/fetch-linux.ts first');
const harts = Number(process.argv[2] ?? 1);
const INIT = 'Run /init as init process';

for (const jit of [true, false]) {
  const images = {
    bios: fileArg(FW_DYNAMIC),
    kernel: fileArg(files.kernel),
    initrd: fileArg(files.initrd),
    bootargs: APPEND,
  };
  const cpu0 = process.cpuUsage();
  const run = await runOurs(images, {
    harts,
    ramSize: 1n << 30n,
    jit,
    expect: [INIT, LINUX_MARKER],
    timeoutMs: 300_000,
    chunk: 1_000_000n,
  });
  const cpu = process.cpuUsage(cpu0);
  const insns = run.result.insns;
  const ms = run.seenAt.get(LINUX_MARKER) ?? NaN;
  const st = run.machine.jitStats();
  console.log(
    `ours jit=${jit} harts=${harts}: /init at ${run.seenAt.get(INIT)?.toFixed(0)} ms, marker at ${ms.toFixed(0)} ms ` +
      `(cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ${insns} insns ` +
      `[${run.machine.instructionCounts().join(', ')}], ${(Number(insns) / ms / 1000).toFixed(0)} MIPS; ` +
      `jit blocks ${st.blocks} modules ${st.modules} insns ${st.insns} rejected ${st.rejected} ` +
      `compile ${st.ms.toFixed(0)} ms, calls ${st.calls}, ranInsns ${st.ranInsns} ` +
      `(${((100 * st.ranInsns) / Number(insns)).toFixed(1)} %), errors ${st.errors}`,
  );
}

const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const q = await runQemu(
    [
      ...['-cpu', 'rv64', '-m', '1G', '-smp', String(harts), '-bios', FW_DYNAMIC],
      ...['-kernel', files.kernel, '-initrd', files.initrd, '-append', APPEND],
    ],
    { expect: [LINUX_MARKER], timeoutMs: 60_000 },
  );
  times.push(q.seenAt.get(LINUX_MARKER) ?? NaN);
}
times.sort((a, b) => a - b);
console.log(
  `qemu harts=${harts}: marker at ${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${times[1]!.toFixed(0)})`,
);
