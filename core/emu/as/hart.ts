// Hart register block: one 4 KiB block per hart at HARTS_OFF + h * HART_SIZE. The first fields
// are public (ABI.md); CSR storage follows at fixed offsets so every access is `load offset=K`.
import { HARTS_OFF, HART_SIZE } from './layout';

export const H_X: usize = 0;
export const H_F: usize = 256;
export const H_PC: usize = 512;
export const H_PRIV: usize = 520;
export const H_VIRT: usize = 524;
export const H_WFI: usize = 528;
export const H_RUNNING: usize = 532;
export const H_INSTRET: usize = 536;
// CSR storage (u64 each)
export const C_MSTATUS: usize = 544;
export const C_MISA: usize = 552;
export const C_MEDELEG: usize = 560;
export const C_MIDELEG: usize = 568;
export const C_MIE: usize = 576;
export const C_MIP: usize = 584; // software-writable bits only; device lines are merged in
export const C_MTVEC: usize = 592;
export const C_MCOUNTEREN: usize = 600;
export const C_MENVCFG: usize = 608;
export const C_MSCRATCH: usize = 616;
export const C_MEPC: usize = 624;
export const C_MCAUSE: usize = 632;
export const C_MTVAL: usize = 640;
export const C_MTVAL2: usize = 648;
export const C_MTINST: usize = 656;
export const C_MCOUNTINHIBIT: usize = 664;
export const C_MHARTID: usize = 672;
export const C_STVEC: usize = 680;
export const C_SCOUNTEREN: usize = 688;
export const C_SENVCFG: usize = 696;
export const C_SSCRATCH: usize = 704;
export const C_SEPC: usize = 712;
export const C_SCAUSE: usize = 720;
export const C_STVAL: usize = 728;
export const C_SATP: usize = 736;
export const C_STIMECMP: usize = 744;
export const C_FCSR: usize = 752;
export const C_HSTATUS: usize = 760;
export const C_HEDELEG: usize = 768;
export const C_HIDELEG: usize = 776;
export const C_HVIP: usize = 784; // not used: hvip bits live in C_MIP (VSSIP/VSTIP/VSEIP)
export const C_HCOUNTEREN: usize = 792;
export const C_HGEIE: usize = 800;
export const C_HTVAL: usize = 808;
export const C_HTINST: usize = 816;
export const C_HGATP: usize = 824;
export const C_HENVCFG: usize = 832;
export const C_HTIMEDELTA: usize = 840;
export const C_VSSTATUS: usize = 848;
export const C_VSTVEC: usize = 856;
export const C_VSSCRATCH: usize = 864;
export const C_VSEPC: usize = 872;
export const C_VSCAUSE: usize = 880;
export const C_VSTVAL: usize = 888;
export const C_VSATP: usize = 896;
export const C_VSTIMECMP: usize = 904;
export const C_MCYCLE_OFF: usize = 912; // mcycle = instret + this offset (writes adjust it)
export const C_MINSTRET_OFF: usize = 920;
export const C_MTIMECMP: usize = 928; // CLINT mtimecmp of this hart
export const C_MSIP: usize = 936; // CLINT msip (bit 0)
export const C_RES_ADDR: usize = 944; // LR reservation physical address (-1 none)
export const C_RES_VAL: usize = 952; // value loaded by LR (SC compares it, like QEMU)
export const C_EXT_LINES: usize = 960; // MEIP/SEIP lines from the PLIC (mip bit positions)
export const C_HGEIP: usize = 968;
export const C_HPMEVENT: usize = 976; // 16 u64 (mhpmevent3..18) up to 1104
export const C_PMPCFG: usize = 1104; // 16 bytes (pmpcfg0 = bytes 0..7, pmpcfg2 = 8..15)
export const C_PMPADDR: usize = 1120; // 16 u64, up to 1248
export const C_HPMCOUNTER: usize = 1248; // 16 u64 (mhpmcounter3..18), up to 1376
export const C_MSECCFG: usize = 1376;
export const C_DATACTX: usize = 1384; // u64: TLB tag context for loads/stores (MPRV-aware)
export const C_FETCHCTX: usize = 1392; // u64: TLB tag context for fetches
export const C_PMPNUM: usize = 1400; // u32: number of active PMP entries (0 = none set)
export const C_VSSIP_SW: usize = 1408;
export const C_MISELECT: usize = 1416; // AIA indirect CSR selects
export const C_SISELECT: usize = 1424;
export const C_VSISELECT: usize = 1432;
export const C_HVICTL: usize = 1440;
export const C_HVIPRIO1: usize = 1448;
export const C_HVIPRIO2: usize = 1456;
export const C_MCYCLE_FROZEN: usize = 1464; // value held while mcountinhibit.CY = 1
export const C_MINSTRET_FROZEN: usize = 1472; // value held while mcountinhibit.IR = 1
// Spin-wait detector (exec.ts), in the block so translated code (jit.ts) shares it exactly.
export const H_SPIN_PC: usize = 1480;
export const H_SPIN_A: usize = 1488;
export const H_SPIN_B: usize = 1496;
export const H_SPIN_CNT: usize = 1504; // i32
export const H_SPIN_BASE: usize = 1508; // i32: what a store resets the count to

@inline export function hartBase(h: i32): usize {
  return HARTS_OFF + <usize>h * HART_SIZE;
}
