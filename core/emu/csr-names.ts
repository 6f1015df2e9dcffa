// CSR numbers by name, for the API, the CLI and the debugger (privileged spec 1.12 + H + Sstc).
export const CSR: Record<string, number> = {
  fflags: 0x001, frm: 0x002, fcsr: 0x003,
  cycle: 0xc00, time: 0xc01, instret: 0xc02,
  sstatus: 0x100, sie: 0x104, stvec: 0x105, scounteren: 0x106, senvcfg: 0x10a,
  sscratch: 0x140, sepc: 0x141, scause: 0x142, stval: 0x143, sip: 0x144, stimecmp: 0x14d, satp: 0x180,
  hstatus: 0x600, hedeleg: 0x602, hideleg: 0x603, hie: 0x604, htimedelta: 0x605, hcounteren: 0x606,
  hgeie: 0x607, henvcfg: 0x60a, htval: 0x643, hip: 0x644, hvip: 0x645, htinst: 0x64a, hgatp: 0x680, hgeip: 0xe12,
  vsstatus: 0x200, vsie: 0x204, vstvec: 0x205, vsscratch: 0x240, vsepc: 0x241, vscause: 0x242, vstval: 0x243,
  vsip: 0x244, vstimecmp: 0x24d, vsatp: 0x280,
  mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15,
  mstatus: 0x300, misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305, mcounteren: 0x306,
  menvcfg: 0x30a, mcountinhibit: 0x320, mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  mtinst: 0x34a, mtval2: 0x34b, mcycle: 0xb00, minstret: 0xb02,
};
for (let i = 0; i < 16; i++) CSR[`pmpaddr${i}`] = 0x3b0 + i;
for (let i = 0; i < 4; i += 2) CSR[`pmpcfg${i}`] = 0x3a0 + i;

/** A CSR number from a name or a number (decimal or 0x hex). */
export function csrNumber(nameOrNumber: string | number): number {
  if (typeof nameOrNumber === 'number') return nameOrNumber;
  const n = CSR[nameOrNumber.toLowerCase()];
  if (n !== undefined) return n;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(nameOrNumber)) return Number(nameOrNumber);
  throw new RangeError(`unknown CSR "${nameOrNumber}"`);
}
