// CFI parallel flash (Intel command set, QEMU's pflash_cfi01) at 0x20000000 and 0x22000000,
// 32 MiB each, like QEMU virt without -drive if=pflash: bank width 4 made of two x16 devices,
// 256 KiB sectors. Contents read as zero and programming/erase only report success (no
// backing store yet); the query (0x98) and identify (0x90) modes answer like QEMU so U-Boot
// detects the flash the same way. Registers are addressed in 4-byte units (offset >> 2).
export const FLASH_BASE: u64 = 0x20000000;
export const FLASH_END: u64 = 0x24000000;

let mode0: u32 = 0; // per bank: 0 read array, 0x98 query, 0x90 identify, 0x70 status
let mode1: u32 = 0;

function cfi(i: u32): u32 {
  switch (i) {
    case 0x10: return 0x51; // 'Q'
    case 0x11: return 0x52; // 'R'
    case 0x12: return 0x59; // 'Y'
    case 0x13: return 0x01; // Intel command set
    case 0x15: return 0x31; // extended table at 0x31
    case 0x1b: return 0x45;
    case 0x1c: return 0x55;
    case 0x1f: return 0x07;
    case 0x20: return 0x07;
    case 0x21: return 0x0a;
    case 0x23: return 0x04;
    case 0x24: return 0x04;
    case 0x25: return 0x04;
    case 0x27: return 24; // 16 MiB per device
    case 0x28: return 0x02;
    case 0x2a: return 0x0b;
    case 0x2c: return 0x01; // one erase region
    case 0x2d: return 127; // 128 blocks per device
    case 0x2f: return 0x00; // 128 KiB per device block
    case 0x30: return 0x02;
    case 0x31: return 0x50; // 'P'
    case 0x32: return 0x52; // 'R'
    case 0x33: return 0x49; // 'I'
    case 0x34: return 0x31; // '1'
    case 0x35: return 0x30; // '0'
    case 0x3f: return 0x01;
  }
  return 0;
}

export function flashReset(): void {
  mode0 = 0;
  mode1 = 0;
}

export function flashRead(pa: u64, size: i32): u64 {
  let bank = pa >= 0x22000000 ? 1 : 0;
  let mode = bank == 0 ? mode0 : mode1;
  if (mode == 0) return 0;
  let off = <u32>(pa - (bank == 0 ? FLASH_BASE : 0x22000000));
  let idx = off >> 2;
  let t: u32;
  if (mode == 0x98) t = cfi(idx);
  else if (mode == 0x90) t = idx == 0 ? 0x89 : idx == 1 ? 0x18 : 0;
  else t = 0x80; // status: ready
  let word = <u64>(t | (t << 16)); // both x16 devices answer in their lanes
  let v = (word | (word << 32)) >>> (<u64>(off & 3) * 8);
  if (size == 1) return v & 0xff;
  if (size == 2) return v & 0xffff;
  if (size == 4) return v & 0xffffffff;
  return word | (word << 32);
}

export function flashWrite(pa: u64, v: u64): void {
  let bank = pa >= 0x22000000 ? 1 : 0;
  let cmd = <u32>v & 0xff;
  let m: u32 = 0;
  if (cmd == 0x98) m = 0x98;
  else if (cmd == 0x90) m = 0x90;
  else if (cmd == 0x70 || cmd == 0x20 || cmd == 0x40 || cmd == 0x10 || cmd == 0xe8 || cmd == 0xd0 || cmd == 0x60 || cmd == 0x01) m = 0x70;
  else m = 0; // 0xff / 0xf0 / data: back to read array
  if (bank == 0) mode0 = m;
  else mode1 = m;
}
