// Options a machine is created with, and parsing of the sizes users type ("512M", "2G").

export interface MachineOptions {
  /** 1..8 harts (QEMU's -smp). */
  harts?: number;
  /** RAM size in bytes (QEMU's -m), 1 MiB .. 3 GiB; default 128 MiB like QEMU. */
  ramSize?: bigint;
  /** mtime frequency (timebase-frequency), default 10 MHz like QEMU. */
  mtimeHz?: number;
  /**
   * 'deterministic' (default): mtime advances with retired instructions, so a run is
   * reproducible. 'wall': mtime follows the host clock.
   */
  clock?: 'deterministic' | 'wall';
  /** Instructions per mtime tick in deterministic mode (default 10: 100 MIPS nominal at 10 MHz). */
  insnsPerTick?: number;
  /** Instructions a hart runs before the next one gets its turn. */
  quantum?: number;
  /**
   * Translation of hot code to WebAssembly at run time (default on). It never changes what a
   * guest observes: the same instructions retire in the same order with the same results, so
   * runs are identical with it on or off; off is the reference interpreter alone.
   * `threshold`: times a jump target must be reached before its block is translated;
   * `after`: instructions (of the deterministic clock) run before anything is translated;
   * `batch`: blocks that must be queued before a translation at the end of a run (fewer wait
   * up to 2 M instructions: each compiled module has a fixed cost). Defaults: 2048, 0, 16.
   */
  jit?: boolean | { threshold?: number; after?: number; batch?: number };
  /**
   * Interrupt controllers, as QEMU's `-M virt,aia=…`: 'none' (default) the PLIC; 'aplic' the
   * APLIC with direct delivery; 'aplic-imsic' the APLIC delivering MSIs to per-hart IMSICs.
   */
  aia?: 'none' | 'aplic' | 'aplic-imsic';
  /** Guest interrupt files per hart with aia = 'aplic-imsic' (QEMU's aia-guests), 0..7. */
  aiaGuests?: number;
  hExtension?: boolean;
  sstc?: boolean;
  svpbmt?: boolean;
  /** Zicbom / Zicboz (cbo.*, 64-byte blocks) and Svinval: off by default, like QEMU 7.2. */
  zicbom?: boolean;
  zicboz?: boolean;
  svinval?: boolean;
}

export const DEFAULT_RAM = 128n << 20n;
export const MAX_RAM = 3n << 30n;

/** Parses a size like QEMU's -m: plain numbers are MiB; K/M/G/T suffixes (optionally with B/iB). */
export function parseSize(text: string): bigint {
  const m = /^\s*(\d+)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (!m) throw new RangeError(`not a size: "${text}" (examples: 512M, 2G)`);
  const shift: Record<string, bigint> = { '': 20n, k: 10n, m: 20n, g: 30n, t: 40n };
  return BigInt(m[1]) << shift[m[2].toLowerCase()];
}

export function formatSize(bytes: bigint): string {
  for (const [s, u] of [
    [30n, 'G'],
    [20n, 'M'],
    [10n, 'K'],
  ] as const) {
    if (bytes >= 1n << s && bytes % (1n << s) === 0n) return `${bytes >> s}${u}`;
  }
  return `${bytes}B`;
}
