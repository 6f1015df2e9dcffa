// sifive_test at 0x100000 (QEMU virt): a 32-bit write of 0x5555 powers off, 0x3333 = fail
// (power off with exit code v >> 16: powerState 3), 0x7777 resets. Reads return 0.
import { setPower } from '../state';
import { pushEvent, EV_POWER } from '../events';
import { curHart } from '../state';

export const TEST_BASE: u64 = 0x100000;

export function testWrite(off: u32, v: u32): void {
  if (off != 0) return;
  let code = v & 0xffff;
  if (code == 0x5555) {
    setPower(1, 0);
    pushEvent(EV_POWER, curHart, 1, 0, 0);
  } else if (code == 0x3333) {
    setPower(3, <i32>(v >> 16));
    pushEvent(EV_POWER, curHart, 3, v >> 16, 0);
  } else if (code == 0x7777) {
    setPower(2, 0);
    pushEvent(EV_POWER, curHart, 2, 0, 0);
  }
}
