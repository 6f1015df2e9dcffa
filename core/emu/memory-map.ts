// Physical memory map of QEMU's `virt` board (hw/riscv/virt.c, QEMU 7.2), shared by the device
// tree generator, the loaders and the API.
export const VIRT = {
  bootRomBase: 0x1000,
  bootRomSize: 0xf000,
  testBase: 0x100000,
  rtcBase: 0x101000,
  rtcIrq: 11,
  clintBase: 0x2000000,
  plicBase: 0xc000000,
  /** QEMU's VIRT_IRQCHIP_NUM_SOURCES: riscv,ndev in the tree. */
  plicSources: 96,
  /** PLIC window: QEMU sizes it for VIRT_CPUS_MAX (512) harts × 2 contexts, whatever -smp says. */
  plicSize: 0x600000,
  uartBase: 0x10000000,
  uartIrq: 10,
  uartClockHz: 3686400,
  virtioBase: 0x10001000,
  virtioStride: 0x1000,
  virtioCount: 8,
  virtioIrq: 1,
  ramBase: 0x80000000,
} as const;

/** Where a kernel goes on RV64 with a firmware below it (QEMU: firmware end aligned up to 2 MiB). */
export const RV64_KERNEL_ALIGN = 0x200000n;
