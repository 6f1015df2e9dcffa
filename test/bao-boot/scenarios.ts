// The Bao systems of issue 4's acceptance, as Bao Studio projects running our own demo guest
// (assets/guests): one VM, a 4-vCPU VM, and two VMs linked by IPC. Each lists the lines every VM
// must print, in order, so a run can be checked per VM even when VMs interleave on the UART.
import {
  Project,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  type BaoVersion,
} from '../../core/bao/model/index.js';

const GUESTS = new URL('../../assets/guests/build/', import.meta.url).pathname;

export interface Scenario {
  name: string;
  project: Project;
  /** VM name → lines it prints, in order. */
  lines: Record<string, string[]>;
  /** Lines that must appear, in any order (secondary vCPUs greet concurrently; IPC messages
   * arrive whenever the peer sends them). */
  anyOrder: string[];
  /** Typed on the UART once `after` has appeared; `expect` must then be echoed. */
  echo?: { after: string; text: string; expect: string };
}

const uart = {
  pa: '0x10000000',
  va: '0x10000000',
  size: '0x1000',
  interrupts: [10],
  meta: { name: 'UART' },
};
const plic = { irqc: { plic: { base: '0xc000000' } } };

function vm(name: string, image: string, cpus: number, extra: Record<string, unknown> = {}) {
  return {
    image: {
      source: 'builtin',
      name: `${name.replace(/-/g, '_')}_image`,
      path: `BAO_WRKDIR_IMGS/${image}`,
      base_addr: '0x80200000',
    },
    entry: '0x80200000',
    platform: {
      cpu_num: cpus,
      regions: [{ base: '0x80200000', size: '0x4000000' }],
      devs: [uart],
      arch: plic,
      ...extra,
    },
    meta: { name, guest: 'baremetal', imageFile: GUESTS + image },
  };
}

function project(name: string, bao: BaoVersion, config: Record<string, unknown>): Project {
  return Project.parse({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name,
    target: { bao, platform: 'qemu-riscv64-virt', ...(bao === 'v2' ? { irqc: 'PLIC' } : {}) },
    config,
  });
}

function guestLines(
  vmName: string,
  cpus: number,
  opts: { ipc?: boolean; echo?: boolean } = {},
): string[] {
  const p = `[${vmName}] `;
  return [
    `${p}Bao Studio bare-metal guest`,
    `${p}hello from vCPU 0`,
    `${p}${cpus} ${cpus === 1 ? 'vCPU' : 'vCPUs'} up`,
    `${p}timer tick 1`,
    `${p}timer tick 2`,
    `${p}timer tick 3`,
    ...(opts.ipc ? [`${p}ipc: sent a message to the peer VM`] : []),
    opts.echo === false ? `${p}ready` : `${p}ready: type to echo`,
  ];
}

export function scenarios(bao: BaoVersion): Scenario[] {
  const ipc = { base: '0xf0000000', size: '0x10000', shmem_id: 0, interrupts: [52] };
  return [
    {
      name: 'one VM',
      project: project('one-vm', bao, { vmlist: [vm('bm', 'baremetal.bin', 1)] }),
      lines: { bm: guestLines('bm', 1) },
      anyOrder: [],
      echo: {
        after: '[bm] ready: type to echo',
        text: 'bao-studio\r',
        expect: 'ready: type to echo\r\nbao-studio\r\n',
      },
    },
    {
      name: '4-vCPU VM',
      project: project('four-vcpus', bao, { vmlist: [vm('bm', 'baremetal.bin', 4)] }),
      lines: { bm: guestLines('bm', 4) },
      anyOrder: ['[bm] hello from vCPU 1', '[bm] hello from vCPU 2', '[bm] hello from vCPU 3'],
    },
    {
      name: 'two VMs with IPC',
      project: project('two-vms-ipc', bao, {
        shmemlist: [{ size: '0x10000' }],
        vmlist: [
          vm('vm-a', 'baremetal-ipc-a.bin', 2, { ipcs: [ipc] }),
          vm('vm-b', 'baremetal-ipc-b.bin', 2, {
            ipcs: [ipc],
            devs: [
              {
                pa: '0x10000000',
                va: '0xff000000',
                size: '0x1000',
                interrupts: [],
                meta: { name: 'UART (polled)' },
              },
            ],
          }),
        ],
      }),
      lines: {
        'vm-a': guestLines('vm-a', 2, { ipc: true }),
        'vm-b': guestLines('vm-b', 2, { ipc: true, echo: false }),
      },
      anyOrder: [
        '[vm-a] hello from vCPU 1',
        '[vm-b] hello from vCPU 1',
        '[vm-a] ipc: received "hello from vm-b over shared memory"',
        '[vm-b] ipc: received "hello from vm-a over shared memory"',
      ],
    },
  ];
}
