// Goldfish RTC at 0x101000 (QEMU virt, IRQ 11). Registers (32-bit):
//   0x00 TIME_LOW (reading latches TIME_HIGH)  0x04 TIME_HIGH  0x08 ALARM_LOW  0x0c ALARM_HIGH
//   0x10 IRQ_ENABLED  0x14 CLEAR_ALARM  0x18 ALARM_STATUS  0x1c CLEAR_INTERRUPT
// Time in ns derives from mtime (10 MHz → 100 ns/tick) so runs stay deterministic; alarms are
// accepted and never fire (nothing here uses them).
import { mtime } from '../state';

export const RTC_BASE: u64 = 0x101000;
let latchedHigh: u32 = 0;
let rtcOffsetNs: u64 = 0;

export function rtcRead(off: u32): u32 {
  if (off == 0) {
    let ns = mtime() * 100 + rtcOffsetNs;
    latchedHigh = <u32>(ns >>> 32);
    return <u32>ns;
  }
  if (off == 4) return latchedHigh;
  return 0;
}

export function rtcWrite(off: u32, v: u32): void {
  if (off == 0) rtcOffsetNs = (rtcOffsetNs & 0xffffffff00000000) | (<u64>v);
  else if (off == 4) rtcOffsetNs = (rtcOffsetNs & 0xffffffff) | ((<u64>v) << 32);
}
