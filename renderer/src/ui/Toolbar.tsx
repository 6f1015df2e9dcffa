// The title/tool bar: project commands, undo/redo, the target (Bao version, platform) and theme.
import { useEffect, useRef, useState } from 'react';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { setAt } from '../state/edits.js';
import { platformNames } from '../domain/platform-view.js';
import { domain } from '../domain/core.js';
import type { ProjectActions } from '../project/actions.js';
import type { BaoVersion } from '../../../core/bao/model/index.js';

export function Toolbar(props: {
  actions: ProjectActions;
  theme: 'dark' | 'light';
  onToggleTheme: () => void;
  onOpen: () => void;
  onSave: () => void;
  onSaveAs: () => void;
  onImport: () => void;
  onExport: () => void;
}) {
  const store = useDesigner();
  const project = useStoreState((s) => s.project);
  const dirty = useStoreState((s) => s.dirty);
  const filePath = useStoreState((s) => s.filePath);
  const canUndo = useStoreState((s) => s.past.length > 0);
  const canRedo = useStoreState((s) => s.future.length > 0);
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  // The New menu closes on Escape or a click elsewhere, like any menu.
  useEffect(() => {
    if (!menu) return;
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenu(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenu(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [menu]);
  const examples = domain.exampleNames();
  const exampleList = examples;
  const platforms = platformNames();
  const { bao, platform } = project.target;
  const desc = domain.platform(platform);
  const irqcChoices = desc?.irqc.type === 'riscv' ? desc.irqc.choices : [];
  return (
    <div className="toolbar" data-testid="toolbar">
      <div className="brand">
        <span className="logo" /> Bao Studio
      </div>
      <div style={{ position: 'relative' }} ref={menuRef}>
        <button
          className="btn"
          data-testid="menu-new"
          onClick={() => setMenu((m) => !m)}
          title="New project: a workshop example or a blank design"
        >
          New ▾
        </button>
        {menu && (
          <div className="menu" data-testid="new-menu">
            <div className="menu-title">Workshop examples</div>
            {exampleList.length === 0 && <div className="hint">No examples in this build.</div>}
            {exampleList.map((ex) => (
              <button
                key={ex.id}
                data-testid={`new-example-${ex.id}`}
                onClick={() => {
                  setMenu(false);
                  void props.actions.newFromExample(ex.id);
                }}
              >
                {ex.title}
              </button>
            ))}
            <div className="menu-title">Blank design (Bao {bao})</div>
            <div style={{ maxHeight: 260, overflow: 'auto' }}>
              {platforms.map((p) => (
                <button
                  key={p}
                  data-testid={`new-blank-${p}`}
                  onClick={() => {
                    setMenu(false);
                    void props.actions.newBlank(p, bao);
                  }}
                >
                  {p}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      <button className="btn" data-testid="menu-open" onClick={props.onOpen} title="Open (Ctrl+O)">
        Open
      </button>
      <button className="btn" data-testid="menu-save" onClick={props.onSave} title="Save (Ctrl+S)">
        Save
      </button>
      <button
        className="btn"
        data-testid="menu-save-as"
        onClick={props.onSaveAs}
        title="Save As (Ctrl+Shift+S)"
      >
        Save As
      </button>
      <button
        className="btn"
        data-testid="menu-import"
        onClick={props.onImport}
        title="Import an existing config.c"
        disabled={!domain.hasImporter}
      >
        Import config.c
      </button>
      <button
        className="btn"
        data-testid="menu-export"
        onClick={props.onExport}
        title="Write config.c and the guest device trees"
        disabled={!domain.hasGenerator}
      >
        Export
      </button>
      <span className="sep" />
      <button
        className="btn"
        data-testid="undo"
        disabled={!canUndo}
        onClick={() => store.undo()}
        title="Undo (Ctrl+Z)"
      >
        ↶ Undo
      </button>
      <button
        className="btn"
        data-testid="redo"
        disabled={!canRedo}
        onClick={() => store.redo()}
        title="Redo (Ctrl+Shift+Z)"
      >
        ↷ Redo
      </button>
      <span className="file-name" data-testid="file-name">
        {filePath ?? project.name}
        {dirty && <span data-testid="dirty-marker"> ●</span>}
      </span>
      <span className="spacer" />
      <label className="kbd">Bao</label>
      <select
        className="input"
        data-testid="target-bao"
        value={bao}
        onChange={(e) =>
          store.apply('Change Bao version', (p) =>
            setAt(p, ['target', 'bao'], e.target.value as BaoVersion),
          )
        }
      >
        <option value="v1.0">v1.0</option>
        <option value="v2">v2</option>
      </select>
      <label className="kbd">Platform</label>
      <select
        className="input"
        data-testid="target-platform"
        value={platform}
        onChange={(e) =>
          store.apply('Change platform', (p) => setAt(p, ['target', 'platform'], e.target.value))
        }
      >
        {!platforms.includes(platform) && <option value={platform}>{platform}</option>}
        {platforms.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      {irqcChoices.length > 1 && (
        <>
          <label className="kbd">IRQC</label>
          <select
            className="input"
            data-testid="target-irqc"
            style={{ maxWidth: 120 }}
            title="RISC-V interrupt controller build choice (IRQC=)"
            value={project.target.irqc ?? ''}
            onChange={(e) =>
              store.apply('Change IRQC', (p) =>
                setAt(p, ['target', 'irqc'], e.target.value === '' ? undefined : e.target.value),
              )
            }
          >
            <option value="">default</option>
            {irqcChoices.map((c) => (
              <option key={c.kind} value={c.kind} disabled={!c.versions.includes(bao)}>
                {c.kind}
                {c.versions.includes(bao) ? '' : ` (not in Bao ${bao})`}
              </option>
            ))}
          </select>
        </>
      )}
      <span className="sep" />
      <button
        className="btn"
        data-testid="toggle-theme"
        onClick={props.onToggleTheme}
        title="Toggle theme (Ctrl+Alt+T)"
      >
        {props.theme === 'dark' ? '☀' : '☾'}
      </button>
    </div>
  );
}
