// Fetches Debian's riscv64 Linux kernel and busybox-static with a private apt configuration (the
// system's apt setup is never touched), checks the .debs against the signed index's SHA256,
// extracts the kernel Image and busybox, and builds a tiny initramfs whose /init prints the isa
// line of /proc/cpuinfo and a marker, waits for one line on the console (no timeout: under the
// deterministic clock an idle guest's timeouts pass in no host time, so input typed between run
// chunks could come too late), echoes it, then powers off. Everything goes to LINUX_CACHE (default
// ~/.cache/bao-studio/linux), outside the repo.
//   npx tsx test/linux/fetch-linux.ts
// Env: LINUX_CACHE, DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SUITE (forky;
// Debian 12 has no riscv64 port, testing/sid do).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpioNewc, type CpioEntry } from './cpio.js';
import { LINUX_ECHO, LINUX_MARKER, LINUX_PROMPT, linuxFiles } from './linux-cache.js';

const files = linuxFiles();
const cache = files.dir;
const aptDir = join(cache, 'apt');
const mirror = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const suite = process.env.DEBIAN_SUITE ?? 'forky';

function aptOptions(): string[] {
  for (const d of ['lists/partial', 'cache/archives/partial', 'etc/preferences.d']) {
    mkdirSync(join(aptDir, d), { recursive: true });
  }
  writeFileSync(
    join(aptDir, 'etc/sources.list'),
    `deb [arch=riscv64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror} ${suite} main\n`,
  );
  if (!existsSync(join(aptDir, 'status'))) writeFileSync(join(aptDir, 'status'), '');
  const o = {
    'Dir::Etc::sourcelist': join(aptDir, 'etc/sources.list'),
    'Dir::Etc::sourceparts': '-',
    'Dir::Etc::preferencesparts': join(aptDir, 'etc/preferences.d'),
    'Dir::State::Lists': join(aptDir, 'lists'),
    'Dir::State::status': join(aptDir, 'status'),
    'Dir::Cache': join(aptDir, 'cache'),
    'APT::Architectures': 'riscv64',
    'APT::Architecture': 'riscv64',
    'Debug::NoLocking': '1',
    // The cache may be unreadable for the _apt user (e.g. under /root): download as the caller.
    ...(process.getuid?.() === 0 ? { 'APT::Sandbox::User': 'root' } : {}),
  };
  return Object.entries(o).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
}

const opts = aptOptions();
const apt = (tool: string, ...args: string[]): string =>
  execFileSync(tool, [...opts, ...args], { encoding: 'utf8', cwd: cache, maxBuffer: 1 << 26 });

function field(record: string, name: string): string {
  const m = new RegExp(`^${name}: (.*)$`, 'm').exec(record);
  if (!m) throw new Error(`no ${name} in the apt record:\n${record}`);
  return m[1]!;
}

/** Downloads the candidate of `pkg` and checks it against the index's SHA256; returns the path. */
function download(pkg: string): string {
  const rec = apt('apt-cache', 'show', '--no-all-versions', pkg);
  const [version, sha] = [field(rec, 'Version'), field(rec, 'SHA256')];
  const ok = (p: string): boolean =>
    existsSync(p) && createHash('sha256').update(readFileSync(p)).digest('hex') === sha;
  const cached = readdirSync(cache).filter((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  const found = cached.find((f) => ok(join(cache, f)));
  if (found) return join(cache, found);
  // a damaged or outdated copy: apt-get download would keep it
  for (const f of cached) rmSync(join(cache, f));
  console.log(`downloading ${pkg} ${version}`);
  apt('apt-get', 'download', `${pkg}=${version}`);
  const got = readdirSync(cache).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!got || !ok(join(cache, got))) throw new Error(`${pkg}: sha256 mismatch (want ${sha})`);
  console.log(`  ${got} sha256 ${sha} ok`);
  return join(cache, got);
}

function extract(deb: string, member: RegExp): Buffer {
  const dir = join(cache, 'x', deb.split('/').pop()!);
  rmSync(dir, { recursive: true, force: true }); // always from the checked .deb
  mkdirSync(dir, { recursive: true });
  execFileSync('dpkg-deb', ['-x', deb, dir]);
  const list = execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).split('\n');
  const hit = list.find((p) => member.test(p));
  if (!hit) throw new Error(`${member} not in ${deb}`);
  return readFileSync(hit);
}

console.log(`cache: ${cache}`);
mkdirSync(cache, { recursive: true });
apt('apt-get', '-q', 'update');
// The metapackage names the current ABI (old versions leave the archive).
const meta = apt('apt-cache', 'show', '--no-all-versions', 'linux-image-riscv64');
const abi = /linux-image-(\S+-riscv64)/.exec(field(meta, 'Depends'))?.[1];
if (!abi) throw new Error(`cannot resolve the kernel ABI from linux-image-riscv64:\n${meta}`);
const kernelDeb = download(`linux-binary-${abi}`);
const busyboxDeb = download('busybox-static');

const image = extract(kernelDeb, /\/vmlinuz-?[^/]*$/);
// An uncompressed RISC-V Image carries "RISCV\0\0\0" at offset 48 and "RSC\x05" at 56.
if (image.subarray(56, 60).toString('latin1') !== 'RSC\x05') {
  throw new Error('vmlinuz is not an uncompressed RISC-V Image');
}
writeFileSync(files.kernel, image);
const busybox = extract(busyboxDeb, /\/bin\/busybox$/);
writeFileSync(join(cache, 'busybox'), busybox);

const init = `#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox grep -m1 '^isa' /proc/cpuinfo
echo ${LINUX_MARKER}
echo '${LINUX_PROMPT}'
read line && echo "${LINUX_ECHO}$line"
/bin/busybox poweroff -f
`;
const enc = new TextEncoder();
const entries: CpioEntry[] = [
  { name: 'bin', mode: 0o040755 },
  { name: 'bin/busybox', mode: 0o100755, data: busybox },
  { name: 'dev', mode: 0o040755 },
  { name: 'dev/console', mode: 0o020600, rdevMajor: 5, rdevMinor: 1 },
  { name: 'proc', mode: 0o040755 },
  { name: 'sys', mode: 0o040755 },
  { name: 'init', mode: 0o100755, data: enc.encode(init) },
];
const cpio = cpioNewc(entries);
writeFileSync(files.initrd, gzipSync(cpio, { level: 9 }));
console.log(`kernel  ${files.kernel} (${image.length} bytes, ${abi})`);
console.log(`initrd  ${files.initrd}`);
