// Where the Debian riscv64 kernel and the test initramfs live (outside the repo: never commit
// them). Shared by the fetch script and the boot test.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The initramfs's /init prints this after the isa line, then powers off. */
export const LINUX_MARKER = 'BAO-STUDIO-LINUX-OK';
/** Then it prints this, waits for a line on the console and echoes it after LINUX_ECHO. */
export const LINUX_PROMPT = 'BAO-STUDIO-LINUX-TYPE-A-LINE';
export const LINUX_ECHO = 'BAO-STUDIO-LINUX-GOT: ';

export interface LinuxFiles {
  dir: string;
  kernel: string;
  initrd: string;
}

export function linuxCacheDir(): string {
  return process.env.LINUX_CACHE ?? join(homedir(), '.cache', 'bao-studio', 'linux');
}

export function linuxFiles(dir = linuxCacheDir()): LinuxFiles {
  return { dir, kernel: join(dir, 'Image'), initrd: join(dir, 'initramfs.cpio.gz') };
}

/** The cached files, or undefined when `fetch-linux.ts` has not been run. */
export function cachedLinux(): LinuxFiles | undefined {
  const f = linuxFiles();
  return existsSync(f.kernel) && existsSync(f.initrd) ? f : undefined;
}
