// Event ring the host drains (layout in ABI.md): trap, mode change, UART byte, power, breakpoint.
import { EVENT_RING, EVENT_CAP } from './layout';
import { eventMask } from './state';

export const EV_TRAP: i32 = 1;
export const EV_MODE: i32 = 2;
export const EV_UART: i32 = 3;
export const EV_POWER: i32 = 4;
export const EV_BREAK: i32 = 5;

export function eventsInit(): void {
  store<u32>(EVENT_RING, 0);
  store<u32>(EVENT_RING, 0, 4);
  store<u32>(EVENT_RING, EVENT_CAP - 1, 8);
}

export function pushEvent(kind: i32, hart: i32, a: u64, b: u64, c: u64): void {
  if ((eventMask & (1 << kind)) == 0) return;
  let w = load<u32>(EVENT_RING);
  let r = load<u32>(EVENT_RING, 4);
  if (w - r >= EVENT_CAP) store<u32>(EVENT_RING, r + 1, 4); // drop the oldest
  let p = EVENT_RING + 32 + ((<usize>(w & (EVENT_CAP - 1))) << 5);
  store<u32>(p, kind);
  store<u32>(p, hart, 4);
  store<u64>(p, a, 8);
  store<u64>(p, b, 16);
  store<u64>(p, c, 24);
  store<u32>(EVENT_RING, w + 1);
}
