// Machine-wide state shared by the hart, bus and devices (wasm globals).

export let nHarts: i32 = 0;
export let ramSize: u64 = 0;
export let ramEnd: u64 = 0; // RAM_BASE + ramSize

// Options (ABI.md setOption ids)
export let insnsPerTick: u64 = 10;
export let quantum: u64 = 1000;
export let wallClock: bool = false;
export let optH: bool = true;
export let optSstc: bool = true;
export let optSvpbmt: bool = true;
// Off by default like QEMU 7.2 (Bao main needs Zicbom/Zicboz on)
export let optZicbom: bool = false;
export let optZicboz: bool = false;
export let optSvinval: bool = false;
// AIA: 0 none (PLIC), 1 APLIC (direct delivery), 2 APLIC + IMSIC (MSI); guest files per hart
export let optAia: i32 = 0;
export let optAiaGuests: i32 = 0;

// Virtual time: instructions of the deterministic clock. mtime = mtimeBase + vclock / insnsPerTick.
export let vclock: u64 = 0;
export let mtimeBase: u64 = 0;
export let wallMtime: u64 = 0;
// vclock at the start of the current slice; the running hart's own progress is added (sliceDone)
export let sliceDone: u64 = 0;

// Power (sifive_test)
export let powerState: i32 = 0;
export let powerCode: i32 = 0;

// Events
export let eventMask: i32 = 0;

// Current hart (set by the scheduler) and pending exception of the current instruction.
export let curHart: i32 = 0;
export let curHB: usize = 0;
export let excCause: i64 = -1; // >= 0: an exception was raised by a slow path
export let excTval: u64 = 0;
export let excTval2: u64 = 0; // guest physical address >> 2 for guest-page faults
export let excGva: bool = false; // tval holds a guest virtual address

export function setNHarts(n: i32): void { nHarts = n; }
export function setRam(size: u64): void { ramSize = size; ramEnd = 0x80000000 + size; }
export function setOpt(id: i32, v: u64): void {
  if (id == 0) insnsPerTick = v == 0 ? 1 : v;
  else if (id == 1) quantum = v == 0 ? 1 : v;
  else if (id == 2) wallClock = v != 0;
  else if (id == 3) optH = v != 0;
  else if (id == 4) optSstc = v != 0;
  else if (id == 5) optSvpbmt = v != 0;
  else if (id == 6) optZicbom = v != 0;
  else if (id == 7) optZicboz = v != 0;
  else if (id == 8) optSvinval = v != 0;
  else if (id == 9) optAia = v > 2 ? 2 : <i32>v;
  else if (id == 10) optAiaGuests = v > 7 ? 7 : <i32>v;
}
export function getOpt(id: i32): u64 {
  if (id == 0) return insnsPerTick;
  if (id == 1) return quantum;
  if (id == 2) return wallClock ? 1 : 0;
  if (id == 3) return optH ? 1 : 0;
  if (id == 4) return optSstc ? 1 : 0;
  if (id == 5) return optSvpbmt ? 1 : 0;
  if (id == 6) return optZicbom ? 1 : 0;
  if (id == 7) return optZicboz ? 1 : 0;
  if (id == 8) return optSvinval ? 1 : 0;
  if (id == 9) return <u64>optAia;
  if (id == 10) return <u64>optAiaGuests;
  return 0;
}
export function setVclock(v: u64): void { vclock = v; }
export function setSliceDone(v: u64): void { sliceDone = v; }
export function setMtime(t: u64): void {
  if (wallClock) wallMtime = t;
  else mtimeBase = t - vclock / insnsPerTick;
}
@inline export function mtime(): u64 {
  if (wallClock) return wallMtime;
  return mtimeBase + (vclock + sliceDone) / insnsPerTick;
}
export function setPower(s: i32, code: i32): void { powerState = s; powerCode = code; }
export function setEventMask(m: i32): void { eventMask = m; }
export function setCur(h: i32, hb: usize): void { curHart = h; curHB = hb; }
@inline export function raise(cause: i64, tval: u64): void {
  excCause = cause; excTval = tval; excTval2 = 0; excGva = false;
}
export function raiseG(cause: i64, tval: u64, tval2: u64, gva: bool): void {
  excCause = cause; excTval = tval; excTval2 = tval2; excGva = gva;
}
@inline export function clearExc(): void { excCause = -1; }
