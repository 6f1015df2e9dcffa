// Every field of the selected element, in Bao's own names, with its problems inline.
import { useEffect, useRef, useState } from 'react';
import { formatPath, type ModelPath } from '../../../core/bao/model/path.js';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { elementOf, samePath } from '../state/selection.js';
import { humanSize, toHex } from '../state/numbers.js';
import {
  BitsField,
  BoolField,
  IntField,
  IrqField,
  NumField,
  SelectField,
  TextField,
} from './fields.js';
import { GuestKind } from '../../../core/bao/model/index.js';
import { domain } from '../domain/core.js';
import { addRemioPair, addSmmuGroup, removeSmmuGroup } from '../state/edits.js';

const GUESTS = GuestKind.options.map((g) => ({ value: g, label: g }));
const COLOR_BITS = 16;

/** Cache colouring only has an effect where Bao probes the cache (Armv8-A). */
function ColoringNote({ coloring }: { coloring: boolean | undefined }) {
  if (coloring !== false) return null;
  return (
    <div className="hint" style={{ padding: '0 0 6px 116px' }} data-testid="coloring-note">
      Colors have no effect on this platform.
    </div>
  );
}

function ElementProblems({ path }: { path: ModelPath }) {
  const diagnostics = useStoreState((s) => s.derived.diagnostics);
  const mine = diagnostics.filter((d) => samePath(d.path, path));
  if (!mine.length) return null;
  return (
    <div className="field">
      {mine.map((d, k) => (
        <div
          key={k}
          className={`err ${d.severity}`}
          style={{ gridColumn: '1 / 3' }}
          data-testid="element-problem"
        >
          {d.message}
        </div>
      ))}
    </div>
  );
}

/**
 * Armv8: the vGIC's guest addresses and its interrupt_num (how many interrupt ids the VM's vGIC
 * implements; unset, Bao uses the physical GIC's). The CPU interface (GICv2) or the redistributor
 * (GICv3) follows the platform's GIC; one already set is shown either way.
 */
function GicFields({ vm }: { vm: number }) {
  const gic = useStoreState((s) => s.project.config.vmlist[vm]?.platform.arch.gic);
  const irqc = useStoreState((s) => s.platform?.irqc.type);
  const p: ModelPath = ['config', 'vmlist', vm, 'platform', 'arch', 'gic'];
  return (
    <>
      <NumField path={[...p, 'gicd_addr']} label="gicd_addr" value={gic?.gicd_addr} optional />
      {(irqc !== 'GICv3' || gic?.gicc_addr !== undefined) && (
        <NumField path={[...p, 'gicc_addr']} label="gicc_addr" value={gic?.gicc_addr} optional />
      )}
      {(irqc !== 'GICv2' || gic?.gicr_addr !== undefined) && (
        <NumField path={[...p, 'gicr_addr']} label="gicr_addr" value={gic?.gicr_addr} optional />
      )}
      <IntField
        path={[...p, 'interrupt_num']}
        label="interrupt_num"
        value={gic?.interrupt_num}
        optional
      />
    </>
  );
}

/** Armv8-A SMMU: the VM's stream-match groups ({mask, id}) and the global mask. */
function SmmuFields({ vm }: { vm: number }) {
  const store = useDesigner();
  const smmu = useStoreState((s) => s.project.config.vmlist[vm]?.platform.arch.smmu);
  const p: ModelPath = ['config', 'vmlist', vm, 'platform', 'arch', 'smmu'];
  const groups = smmu?.groups ?? [];
  return (
    <>
      <div className="group">SMMU</div>
      <IntField
        path={[...p, 'global_mask']}
        label="global_mask"
        value={smmu?.global_mask}
        optional
        hex
      />
      {groups.map((g, k) => (
        <div key={k} className="smmu-group" data-testid={`smmu-group-${vm}-${k}`}>
          <div className="subtitle" style={{ display: 'flex', alignItems: 'center' }}>
            <span style={{ flex: 1 }}>groups[{k}]</span>
            <button
              className="btn outline"
              data-testid={`smmu-remove-${vm}-${k}`}
              title="Remove this stream-match group"
              onClick={() => store.apply('Remove SMMU group', (pr) => removeSmmuGroup(pr, vm, k))}
            >
              Remove
            </button>
          </div>
          <IntField path={[...p, 'groups', k, 'mask']} label="mask" value={g.mask} hex />
          <IntField path={[...p, 'groups', k, 'id']} label="id" value={g.id} hex />
        </div>
      ))}
      <button
        className="btn outline"
        style={{ width: '100%', marginBottom: 4 }}
        data-testid={`smmu-add-${vm}`}
        onClick={() => store.apply('Add SMMU group', (pr) => addSmmuGroup(pr, vm))}
      >
        Add SMMU group
      </button>
    </>
  );
}

