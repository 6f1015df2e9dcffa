// Fixed linear-memory layout of the emulator (see ABI.md). Everything the hot path touches sits
// at constant offsets so loads/stores compile to `i64.load offset=K` with no indirection.

export const STATE_BASE: usize = 0x100000; // static data of the module must end below this
export const HART_SIZE: usize = 0x1000;
export const HARTS_OFF: usize = 0x100000; // 8 hart blocks
export const MAX_HARTS: i32 = 8;

// TLBs: per hart 3 arrays (fetch, load, store) of TLB_N entries {u64 tag, u64 addend}.
export const TLB_BITS: u32 = 8;
export const TLB_N: u32 = 1 << TLB_BITS;
export const TLB_ARRAY: usize = (<usize>TLB_N) << 4; // bytes per array
export const TLB_PER_HART: usize = TLB_ARRAY * 4;
export const TLB_OFF: usize = 0x110000; // 8 * TLB_PER_HART = 128 KiB
export const TLB_FETCH: usize = 0;
export const TLB_LOAD: usize = TLB_ARRAY;
export const TLB_STORE: usize = TLB_ARRAY * 2;

export const UART_TX_RING: usize = 0x130000; // 16 + 64 KiB
export const UART_TX_CAP: u32 = 0x10000;
export const UART_RX_RING: usize = 0x142000; // 16 + 4 KiB
export const UART_RX_CAP: u32 = 0x1000;
export const EVENT_RING: usize = 0x144000; // 32 + 1024 * 32
export const EVENT_CAP: u32 = 1024;
export const BP_TABLE: usize = 0x150000; // 64 u64 breakpoints
export const BP_MAX: i32 = 64;
export const PLIC_STATE: usize = 0x151000; // see dev/plic.ts
export const IMSIC_STATE: usize = 0x152000; // see dev/imsic.ts (8 harts x 9 files x 128 B)
export const APLIC_STATE: usize = 0x156000; // see dev/aplic.ts (2 domains x 4 KiB)
export const RVC_TABLE: usize = 0x160000; // 65536 u32: expansion of every 16-bit instruction
export const ROM_OFF: usize = 0x1a0000; // boot ROM contents (phys 0x1000 .. 0x10000)
export const ROM_BASE: u64 = 0x1000;
export const ROM_SIZE: u64 = 0xf000;
export const ZERO_PAGE: usize = 0x1b0000; // always zero: the invalid fetch-cache points here
export const SCRATCH_OFF: usize = 0x200000;
export const SCRATCH_SIZE: usize = 0x100000;
// JIT (see jit.ts): block table (JIT_N entries {u32 key, u32 fn, u32 len, u32 0}), hotness
// counters (JIT_N u16), the queue of blocks to translate (u32 count, u32 host addresses), and the
// words a translated block reports through (status, fault flag).
export const JIT_BITS: u32 = 15;
export const JIT_N: u32 = 1 << JIT_BITS;
export const JIT_TABLE: usize = 0x300000; // 32768 x 16 B = 512 KiB
export const JIT_COUNT: usize = 0x380000; // 32768 x u16 = 64 KiB
export const JIT_QUEUE: usize = 0x390000; // u32 count + JIT_QMAX u32
export const JIT_QMAX: u32 = 1024;
export const JIT_IO: usize = 0x392000; // u32 status, u32 fault
export const RAM_OFF: usize = 0x400000;
export const RAM_BASE: u64 = 0x80000000;
