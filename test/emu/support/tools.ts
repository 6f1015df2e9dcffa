// Finds the external tools emulator tests compare against (QEMU, the cross compiler, dtc, the
// Debian firmware), so each test can skip with a clear message when one is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export const QEMU = 'qemu-system-riscv64';
export const CROSS_GCC = 'riscv64-unknown-elf-gcc';
export const OPENSBI_DIR = '/usr/lib/riscv64-linux-gnu/opensbi/generic';
export const FW_JUMP = `${OPENSBI_DIR}/fw_jump.elf`;
export const FW_DYNAMIC = `${OPENSBI_DIR}/fw_dynamic.elf`;
export const UBOOT_SMODE = '/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin';

/** Why a test cannot run here, or undefined when everything it needs is present. */
export function missing(needs: { commands?: string[]; files?: string[] }): string | undefined {
  for (const c of needs.commands ?? [])
    if (!hasCommand(c)) return `${c} is not installed (CI installs it via .ci/run)`;
  for (const f of needs.files ?? [])
    if (!existsSync(f)) return `${f} is missing (Debian package; CI installs it via .ci/run)`;
  return undefined;
}
