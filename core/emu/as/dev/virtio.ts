// virtio-mmio transports at 0x10001000 + n*0x1000, n = 0..7, PLIC IRQ 1 + n (QEMU virt).
// For now every slot is empty: MagicValue 0x000 = "virt", Version 0x004 = 1 (QEMU 7.2's default
// legacy transport), DeviceID 0x008 = 0 (no device), VendorID 0x00c = "QEMU"; the rest reads 0.
export const VIRTIO_BASE: u64 = 0x10001000;
export const VIRTIO_END: u64 = 0x10009000;

export function virtioRead(off: u32): u32 {
  let r = off & 0xfff;
  if (r == 0) return 0x74726976;
  if (r == 4) return 1;
  if (r == 0xc) return 0x554d4551;
  return 0;
}