/**
 * Creates a Remote I/O (VirtIO) frontend/backend pair with this VM as one side and a chosen VM
 * (another one by default) as the other. Bao v1.0 has no Remote I/O: the buttons stay visible
 * but disabled, saying why.
 */
function RemioAdd({ vm }: { vm: number }) {
  const store = useDesigner();
  const bao = useStoreState((s) => s.project.target.bao);
  const names = useStoreState((s) =>
    s.project.config.vmlist.map((v, k) => v.meta?.name ?? `vm${k}`).join('\n'),
  ).split('\n');
  const [peer, setPeer] = useState<number>();
  const other =
    peer !== undefined && peer < names.length
      ? peer
      : names.length > 1
        ? (vm + 1) % names.length
        : vm;
  const v1 = bao !== 'v2';
  const why = v1
    ? 'Remote I/O needs Bao v2; the target is Bao v1.0 (switch it in the toolbar)'
    : undefined;
  // Create the pair, then select this VM's new side so its fields are at hand.
  const add = (frontend: number, backend: number) => {
    if (!store.apply('Add Remote I/O', (p) => addRemioPair(p, frontend, backend).project)) return;
    const n = store.getState().project.config.vmlist[vm]!.platform.remio_devs.length;
    store.select(['config', 'vmlist', vm, 'platform', 'remio_devs', n - 1]);
  };
  return (
    <div data-testid={`remio-add-${vm}`}>
      <div className="field">
        <label>other side</label>
        <div className="control">
          <select
            data-testid={`remio-peer-${vm}`}
            value={other}
            disabled={v1}
            title={why}
            onChange={(e) => setPeer(Number(e.target.value))}
          >
            {names.map((n, k) => (
              <option key={k} value={k}>
                {n}
                {k === vm ? ' (this VM)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div style={{ display: 'flex', gap: 4, marginBottom: 4 }}>
        <button
          className="btn outline"
          style={{ flex: 1 }}
          data-testid={`remio-add-frontend-${vm}`}
          disabled={v1}
          title={why ?? `A VirtIO frontend here, its backend in ${names[other]}`}
          onClick={() => add(vm, other)}
        >
          Add remote I/O frontend
        </button>
        <button
          className="btn outline"
          style={{ flex: 1 }}
          data-testid={`remio-add-backend-${vm}`}
          disabled={v1}
          title={why ?? `A VirtIO backend here, serving a frontend in ${names[other]}`}
          onClick={() => add(other, vm)}
        >
          Add remote I/O backend
        </button>
      </div>
    </div>
  );
}

export function Inspector() {
  const store = useDesigner();
  const project = useStoreState((s) => s.project);
  const platform = useStoreState((s) => s.platform);
  const selection = useStoreState((s) => s.selection);
  const ref = useRef<HTMLDivElement>(null);
  const el = selection ? elementOf(project, selection.path) : undefined;
  const platformDesc = domain.platform(project.target.platform);

  // Focus the field a problem points at (or the closest field above it).
  useEffect(() => {
    const field = selection?.field;
    const root = ref.current;
    if (!field || !root) return;
    for (let n = field.length; n > 0; n--) {
      const key = formatPath(field.slice(0, n));
      const input = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
      if (!input) continue;
      input.focus();
      input.scrollIntoView({ block: 'center' });
      const row = input.closest('.field');
      row?.classList.add('focused');
      const t = setTimeout(() => row?.classList.remove('focused'), 1500);
      return () => clearTimeout(t);
    }
  }, [selection]);

  const body = (() => {
    if (!el || !selection) {
      return (
        <div className="empty" data-testid="inspector-empty">
          <h3>Nothing selected</h3>
          <p>
            Click a VM, a memory region, a device, an IPC link or a shared memory on the canvas to
            edit its fields.
          </p>
          <button className="btn outline" onClick={() => store.select(['config', 'hyp'])}>
            Hypervisor settings
          </button>
        </div>
      );
    }
    const bao = project.target.bao;
    const cpus = platform?.cpus ?? 8;
    switch (el.kind) {
      case 'vm': {
        const i = el.vm!;
        const vm = project.config.vmlist[i]!;
        const p: ModelPath = ['config', 'vmlist', i];
        const img = [...p, 'image'];
        const irqc = vm.platform.arch.irqc;
        const arm = platformDesc?.arch === 'aarch64' || platformDesc?.arch === 'aarch32';
        return (
          <>
            <h3>{vm.meta?.name ?? `vm${i}`}</h3>
            <div className="subtitle">
              VM {i} · vmlist[{i}]
            </div>
            <ElementProblems path={p} />
            <TextField path={[...p, 'meta', 'name']} label="name" value={vm.meta?.name} />
            <SelectField
              path={[...p, 'meta', 'guest']}
              label="guest"
              value={vm.meta?.guest}
              options={GUESTS}
              allowUnset
            />
            <div className="group">Image</div>
            <SelectField
              path={[...img, 'source']}
              label="source"
              value={vm.image.source}
              options={[
                { value: 'builtin', label: 'built in (VM_IMAGE_BUILTIN)' },
                { value: 'loaded', label: 'loaded (VM_IMAGE_LOADED)' },
              ]}
            />
            {vm.image.source === 'builtin' && (
              <>
                <TextField
                  path={[...img, 'name']}
                  label="name"
                  value={vm.image.name}
                  pattern={/^[A-Za-z_]\w*$/}
                  patternHint="a C identifier"
                />
                <TextField path={[...img, 'path']} label="path" value={vm.image.path} />
              </>
            )}
            <NumField path={[...img, 'base_addr']} label="base_addr" value={vm.image.base_addr} />
            {vm.image.source === 'loaded' && (
              <>
                <NumField
                  path={[...img, 'load_addr']}
                  label="load_addr"
                  value={vm.image.load_addr}
                  optional
                />
                <NumField
                  path={[...img, 'size']}
                  label="size"
                  value={vm.image.size}
                  size
                  optional
                />
              </>
            )}
            <BoolField path={[...img, 'inplace']} label="inplace" value={vm.image.inplace} />
            <NumField path={[...p, 'entry']} label="entry" value={vm.entry} />
            <div className="group">CPUs</div>
            <IntField
              path={[...p, 'platform', 'cpu_num']}
              label="cpu_num"
              value={vm.platform.cpu_num}
            />
            <BitsField
              path={[...p, 'cpu_affinity']}
              label="cpu_affinity"
              value={vm.cpu_affinity}
              width={cpus}
              available={cpus}
            />
            <BitsField
              path={[...p, 'colors']}
              label="colors"
              value={vm.colors}
              width={COLOR_BITS}
            />
            <ColoringNote coloring={platformDesc?.coloring} />
            <div className="group">Interrupt controller</div>
            {irqc?.aia ? (
              <NumField
                path={[...p, 'platform', 'arch', 'irqc', 'aia', 'aplic', 'base']}
                label="aplic.base"
                value={irqc.aia.aplic.base}
              />
            ) : arm || vm.platform.arch.gic ? (
              <GicFields vm={i} />
            ) : (
              <NumField
                path={[...p, 'platform', 'arch', 'irqc', 'plic', 'base']}
                label="plic.base"
                value={irqc?.plic?.base}
                optional
              />
            )}
            {(platformDesc?.smmu !== undefined || vm.platform.arch.smmu) && <SmmuFields vm={i} />}
            {vm.meta?.guest === 'linux' && (
              <>
                <div className="group">Linux guest</div>
                <TextField
                  path={[...p, 'meta', 'bootargs']}
                  label="bootargs"
                  value={vm.meta?.bootargs}
                />
                <SelectField
                  path={[...p, 'meta', 'stdoutDev']}
                  label="console"
                  value={vm.meta?.stdoutDev === undefined ? undefined : String(vm.meta.stdoutDev)}
                  options={vm.platform.devs.map((d, k) => ({
                    value: String(k),
                    label: `${d.meta?.name ?? `device ${k}`} (${toHex(d.va)})`,
                  }))}
                  allowUnset
                  toValue={Number}
                />
              </>
            )}
            <div className="group">Remote I/O (v2)</div>
            <RemioAdd vm={i} />
            {vm.platform.remio_devs.length > 0 && (
              <>
                {vm.platform.remio_devs.map((r, k) => (
                  <button
                    key={k}
                    className="btn outline"
                    style={{ marginBottom: 4, width: '100%' }}
                    data-testid={`remio-${i}-${k}`}
                    onClick={() => store.select([...p, 'platform', 'remio_devs', k])}
                  >
                    {r.meta?.name ?? `remio ${k}`}:{' '}
                    {r.type === 'REMIO_DEV_FRONTEND' ? 'frontend' : 'backend'}, bind_key{' '}
                    {r.bind_key}
                  </button>
                ))}
              </>
            )}
            {platformDesc?.profile === 'armv8-r' && (
              <BoolField
                path={[...p, 'platform', 'mmu']}
                label="mmu (Armv8-R)"
                value={vm.platform.mmu}
              />
            )}
            <div className="group">Resources</div>
            <div className="hint" style={{ padding: 0 }}>
              {vm.platform.regions.length} region(s), {vm.platform.devs.length} device(s),{' '}
              {vm.platform.ipcs.length} IPC(s). Select one on the canvas to edit it; press Delete to
              remove the selection.
            </div>
          </>
        );
      }
      case 'region': {
        const r = project.config.vmlist[el.vm!]!.platform.regions[el.index!]!;
        const p = el.path;
        return (
          <>
            <h3>Memory region {el.index}</h3>
            <div className="subtitle">
              {project.config.vmlist[el.vm!]!.meta?.name ?? `vm${el.vm}`} · {humanSize(r.size)}
            </div>
            <ElementProblems path={p} />
            <NumField path={[...p, 'base']} label="base" value={r.base} />
            <NumField path={[...p, 'size']} label="size" value={r.size} size />
            <BoolField path={[...p, 'place_phys']} label="place_phys" value={r.place_phys} />
            {r.place_phys && (
              <NumField path={[...p, 'phys']} label="phys" value={r.phys} optional />
            )}
            <BitsField path={[...p, 'colors']} label="colors" value={r.colors} width={COLOR_BITS} />
            <ColoringNote coloring={platformDesc?.coloring} />
            {bao === 'v2' && (
              <BoolField path={[...p, 'reserved']} label="reserved" value={r.reserved} />
            )}
            <TextField path={[...p, 'meta', 'name']} label="label" value={r.meta?.name} />
          </>
        );
      }
      case 'dev': {
        const d = project.config.vmlist[el.vm!]!.platform.devs[el.index!]!;
        const p = el.path;
        return (
          <>
            <h3>{d.meta?.name ?? `Device ${el.index}`}</h3>
            <div className="subtitle">
              {project.config.vmlist[el.vm!]!.meta?.name ?? `vm${el.vm}`} · devs[{el.index}]
            </div>
            <ElementProblems path={p} />
            <TextField path={[...p, 'meta', 'name']} label="name" value={d.meta?.name} />
            <NumField path={[...p, 'pa']} label="pa" value={d.pa} />
            <NumField path={[...p, 'va']} label="va" value={d.va} />
            <NumField path={[...p, 'size']} label="size" value={d.size} size />
            <IrqField path={[...p, 'interrupts']} label="interrupts" value={d.interrupts} />
            <IntField path={[...p, 'id']} label="id (IOMMU)" value={d.id} optional />
          </>
        );
      }
      case 'remio': {
        const r = project.config.vmlist[el.vm!]!.platform.remio_devs[el.index!]!;
        const p = el.path;
        return (
          <>
            <h3>{r.meta?.name ?? `Remote I/O device ${el.index}`}</h3>
            <div className="subtitle">
              {project.config.vmlist[el.vm!]!.meta?.name ?? `vm${el.vm}`} · remio_devs[{el.index}]
              (Bao v2)
            </div>
            <ElementProblems path={p} />
            <TextField path={[...p, 'meta', 'name']} label="name" value={r.meta?.name} />
            <SelectField
              path={[...p, 'type']}
              label="type"
              value={r.type}
              options={[
                { value: 'REMIO_DEV_FRONTEND', label: 'frontend (guest driver)' },
                { value: 'REMIO_DEV_BACKEND', label: 'backend (device model)' },
              ]}
            />
            <IntField path={[...p, 'bind_key']} label="bind_key" value={r.bind_key} />
            <NumField path={[...p, 'va']} label="va" value={r.va} optional />
            <NumField path={[...p, 'size']} label="size" value={r.size} size optional />
            <IntField path={[...p, 'interrupt']} label="interrupt" value={r.interrupt} />
            <div className="group">Shared memory</div>
            <NumField path={[...p, 'shmem', 'base']} label="shmem.base" value={r.shmem.base} />
            <NumField path={[...p, 'shmem', 'size']} label="shmem.size" value={r.shmem.size} size />
            <IntField
              path={[...p, 'shmem', 'shmem_id']}
              label="shmem_id"
              value={r.shmem.shmem_id}
            />
          </>
        );
      }
      case 'ipc': {
        const c = project.config.vmlist[el.vm!]!.platform.ipcs[el.index!]!;
        const p = el.path;
        return (
          <>
            <h3>IPC {el.index}</h3>
            <div className="subtitle">
              {project.config.vmlist[el.vm!]!.meta?.name ?? `vm${el.vm}`} · ipcs[{el.index}]
            </div>
            <ElementProblems path={p} />
            <NumField path={[...p, 'base']} label="base" value={c.base} />
            <NumField path={[...p, 'size']} label="size" value={c.size} size />
            <TextField path={[...p, 'meta', 'name']} label="name" value={c.meta?.name} />
            <IntField path={[...p, 'shmem_id']} label="shmem_id" value={c.shmem_id} />
            <IrqField path={[...p, 'interrupts']} label="interrupts" value={c.interrupts} />
          </>
        );
      }
      case 'shmem': {
        const s = project.config.shmemlist[el.index!]!;
        const p = el.path;
        return (
          <>
            <h3>{s.meta?.name ?? `Shared memory ${el.index}`}</h3>
            <div className="subtitle">shmemlist[{el.index}]</div>
            <ElementProblems path={p} />
            <TextField path={[...p, 'meta', 'name']} label="name" value={s.meta?.name} />
            <NumField path={[...p, 'size']} label="size" value={s.size} size />
            <BoolField path={[...p, 'place_phys']} label="place_phys" value={s.place_phys} />
            {s.place_phys && (
              <NumField path={[...p, 'phys']} label="phys" value={s.phys} optional />
            )}
            <BitsField path={[...p, 'colors']} label="colors" value={s.colors} width={COLOR_BITS} />
            <ColoringNote coloring={platformDesc?.coloring} />
          </>
        );
      }
      case 'hyp': {
        const h = project.config.hyp;
        const p: ModelPath = ['config', 'hyp'];
        return (
          <>
            <h3>Hypervisor</h3>
            <div className="subtitle">config.hyp</div>
            <ElementProblems path={p} />
            <BoolField path={[...p, 'relocate']} label="relocate" value={h.relocate} />
            {h.relocate && (
              <NumField path={[...p, 'base_addr']} label="base_addr" value={h.base_addr} optional />
            )}
            {bao === 'v2' && (
              <BoolField
                path={[...p, 'data_relocate']}
                label="data_relocate"
                value={h.data_relocate}
              />
            )}
            {bao === 'v2' && h.data_relocate && (
              <NumField path={[...p, 'data_addr']} label="data_addr" value={h.data_addr} optional />
            )}
            <BitsField path={[...p, 'colors']} label="colors" value={h.colors} width={COLOR_BITS} />
            <ColoringNote coloring={platformDesc?.coloring} />
          </>
        );
      }
      case 'platform':
      case 'target': {
        return (
          <>
            <h3>{platform?.name ?? project.target.platform}</h3>
            <div className="subtitle">Platform (read-only) · change it in the toolbar</div>
            {platform && (
              <div className="mono" style={{ lineHeight: 1.7 }}>
                <div>arch: {platform.arch}</div>
                <div>cpus: {platform.cpus}</div>
                <div>interrupt controller: {platform.irqc.type}</div>
                {platform.regions.map((r, k) => (
                  <div key={k}>
                    memory {k}: {toHex(r.base)} + {humanSize(r.size)}
                  </div>
                ))}
                <div>devices: {platform.devices.length}</div>
              </div>
            )}
            <div className="group">Hypervisor</div>
            <button className="btn outline" onClick={() => store.select(['config', 'hyp'])}>
              Edit hypervisor settings
            </button>
          </>
        );
      }
      default:
        return null;
    }
  })();

  return (
    <div className="panel" data-testid="inspector">
      <div className="panel-header">Inspector</div>
      <div className="panel-body" ref={ref}>
        <div className="inspector" key={selection ? formatPath(selection.path) : 'none'}>
          {body}
        </div>
      </div>
    </div>
  );
}
