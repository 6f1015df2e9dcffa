// Physical address space of QEMU's virt board (the subset we model):
//   0x00001000 boot ROM (0xf000)      0x00100000 sifive_test     0x00101000 goldfish RTC
//   0x02000000 CLINT                  0x0c000000 PLIC            0x10000000 UART0
//   0x10001000 virtio-mmio 0..7       0x10100000 fw_cfg (absent)  0x20000000 CFI flash (2 x 32 MiB)
//   0x03000000 PCIe PIO, 0x30000000 PCIe ECAM (empty bus: all ones), 0x40000000 PCIe MMIO
//   0x80000000 RAM
// Anything else is an access fault (busErr = true). Never touches host memory out of bounds.
import { RAM_OFF, RAM_BASE, ROM_OFF, ROM_BASE, ROM_SIZE } from './layout';
import { ramEnd } from './state';
import { uartRead, uartWrite, uartIrqLine, uartIrqDue, UART_BASE, UART_IRQ } from './dev/uart';
import { clintRead, clintWrite, CLINT_BASE, CLINT_SIZE } from './dev/clint';
import { plicRead, plicWrite, plicSetLine, PLIC_BASE, PLIC_SIZE } from './dev/plic';
import { testWrite, TEST_BASE } from './dev/test';
import { rtcRead, rtcWrite, RTC_BASE } from './dev/rtc';
import { virtioRead, VIRTIO_BASE, VIRTIO_END } from './dev/virtio';
import { aplicRead, aplicWrite, aplicIsPage, aplicInput } from './dev/aplic';
import { imsicWrite, imsicIsPage } from './dev/imsic';
import { optAia } from './state';
import { flashRead, flashWrite, FLASH_BASE, FLASH_END } from './dev/flash';
import { jitWrite } from './jit';

export let busErr: bool = false;

// Host offset of the 4 KiB page holding pa if it is plain memory (RAM, or ROM when !write),
// else 0. Used to fill TLBs.
export function hostPage(pa: u64, write: bool): usize {
  if (pa >= RAM_BASE && pa < ramEnd) return RAM_OFF + <usize>((pa - RAM_BASE) & ~0xfff);
  if (!write && pa >= ROM_BASE && pa < ROM_BASE + ROM_SIZE) return ROM_OFF + <usize>((pa - ROM_BASE) & ~0xfff);
  return 0;
}

@inline export function isRam(pa: u64, size: u64): bool {
  return pa >= RAM_BASE && pa + size <= ramEnd;
}

export function devUpdate(): void {
  if (!uartIrqDue()) return; // the 16550 did not signal its line (see dev/uart.ts)
  if (optAia != 0) {
    let l = uartIrqLine();
    aplicInput(UART_IRQ, l); // re-asserted on every update, like QEMU's devices
  } else plicSetLine(UART_IRQ, uartIrqLine()); // re-asserted on every update, like QEMU
}

export function busRead(pa: u64, size: i32): u64 {
  busErr = false;
  if (pa >= RAM_BASE && pa + <u64>size <= ramEnd && pa + <u64>size > pa) {
    let p = RAM_OFF + <usize>(pa - RAM_BASE);
    if (size == 8) return load<u64>(p);
    if (size == 4) return <u64>load<u32>(p);
    if (size == 2) return <u64>load<u16>(p);
    return <u64>load<u8>(p);
  }
  if (pa >= ROM_BASE && pa + <u64>size <= ROM_BASE + ROM_SIZE) {
    let p = ROM_OFF + <usize>(pa - ROM_BASE);
    if (size == 8) return load<u64>(p);
    if (size == 4) return <u64>load<u32>(p);
    if (size == 2) return <u64>load<u16>(p);
    return <u64>load<u8>(p);
  }
  if (pa >= UART_BASE && pa < UART_BASE + 0x100) {
    let v = <u64>uartRead(<u32>(pa - UART_BASE) & 7);
    devUpdate();
    return v;
  }
  if (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) return clintRead(<u32>(pa - CLINT_BASE), size);
  if (optAia != 0) {
    if (aplicIsPage(pa)) return <u64>aplicRead(pa);
    if (optAia == 2 && imsicIsPage(pa)) return 0;
  } else if (pa >= PLIC_BASE && pa < PLIC_BASE + PLIC_SIZE) return <u64>plicRead(<u32>(pa - PLIC_BASE) & ~3);
  if (pa >= VIRTIO_BASE && pa < VIRTIO_END) return <u64>virtioRead(<u32>(pa - VIRTIO_BASE));
  if (pa >= TEST_BASE && pa < TEST_BASE + 0x1000) return 0;
  if (pa >= RTC_BASE && pa < RTC_BASE + 0x1000) return <u64>rtcRead(<u32>(pa - RTC_BASE) & ~3);
  if (pa >= FLASH_BASE && pa < FLASH_END) return flashRead(pa, size);
  // PCIe ECAM (no functions: config reads return all ones), PIO and MMIO windows, fw_cfg
  if (pa >= 0x30000000 && pa < 0x40000000) return size == 8 ? 0xffffffffffffffff : ((<u64>1 << (<u64>size * 8)) - 1);
  if (pa >= 0x3000000 && pa < 0x3010000) return 0;
  if (pa >= 0x40000000 && pa < 0x80000000) return 0;
  if (pa >= 0x10100000 && pa < 0x10100018) return 0;
  busErr = true;
  return 0;
}

export function busWrite(pa: u64, size: i32, v: u64): void {
  busErr = false;
  if (pa >= RAM_BASE && pa + <u64>size <= ramEnd && pa + <u64>size > pa) {
    jitWrite(pa, <u32>size); // translated code there is dropped first (jit.ts)
    let p = RAM_OFF + <usize>(pa - RAM_BASE);
    if (size == 8) store<u64>(p, v);
    else if (size == 4) store<u32>(p, <u32>v);
    else if (size == 2) store<u16>(p, <u16>v);
    else store<u8>(p, <u8>v);
    return;
  }
  if (pa >= ROM_BASE && pa + <u64>size <= ROM_BASE + ROM_SIZE) return; // ROM: writes ignored
  if (pa >= UART_BASE && pa < UART_BASE + 0x100) {
    uartWrite(<u32>(pa - UART_BASE) & 7, <u32>v);
    devUpdate();
    return;
  }
  if (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) { clintWrite(<u32>(pa - CLINT_BASE), size, v); return; }
  if (optAia != 0) {
    if (aplicIsPage(pa)) { aplicWrite(pa, <u32>v); return; }
    if (optAia == 2 && imsicWrite(pa, v)) return;
  } else if (pa >= PLIC_BASE && pa < PLIC_BASE + PLIC_SIZE) { plicWrite(<u32>(pa - PLIC_BASE) & ~3, <u32>v); return; }
  if (pa >= VIRTIO_BASE && pa < VIRTIO_END) return;
  if (pa >= TEST_BASE && pa < TEST_BASE + 0x1000) { testWrite(<u32>(pa - TEST_BASE), <u32>v); return; }
  if (pa >= RTC_BASE && pa < RTC_BASE + 0x1000) { rtcWrite(<u32>(pa - RTC_BASE) & ~3, <u32>v); return; }
  if (pa >= FLASH_BASE && pa < FLASH_END) { flashWrite(pa, v); return; }
  if (pa >= 0x30000000 && pa < 0x80000000) return;
  if (pa >= 0x3000000 && pa < 0x3010000) return;
  if (pa >= 0x10100000 && pa < 0x10100018) return;
  busErr = true;
}
