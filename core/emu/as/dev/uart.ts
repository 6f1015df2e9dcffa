// NS16550A UART at 0x10000000, PLIC IRQ 10 (QEMU virt). 1-byte registers:
//   0 RBR (read) / THR (write) / DLL (DLAB=1)   1 IER / DLM (DLAB=1)
//   2 IIR (read) / FCR (write)                   3 LCR (bit 7 = DLAB)
//   4 MCR   5 LSR (DR=1, THRE=0x20, TEMT=0x40)    6 MSR   7 SCR
// TX goes straight to the host ring (transmission is instantaneous, so THR is always empty);
// RX comes from the host ring. IIR priorities: RX data (0x4) before THR empty (0x2).
import { UART_TX_RING, UART_TX_CAP, UART_RX_RING, UART_RX_CAP } from '../layout';
import { pushEvent, EV_UART } from '../events';
import { curHart } from '../state';

export const UART_BASE: u64 = 0x10000000;
export const UART_IRQ: i32 = 10;

let ier: u32 = 0;
let lcr: u32 = 0;
let mcr: u32 = 0;
let scr: u32 = 0;
let fcr: u32 = 0;
let dll: u32 = 0;
let dlm: u32 = 0;
let thrIntPending: bool = false;
// QEMU's 16550 signals its interrupt line only at its own update points (serial_update_irq):
// data received, RBR read, THR written, IER changed, FCR written, IIR read reporting THR empty.
// A level source latches pending in the PLIC (and is re-sent as an MSI by an APLIC in MSI mode)
// on each of them, so other register accesses must not re-signal the line.
let irqEvent: bool = false;
let lineOut: bool = false;
let rxSeen: u32 = 0; // RX ring write index last seen (the host fills the ring directly)
export function uartIrqDue(): bool {
  let l = uartIrqLine();
  let w = load<u32>(UART_RX_RING);
  let due = irqEvent || l != lineOut || w != rxSeen;
  irqEvent = false;
  lineOut = l;
  rxSeen = w;
  return due;
}

export function uartReset(): void {
  ier = 0; lcr = 0; mcr = 8; // QEMU resets MCR to OUT2
  scr = 0; fcr = 0; dll = 0; dlm = 0; thrIntPending = false;
  irqEvent = false; lineOut = false; rxSeen = 0;
  store<u32>(UART_TX_RING, 0); store<u32>(UART_TX_RING, 0, 4); store<u32>(UART_TX_RING, UART_TX_CAP - 1, 8);
  store<u32>(UART_RX_RING, 0); store<u32>(UART_RX_RING, 0, 4); store<u32>(UART_RX_RING, UART_RX_CAP - 1, 8);
}

@inline function rxCount(): u32 {
  return load<u32>(UART_RX_RING) - load<u32>(UART_RX_RING, 4);
}

export function uartIrqLine(): bool {
  if ((ier & 1) != 0 && rxCount() != 0) return true;
  if ((ier & 2) != 0 && thrIntPending) return true;
  return false;
}

function txByte(b: u32): void {
  let w = load<u32>(UART_TX_RING);
  let r = load<u32>(UART_TX_RING, 4);
  if (w - r >= UART_TX_CAP) store<u32>(UART_TX_RING, r + 1, 4);
  store<u8>(UART_TX_RING + 16 + <usize>(w & (UART_TX_CAP - 1)), <u8>b);
  store<u32>(UART_TX_RING, w + 1);
  pushEvent(EV_UART, curHart, b, 0, 0);
}

export function uartRead(off: u32): u32 {
  switch (off) {
    case 0: {
      if ((lcr & 0x80) != 0) return dll;
      irqEvent = true;
      if (rxCount() == 0) return 0;
      let r = load<u32>(UART_RX_RING, 4);
      let b = <u32>load<u8>(UART_RX_RING + 16 + <usize>(r & (UART_RX_CAP - 1)));
      store<u32>(UART_RX_RING, r + 1, 4);
      return b;
    }
    case 1: return (lcr & 0x80) != 0 ? dlm : ier;
    case 2: {
      let fifo: u32 = (fcr & 1) != 0 ? 0xc0 : 0;
      if ((ier & 1) != 0 && rxCount() != 0) return fifo | 0x4;
      if ((ier & 2) != 0 && thrIntPending) {
        thrIntPending = false; // reading IIR clears the THRE interrupt
        irqEvent = true;
        return fifo | 0x2;
      }
      return fifo | 0x1;
    }
    case 3: return lcr;
    case 4: return mcr;
    case 5: return 0x60 | (rxCount() != 0 ? 1 : 0);
    case 6: return (mcr & 0x10) != 0 ? ((mcr & 0xc) << 4) | ((mcr & 3) << 4) : 0xb0; // DCD|DSR|CTS
    case 7: return scr;
  }
  return 0;
}

export function uartWrite(off: u32, v: u32): void {
  v &= 0xff;
  switch (off) {
    case 0:
      if ((lcr & 0x80) != 0) { dll = v; return; }
      txByte(v);
      thrIntPending = true; // transmitted at once: THR empty again
      irqEvent = true;
      return;
    case 1:
      if ((lcr & 0x80) != 0) { dlm = v; return; }
      if ((v & 2) != 0 && (ier & 2) == 0) thrIntPending = true;
      if ((v & 0xf) != ier) irqEvent = true;
      ier = v & 0xf;
      return;
    case 2: fcr = v & 0xc9; irqEvent = true; return;
    case 3: lcr = v; return;
    case 4: mcr = v & 0x1f; return;
    case 7: scr = v; return;
  }
}

export function uartPush(b: i32): i32 {
  let w = load<u32>(UART_RX_RING);
  if (w - load<u32>(UART_RX_RING, 4) >= UART_RX_CAP) return 0;
  store<u8>(UART_RX_RING + 16 + <usize>(w & (UART_RX_CAP - 1)), <u8>b);
  store<u32>(UART_RX_RING, w + 1);
  return 1;
}

export function uartPop(): i32 {
  let r = load<u32>(UART_TX_RING, 4);
  if (load<u32>(UART_TX_RING) == r) return -1;
  let b = <i32>load<u8>(UART_TX_RING + 16 + <usize>(r & (UART_TX_CAP - 1)));
  store<u32>(UART_TX_RING, r + 1, 4);
  return b;
}
