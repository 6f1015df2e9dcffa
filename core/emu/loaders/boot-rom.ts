// The reset vector QEMU 7.2 writes into the boot ROM at 0x1000 (riscv_setup_rom_reset_vec):
// a0 = mhartid, a1 = FDT address, a2 = &fw_dynamic_info, then jump to the firmware start.
// fw_dynamic_info tells OpenSBI's fw_dynamic where the next stage is and in which mode.

export const FW_DYNAMIC_MAGIC = 0x4942534fn; // "OSBI"
export const FW_DYNAMIC_VERSION = 2n;
/** next_mode values of fw_dynamic_info. */
export const NEXT_MODE_S = 1n;

export interface BootRomOptions {
  startAddr: bigint;
  fdtAddr: bigint;
  /** Where fw_dynamic continues (QEMU's kernel entry; 0 without a kernel). */
  nextAddr: bigint;
  nextMode?: bigint;
  bootHart?: bigint;
}

export function bootRom(o: BootRomOptions): Uint8Array {
  const insns = [
    0x00000297, // 1: auipc t0, %pcrel_hi(fw_dyn)
    0x02828613, //    addi  a2, t0, %pcrel_lo(1b)
    0xf1402573, //    csrr  a0, mhartid
    0x0202b583, //    ld    a1, 32(t0)
    0x0182b283, //    ld    t0, 24(t0)
    0x00028067, //    jr    t0
  ];
  const out = new Uint8Array(insns.length * 4 + 2 * 8 + 6 * 8);
  const dv = new DataView(out.buffer);
  insns.forEach((w, i) => dv.setUint32(i * 4, w, true));
  dv.setBigUint64(24, o.startAddr, true);
  dv.setBigUint64(32, o.fdtAddr, true);
  // struct fw_dynamic_info { magic, version, next_addr, next_mode, options, boot_hart }
  const info = [
    FW_DYNAMIC_MAGIC,
    FW_DYNAMIC_VERSION,
    o.nextAddr,
    o.nextMode ?? NEXT_MODE_S,
    0n,
    o.bootHart ?? 0n,
  ];
  info.forEach((v, i) => dv.setBigUint64(40 + i * 8, v, true));
  return out;
}
