// The design canvas (React Flow): the platform, one node per VM and per shared memory, IPC links
// as edges. Node positions live in the project's layout, so they are saved and undoable.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Project } from '../../../core/bao/model/index.js';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { attachIpc, createIpcLink, setLayout, addVm } from '../state/edits.js';
import { samePath } from '../state/selection.js';
import { PlatformNode } from './PlatformNode.js';
import { VmNode } from './VmNode.js';
import { ShmemNode } from './ShmemNode.js';
import { dropEdit, getDragPayload, isResourceDrag } from './drag.js';
import { vmColor } from './colors.js';

/** The empty state lives on the canvas where the first VM will go, so it never covers a node. */
function HintNode() {
  return (
    <div className="node hint-node" data-testid="canvas-empty">
      <div className="empty">
        <h3>No VMs yet</h3>
        <p>
          Drag <b>VM</b> from the palette onto the canvas (or press <b>+ VM</b>), then drag CPUs,
          memory and devices from the platform onto it. Drag from one VM&apos;s handle to
          another&apos;s to link them with shared memory.
        </p>
      </div>
    </div>
  );
}

const nodeTypes = { platform: PlatformNode, vm: VmNode, shmem: ShmemNode, hint: HintNode };

export function defaultPosition(key: string): { x: number; y: number } {
  const [kind, n] = key.split(':');
  const i = Number(n ?? 0);
  if (kind === 'vm') return { x: 380 + (i % 4) * 310, y: Math.floor(i / 4) * 380 };
  if (kind === 'shmem') return { x: 540 + (i % 4) * 310, y: -170 - Math.floor(i / 4) * 120 };
  return { x: 0, y: 0 };
}

/** Rough rendered height of a VM node, so VMs without a saved position do not overlap. */
function estimatedVmHeight(vm: Project['config']['vmlist'][number]): number {
  const rows =
    vm.platform.regions.length + Math.min(vm.platform.devs.length, 11) + vm.platform.ipcs.length;
  return 190 + rows * 21 + (vm.platform.ipcs.length ? 30 : 0);
}

/** Positions for VMs the layout does not place: four columns, each VM below the previous. */
function autoLayout(project: Project): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const colY = [0, 0, 0, 0];
  project.config.vmlist.forEach((vm, i) => {
    const key = `vm:${i}`;
    const col = i % 4;
    const saved = project.layout[key];
    out[key] = saved ?? { x: 380 + col * 310, y: colY[col]! };
    colY[col] = (saved?.y ?? colY[col]!) + estimatedVmHeight(vm) + 40;
  });
  return out;
}

// Node data objects keep their identity across renders so memoised nodes skip re-rendering.
const nodeData = new Map<string, { index: number }>();
function dataFor(key: string, index: number) {
  let d = nodeData.get(key);
  if (!d) nodeData.set(key, (d = { index }));
  return d;
}
const EMPTY = {};

function parseKey(id: string): { kind: string; index: number } {
  const [kind, n] = id.split(':');
  return { kind: kind ?? '', index: Number(n ?? 0) };
}

