// What a machine reports while it runs: decoded from the wasm event ring (ABI.md).

export type Privilege = 'U' | 'S' | 'M';
export interface Mode {
  priv: Privilege;
  /** Virtualised (VS/VU) — only with the hypervisor extension. */
  virt: boolean;
}

export type EmuEvent =
  | {
      kind: 'trap';
      hart: number;
      cause: bigint;
      interrupt: boolean;
      epc: bigint;
      from: Mode;
      to: Mode;
    }
  | { kind: 'mode'; hart: number; pc: bigint; from: Mode; to: Mode }
  | { kind: 'uart'; byte: number }
  | { kind: 'power'; hart: number; action: 'poweroff' | 'reboot'; code: number }
  | { kind: 'breakpoint'; hart: number; pc: bigint };

export type EventKind = EmuEvent['kind'];
export const EVENT_KIND_IDS: Record<EventKind, number> = {
  trap: 1,
  mode: 2,
  uart: 3,
  power: 4,
  breakpoint: 5,
};

const PRIVS: Record<number, Privilege> = { 0: 'U', 1: 'S', 3: 'M' };
export function privName(p: number): Privilege {
  return PRIVS[p] ?? 'M';
}

function modes(c: bigint): { from: Mode; to: Mode } {
  const n = Number(c & 0xfffn);
  return {
    from: { priv: privName(n & 3), virt: ((n >> 2) & 1) === 1 },
    to: { priv: privName((n >> 8) & 3), virt: ((n >> 10) & 1) === 1 },
  };
}

const IRQ_BIT = 1n << 63n;

export function decodeEvent(
  kind: number,
  hart: number,
  a: bigint,
  b: bigint,
  c: bigint,
): EmuEvent | undefined {
  switch (kind) {
    case 1:
      return {
        kind: 'trap',
        hart,
        cause: a & ~IRQ_BIT,
        interrupt: (a & IRQ_BIT) !== 0n,
        epc: b,
        ...modes(c),
      };
    case 2:
      return { kind: 'mode', hart, pc: b, ...modes(c) };
    case 3:
      return { kind: 'uart', byte: Number(a & 0xffn) };
    case 4:
      return { kind: 'power', hart, action: a === 2n ? 'reboot' : 'poweroff', code: Number(b) };
    case 5:
      return { kind: 'breakpoint', hart, pc: a };
    default:
      return undefined;
  }
}

export function formatMode(m: Mode): string {
  return (m.virt ? 'V' : '') + m.priv;
}
