// The zod schema of catalog.json: the data file holds hex strings for addresses (JSON has no
// 64-bit integers); parsing turns them into bigints and checks every field, so a bad edit of the
// data file fails loudly at load time, naming the platform and the field.
import { z } from 'zod';
import { u64 } from '../model/numbers.js';
import { BaoVersion, RiscvIrqc } from '../model/schema.js';

const irqId = z.number().int().nonnegative();
const range = z.object({ base: u64, size: u64 }).strict();

const device = z
  .object({
    name: z.string().min(1),
    pa: u64,
    size: u64,
    interrupts: z.array(irqId),
    kind: z.enum([
      'uart',
      'virtio-mmio',
      'rtc',
      'pcie',
      'flash',
      'fw-cfg',
      'gpio',
      'timer',
      'ethernet',
      'syscon',
      'mailbox',
      'memory',
      'other',
    ]),
    streamId: z.number().int().positive().optional(),
    compatible: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const gic = z
  .object({
    type: z.enum(['GICv2', 'GICv3']),
    gicd: u64,
    gicc: u64.optional(),
    gicr: u64.optional(),
    gich: u64.optional(),
    gicv: u64.optional(),
    maintenanceIrq: irqId,
    maxInterruptId: irqId,
    maxInterruptIdIsArchitectural: z.boolean(),
  })
  .strict();

const riscvChoice = z
  .object({
    kind: RiscvIrqc,
    versions: z.array(BaoVersion).min(1),
    base: u64,
    size: u64,
    imsic: z
      .object({ base: u64, numMsis: z.number().int(), numGuestFiles: z.number().int() })
      .strict()
      .optional(),
    maxInterruptId: irqId,
    qemuMachineOption: z.string().optional(),
  })
  .strict();

const riscv = z
  .object({
    type: z.literal('riscv'),
    choices: z.array(riscvChoice).min(1),
    defaults: z.object({ 'v1.0': RiscvIrqc.optional(), v2: RiscvIrqc.optional() }).strict(),
    ipic: z.string(),
  })
  .strict();

const rh850 = z
  .object({
    type: z.literal('rh850-intc'),
    intc1: u64,
    intc2: u64,
    ipir: u64,
    bootctrl: u64,
    maxInterruptId: irqId,
    other: z.record(z.string(), u64),
  })
  .strict();

const tricore = z
  .object({
    type: z.literal('tricore-ir'),
    intAddr: u64,
    srcAddr: u64,
    gpsrOffset: u64,
    gpsrSize: u64,
    maxInterruptId: irqId,
  })
  .strict();

export const PlatformSchema = z
  .object({
    name: z.string().min(1),
    arch: z.enum(['riscv64', 'riscv32', 'aarch64', 'aarch32', 'tricore', 'rh850']),
    profile: z.enum(['armv8-a', 'armv8-r', 'riscv', 'tricore', 'rh850']),
    baoVersions: z.array(BaoVersion).min(1),
    cpus: z.number().int().positive(),
    clusters: z.array(z.number().int().positive()).optional(),
    cpuMasterFixed: z.number().int().nonnegative().optional(),
    memory: z
      .array(
        z
          .object({ base: u64, size: u64, perms: z.enum(['MEM_RWX', 'MEM_RX']).optional() })
          .strict(),
      )
      .min(1),
    nonUnifiedMemory: z.boolean(),
    memProtection: z.enum(['mmu', 'mpu']),
    pageSize: u64,
    irqc: z.union([gic, riscv, rh850, tricore]),
    console: z.object({ base: u64.optional(), driver: z.string() }).strict(),
    hypervisor: z.object({ base: u64.optional(), size: u64, source: z.string() }).strict(),
    devices: z.array(device),
    inventoryComplete: z.boolean(),
    systemDevices: z.array(z.object({ name: z.string(), pa: u64, size: u64 }).strict()),
    smmu: z
      .object({
        base: u64,
        interruptId: irqId.optional(),
        globalMask: z.number().int().optional(),
      })
      .strict()
      .optional(),
    reservedInterrupts: z.array(z.object({ id: irqId, what: z.string() }).strict()).optional(),
    coloring: z.boolean(),
    protectableDevices: z.array(u64).optional(),
    mmioRegions: z.array(range).optional(),
    qemu: z
      .object({
        binary: z.string(),
        machine: z.string(),
        cpu: z.string().optional(),
        memory: z.string(),
        smp: z.number().int().positive(),
      })
      .strict()
      .optional(),
    build: z.record(z.string(), z.string()),
    source: z.string(),
    notes: z.array(z.string()),
  })
  .strict();