function CanvasInner({ theme }: { theme: 'dark' | 'light' }) {
  const store = useDesigner();
  const project = useStoreState((s) => s.project);
  const selection = useStoreState((s) => s.selection);
  const flow = useReactFlow();
  const [showMap, setShowMap] = useState(false);
  const [dragging, setDragging] = useState<Record<string, { x: number; y: number }>>({});
  const vms = project.config.vmlist;
  const shmems = project.config.shmemlist;

  const nodes: Node[] = useMemo(() => {
    const auto = autoLayout(project);
    const pos = (key: string) =>
      dragging[key] ?? project.layout[key] ?? auto[key] ?? defaultPosition(key);
    const out: Node[] = [
      {
        id: 'platform',
        type: 'platform',
        position: pos('platform'),
        data: EMPTY,
        deletable: false,
      },
    ];
    if (vms.length === 0)
      out.push({
        id: 'hint',
        type: 'hint',
        position: { x: 380, y: 0 },
        data: EMPTY,
        draggable: false,
        selectable: false,
        connectable: false,
      });
    vms.forEach((_, i) =>
      out.push({
        id: `vm:${i}`,
        type: 'vm',
        position: pos(`vm:${i}`),
        data: dataFor(`vm:${i}`, i),
      }),
    );
    shmems.forEach((_, i) =>
      out.push({
        id: `shmem:${i}`,
        type: 'shmem',
        position: pos(`shmem:${i}`),
        data: dataFor(`shmem:${i}`, i),
      }),
    );
    return out;
  }, [vms, shmems, project, dragging]);

  const edges: Edge[] = useMemo(() => {
    const out: Edge[] = [];
    vms.forEach((vm, i) =>
      vm.platform.ipcs.forEach((ipc, j) => {
        if (!shmems[ipc.shmem_id]) return;
        const path = ['config', 'vmlist', i, 'platform', 'ipcs', j];
        out.push({
          id: `ipc:${i}:${j}`,
          source: `vm:${i}`,
          sourceHandle: 'out',
          target: `shmem:${ipc.shmem_id}`,
          targetHandle: 'in',
          className: 'ipc-edge',
          selected: samePath(selection?.path, path),
          label: `irq ${ipc.interrupts.join(',') || '—'}`,
          labelStyle: { fill: 'var(--fg)', fontSize: 11 },
          labelBgStyle: { fill: 'var(--bg-elev)' },
          labelBgPadding: [4, 2],
          style: { stroke: vmColor(i) },
          data: { path },
        });
      }),
    );
    return out;
  }, [vms, shmems, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      for (const c of changes) {
        if (c.type !== 'position') continue;
        if (c.dragging && c.position) {
          const p = c.position;
          setDragging((d) => ({ ...d, [c.id]: p }));
        } else if (c.dragging === false) {
          setDragging((d) => {
            const p = d[c.id];
            if (p) store.apply('Move', (proj) => setLayout(proj, c.id, p));
            const { [c.id]: _, ...rest } = d;
            return rest;
          });
        }
      }
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const a = parseKey(c.source);
      const b = parseKey(c.target);
      if (a.kind === 'vm' && b.kind === 'vm' && a.index !== b.index) {
        // The new shared memory goes between the two VMs, below the lower one, in view.
        const na = flow.getNode(c.source);
        const nb = flow.getNode(c.target);
        const pa = na?.position ?? { x: 0, y: 0 };
        const pb = nb?.position ?? { x: 0, y: 0 };
        const mid = {
          x: Math.round((pa.x + pb.x) / 2 + 60),
          y: Math.round(
            Math.max(pa.y + (na?.measured?.height ?? 200), pb.y + (nb?.measured?.height ?? 200)) +
              50,
          ),
        };
        store.apply(
          'Link VMs',
          (p) => createIpcLink(p, [a.index, b.index], undefined, mid).project,
        );
      } else if (a.kind === 'vm' && b.kind === 'shmem') {
        store.apply('Attach shmem', (p) => attachIpc(p, a.index, b.index));
      } else if (a.kind === 'shmem' && b.kind === 'vm') {
        store.apply('Attach shmem', (p) => attachIpc(p, b.index, a.index));
      }
    },
    [store, flow],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const payload = getDragPayload(e);
      if (!payload) return;
      e.preventDefault();
      if (payload.type !== 'vm') return;
      const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const op = dropEdit(payload, { position }, store.getState().platform);
      if (op && store.apply(op.label, op.edit))
        store.select(['config', 'vmlist', store.getState().project.config.vmlist.length - 1]);
    },
    [flow, store],
  );

  // A newly loaded project is shown whole once its nodes have been measured.
  const loadSeq = useStoreState((s) => s.loadSeq);
  useEffect(() => {
    if (loadSeq === 0) return;
    const t = setTimeout(() => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 200 }), 60);
    return () => clearTimeout(t);
  }, [loadSeq, flow]);

  // Land on what the problems panel / outline selected. When the problem's related elements sit
  // in other nodes (an overlap between two VMs), frame all of them, never zooming in.
  useEffect(() => {
    const p = selection?.path;
    if (!p || p[0] !== 'config') return;
    const nodeId = (q: readonly (string | number)[]) =>
      q[1] === 'vmlist' ? `vm:${q[2]}` : q[1] === 'shmemlist' ? `shmem:${q[2]}` : undefined;
    const id = nodeId(p);
    const n = id && flow.getNode(id);
    if (!n || !selection?.field) return;
    const others = (selection.related ?? [])
      .map(nodeId)
      .filter((o): o is string => !!o && o !== id && !!flow.getNode(o));
    if (others.length) {
      void flow.fitView({
        nodes: [{ id }, ...[...new Set(others)].map((o) => ({ id: o }))],
        padding: 0.2,
        maxZoom: flow.getZoom(),
        duration: 250,
      });
      return;
    }
    const w = n.measured?.width ?? 260;
    const h = n.measured?.height ?? 200;
    void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, {
      zoom: flow.getZoom(),
      duration: 250,
    });
  }, [selection, flow]);

  return (
    <div
      className="canvas-wrap"
      data-testid="canvas"
      onDragOver={(e) => {
        if (isResourceDrag(e)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        onEdgeClick={(_, edge) => store.select((edge.data as { path: (string | number)[] }).path)}
        onPaneClick={() => store.select(null)}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
        {showMap && <MiniMap pannable zoomable style={{ background: 'var(--bg-panel)' }} />}
        <Panel position="top-left">
          <button
            className="btn outline"
            style={{ background: 'var(--bg-panel)' }}
            data-testid="add-vm"
            onClick={() => {
              store.apply('Add VM', (p) => addVm(p, store.getState().platform).project);
              store.select(['config', 'vmlist', store.getState().project.config.vmlist.length - 1]);
            }}
          >
            + VM
          </button>{' '}
          <button
            className="btn outline"
            style={{ background: 'var(--bg-panel)' }}
            data-testid="toggle-minimap"
            title="Show or hide the minimap"
            onClick={() => setShowMap((m) => !m)}
          >
            {showMap ? 'Hide map' : 'Map'}
          </button>
        </Panel>
      </ReactFlow>
    </div>
  );
}

export function Canvas({ theme }: { theme: 'dark' | 'light' }) {
  return (
    <ReactFlowProvider>
      <CanvasInner theme={theme} />
    </ReactFlowProvider>
  );
}
