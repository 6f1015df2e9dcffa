// The generated files in Monaco: config.c (editable: Apply imports it back into the model, parse
// errors become markers) and each Linux guest's device tree (read-only). While config.c is not
// being edited it follows the model as you edit the design.
import { useCallback, useEffect, useRef, useState } from 'react';
import { monaco } from './monaco.js';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { domain } from '../domain/core.js';
import { clone } from '../state/edits.js';
import type { Project } from '../../../core/bao/model/index.js';

interface Problem {
  line?: number;
  column?: number;
  message: string;
}

function toProblem(w: unknown): Problem {
  if (typeof w === 'string') return { message: w };
  const o = (w ?? {}) as Record<string, unknown>;
  return {
    line: typeof o.line === 'number' ? o.line : undefined,
    column: typeof o.column === 'number' ? o.column : undefined,
    // ConfigParseError keeps the message without its file:line:column prefix in `detail`.
    message: String(o.detail ?? o.message ?? w),
  };
}

function markers(
  problems: Problem[],
  severity: monaco.MarkerSeverity,
): monaco.editor.IMarkerData[] {
  return problems.map((p) => ({
    severity,
    message: p.message,
    startLineNumber: p.line ?? 1,
    startColumn: p.column ?? 1,
    endLineNumber: p.line ?? 1,
    endColumn: (p.column ?? 1) + 1 + (p.line ? 200 : 0),
  }));
}

/** Keeps the designer-only parts of the project (name, layout, names) across an import. */
export function mergeImported(current: Project, imported: Project): Project {
  const next = clone(current);
  next.config = clone(imported.config);
  return next;
}

declare global {
  interface Window {
    /** For end-to-end tests: the code view's editors. */
    __baoStudioEditors?: Record<string, monaco.editor.IStandaloneCodeEditor>;
  }
}

export function CodeView({ theme }: { theme: 'dark' | 'light' }) {
  const store = useDesigner();
  const files = useStoreState((s) => s.derived.files);
  const target = useStoreState((s) => s.project.target);
  const [active, setActive] = useState('config.c');
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<{ kind: 'error' | 'ok' | 'edited'; text: string } | null>(
    null,
  );
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelsRef = useRef(new Map<string, monaco.editor.ITextModel>());
  const settingRef = useRef(false);
  const file = files.find((f) => f.id === active) ?? files[0];

  const model = useCallback((id: string, language: string) => {
    let m = modelsRef.current.get(id);
    if (!m) {
      m = monaco.editor.createModel('', language, monaco.Uri.parse(`inmemory://bao-studio/${id}`));
      modelsRef.current.set(id, m);
    }
    return m;
  }, []);

  const apply = useCallback(() => {
    const m = modelsRef.current.get('config.c');
    if (!m) return;
    const { platform, bao } = store.getState().project.target;
    try {
      const result = domain.importConfigC(m.getValue(), { file: 'config.c', platform, bao });
      const warnings = (result.warnings ?? []).map(toProblem);
      monaco.editor.setModelMarkers(
        m,
        'bao-import',
        markers(warnings, monaco.MarkerSeverity.Warning),
      );
      store.apply('Apply config.c', (p) => mergeImported(p, result.project));
      // Regenerate now so the editor shows the applied model, not the last debounced text.
      store.flushDerived();
      setEdited(false);
      setStatus({
        kind: 'ok',
        text: warnings.length
          ? `Applied with ${warnings.length} warning(s)`
          : 'Applied to the design',
      });
    } catch (e) {
      const p = toProblem(e);
      monaco.editor.setModelMarkers(m, 'bao-import', markers([p], monaco.MarkerSeverity.Error));
      setStatus({
        kind: 'error',
        text: p.line ? `config.c:${p.line}:${p.column ?? 1}: ${p.message}` : p.message,
      });
    }
  }, [store]);

  // One editor for the view's lifetime; files are models swapped into it.
  useEffect(() => {
    const editor = monaco.editor.create(hostRef.current!, {
      automaticLayout: true,
      fontFamily: "'JetBrains Mono', monospace",
      fontSize: 13,
      minimap: { enabled: true },
      scrollBeyondLastLine: false,
      renderWhitespace: 'none',
      tabSize: 4,
    });
    editorRef.current = editor;
    window.__baoStudioEditors = { ...window.__baoStudioEditors, code: editor };
    const models = modelsRef.current;
    return () => {
      editor.dispose();
      for (const m of models.values()) m.dispose();
      models.clear();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const cmd = editor.addAction({
      id: 'bao.applyConfig',
      label: 'Apply config.c to the design',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => apply(),
    });
    return () => cmd.dispose();
  }, [apply]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  // Follow the model: refresh each file's text unless the user is editing config.c.
  useEffect(() => {
    for (const f of files) {
      const m = model(f.id, f.language === 'c' ? 'c' : 'dts');
      if (f.id === 'config.c' && edited) continue;
      const text = f.text ?? '';
      if (m.getValue() !== text) {
        settingRef.current = true;
        m.setValue(text);
        settingRef.current = false;
        if (f.id === 'config.c') monaco.editor.setModelMarkers(m, 'bao-import', []);
      }
    }
  }, [files, edited, model]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !file) return;
    const m = model(file.id, file.language === 'c' ? 'c' : 'dts');
    if (editor.getModel() !== m) editor.setModel(m);
    const editable = file.id === 'config.c' && domain.hasImporter && file.text !== undefined;
    editor.updateOptions({ readOnly: !editable });
    const sub = m.onDidChangeContent(() => {
      if (settingRef.current || file.id !== 'config.c') return;
      setEdited(true);
      setStatus({
        kind: 'edited',
        text: 'Edited: apply (Ctrl+Enter) to update the design, or revert.',
      });
    });
    return () => sub.dispose();
  }, [file, model]);

  const revert = () => {
    setEdited(false);
    setStatus(null);
  };

  return (
    <div className="code-view" data-testid="code-view">
      <div className="tabs">
        {files.map((f) => (
          <button
            key={f.id}
            className={`tab${f.id === file?.id ? ' active' : ''}`}
            data-testid={`code-tab-${f.id}`}
            onClick={() => setActive(f.id)}
          >
            {f.title}
            {f.id === 'config.c' && edited && ' •'}
          </button>
        ))}
      </div>
      <div className="code-bar">
        <span className={`msg ${status?.kind ?? ''}`} data-testid="code-status">
          {file?.error
            ? file.error
            : (status?.text ??
              (file?.id === 'config.c'
                ? `Generated for Bao ${target.bao} on ${target.platform}. Edit it and apply to change the design.`
                : 'Generated device tree for this Linux guest (read-only).'))}
        </span>
        {file?.id === 'config.c' && (
          <>
            <button
              className="btn outline"
              disabled={!edited}
              onClick={revert}
              data-testid="code-revert"
            >
              Revert
            </button>
            <button
              className="btn primary"
              disabled={!edited}
              onClick={apply}
              data-testid="code-apply"
            >
              Apply <span className="kbd">Ctrl+Enter</span>
            </button>
          </>
        )}
      </div>
      <div className="monaco-host" ref={hostRef} data-testid="monaco" />
    </div>
  );
}
