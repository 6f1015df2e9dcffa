// Quick runner for the AssemblyScript core (developer tool, not the product API):
//   node test/emu/as-core/run.mjs [--smp N] [--mem MiB] [--bios elf|bin] [--kernel file]
//        [--dtb file] [--max N] [--input TEXT] [--quiet] [--trace]
// Loads like QEMU virt: bios at 0x80000000, kernel at 0x80200000, FDT near the end of RAM,
// QEMU's reset vector in the boot ROM. Prints the UART and a summary (MIPS).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const flag = (k) => args.includes(k);
const smp = Number(opt('--smp', '1'));
const memMiB = Number(opt('--mem', '256'));
const max = BigInt(opt('--max', '100000000'));
const input = opt('--input', '');

const wasm = readFileSync(join(here, '../../../core/emu/build/emu.wasm'));
const { instance } = await WebAssembly.instantiate(wasm, {
  env: {
    abort() {
      throw new Error('abort');
    },
    // the JIT stays off here (the core's default): no translator, an empty table
    table: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }),
    jitTranslate() {},
  },
});
const e = instance.exports;
const rc = e.create(BigInt(memMiB) << 20n, smp);
// --opt id=value (ABI.md setOption ids), repeatable
args.forEach((a, i) => {
  if (a === '--opt') {
    const [id, v] = args[i + 1].split('=');
    e.setOption(Number(id), BigInt(v));
  }
});
if (rc !== 0) throw new Error('create failed ' + rc);
const mem = () => new Uint8Array(e.memory.buffer);
const RAM = 0x80000000n;
const ramOff = e.ramOffset();

function loadAt(pa, bytes) {
  mem().set(bytes, ramOff + Number(pa - RAM));
}
function loadFile(path, defAddr) {
  const b = readFileSync(path);
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const entry = dv.getBigUint64(24, true);
    const phoff = Number(dv.getBigUint64(32, true));
    const phentsize = dv.getUint16(54, true),
      phnum = dv.getUint16(56, true);
    for (let i = 0; i < phnum; i++) {
      const p = phoff + i * phentsize;
      if (dv.getUint32(p, true) !== 1) continue;
      const off = Number(dv.getBigUint64(p + 8, true));
      const paddr = dv.getBigUint64(p + 24, true);
      const filesz = Number(dv.getBigUint64(p + 32, true));
      loadAt(paddr, b.subarray(off, off + filesz));
    }
    return entry;
  }
  loadAt(defAddr, b);
  return defAddr;
}

let start = RAM;
const bios = opt('--bios');
if (bios) start = loadFile(bios, RAM);
const kernel = opt('--kernel');
if (kernel) {
  const k = loadFile(kernel, bios ? 0x80200000n : RAM);
  if (!bios) start = k;
}
const dtbPath = opt('--dtb');
let fdtAddr = 0n;
if (dtbPath) {
  const d = readFileSync(dtbPath);
  const size = new DataView(d.buffer, d.byteOffset).getUint32(4, false);
  const end = RAM + (BigInt(memMiB) << 20n);
  fdtAddr = (end - BigInt(size)) & ~0x1fffffn;
  loadAt(fdtAddr, d.subarray(0, size));
}
// QEMU 7.2 virt reset vector (rv64)
const rom = new DataView(e.memory.buffer, e.romOffset(), 0x100);
const vec = [0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067];
vec.forEach((w, i) => rom.setUint32(i * 4, w, true));
rom.setBigUint64(0x18, start, true);
rom.setBigUint64(0x20, fdtAddr, true);

for (const ch of input) e.uartPush(ch.charCodeAt(0));

const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let total = 0n;
let reason = 0;
let lateSent = false;
const chunk = 10_000_000n;
while (total < max) {
  const n = max - total < chunk ? max - total : chunk;
  reason = e.run(n);
  total += e.lastRunInsns();
  for (let c; (c = e.uartPop()) >= 0;) {
    const s = String.fromCharCode(c);

    if (!flag('--quiet')) process.stdout.write(s);
  }
  if (reason === 3 && opt('--input-late') && !lateSent) {
    // all harts idle: type the late input now (e.g. after a prompt)
    for (const ch of opt('--input-late')) e.uartPush(ch.charCodeAt(0));
    lateSent = true;
    continue;
  }
  if (reason !== 0) break;
}
const dt = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
const pcs = [];
for (let h = 0; h < smp; h++)
  pcs.push(
    `h${h} pc=${e.getPC(h).toString(16)} priv=${e.getPriv(h)} V=${e.getVirt(h)} mcause=${e.getCSR(h, 0x342).toString(16)} mepc=${e.getCSR(h, 0x341).toString(16)} mtval=${e.getCSR(h, 0x343).toString(16)} scause=${e.getCSR(h, 0x142).toString(16)} sepc=${e.getCSR(h, 0x141).toString(16)}`,
  );
process.stderr.write(
  `\n[run] reason=${reason} insns=${total} time=${dt.toFixed(3)}s MIPS=${(Number(total) / dt / 1e6).toFixed(1)} cpu=${cpu.toFixed(3)}s MIPS/cpu=${(Number(total) / cpu / 1e6).toFixed(1)} mtime=${e.mtime()} power=${e.powerState()}/${e.powerCode()}\n${pcs.join('\n')}\n`,
);
if (flag('--regs'))
  for (let i = 1; i < 32; i++) process.stderr.write(`x${i}=${e.getX(0, i).toString(16)} `);
