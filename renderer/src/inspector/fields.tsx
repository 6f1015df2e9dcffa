// Inspector field controls. Each commits one undoable edit on Enter or blur (Escape reverts), keeps
// a typed error inline while the text is not valid, and shows the validation problems that name
// its path. `data-field` carries the model path so a problem can focus it.
import { useState, type ReactNode } from 'react';
import { formatPath, pathStartsWith, type ModelPath } from '../../../core/bao/model/path.js';
import type { Diagnostic } from '../../../core/bao/validation/diagnostic.js';
import { setAt } from '../state/edits.js';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { humanSize, parseIrqList, parseNumberInput, toHex } from '../state/numbers.js';

function useFieldProblems(path: ModelPath): Diagnostic[] {
  const diagnostics = useStoreState((s) => s.derived.diagnostics);
  return diagnostics.filter((d) => pathStartsWith(d.path, path));
}

function useCommit(path: ModelPath, label: string) {
  const store = useDesigner();
  return (value: unknown) => store.apply(`Edit ${label}`, (p) => setAt(p, path, value));
}

function Field(props: {
  path: ModelPath;
  label: string;
  children: ReactNode;
  note?: ReactNode;
  localError?: string;
}) {
  const problems = useFieldProblems(props.path);
  return (
    <div className="field" data-field-row={formatPath(props.path)}>
      <label title={formatPath(props.path)}>{props.label}</label>
      <div className="control">{props.children}</div>
      {props.localError && (
        <div className="err" data-testid="field-error">
          {props.localError}
        </div>
      )}
      {problems.map((d, k) => (
        <div key={k} className={`err ${d.severity}`} data-testid="field-problem">
          {d.message}
        </div>
      ))}
      {props.note && !props.localError && <div className="note">{props.note}</div>}
    </div>
  );
}

/** A text box with draft/commit semantics. */
function DraftInput(props: {
  path: ModelPath;
  shown: string;
  onCommit: (text: string) => string | undefined;
  placeholder?: string;
  onError: (e: string | undefined) => void;
  invalid: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null || draft === props.shown) {
      setDraft(null);
      props.onError(undefined);
      return;
    }
    const err = props.onCommit(draft);
    props.onError(err);
    if (!err) setDraft(null);
  };
  return (
    <input
      className={`input mono${props.invalid ? ' invalid' : ''}`}
      data-field={formatPath(props.path)}
      data-testid={`field-${formatPath(props.path)}`}
      value={draft ?? props.shown}
      placeholder={props.placeholder}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setDraft(null);
          props.onError(undefined);
        }
      }}
    />
  );
}

export function NumField(props: {
  path: ModelPath;
  label: string;
  value: bigint | undefined;
  size?: boolean;
  optional?: boolean;
}) {
  const commitValue = useCommit(props.path, props.label);
  const [error, setError] = useState<string>();
  return (
    <Field
      path={props.path}
      label={props.label}
      localError={error}
      note={props.size && props.value !== undefined ? humanSize(props.value) : undefined}
    >
      <DraftInput
        path={props.path}
        shown={toHex(props.value)}
        placeholder={props.optional ? 'unset' : props.size ? 'e.g. 64M or 0x4000000' : '0x…'}
        invalid={!!error}
        onError={setError}
        onCommit={(text) => {
          if (props.optional && text.trim() === '') {
            commitValue(undefined);
            return undefined;
          }
          const r = parseNumberInput(text, { units: props.size });
          if (!r.ok) return r.error;
          commitValue(r.value);
          return undefined;
        }}
      />
    </Field>
  );
}

export function IntField(props: {
  path: ModelPath;
  label: string;
  value: number | undefined;
  optional?: boolean;
  /** Show the value in hex (masks); either base is accepted on entry. */
  hex?: boolean;
}) {
  const commitValue = useCommit(props.path, props.label);
  const [error, setError] = useState<string>();
  return (
    <Field path={props.path} label={props.label} localError={error}>
      <DraftInput
        path={props.path}
        shown={
          props.value === undefined
            ? ''
            : props.hex
              ? `0x${props.value.toString(16)}`
              : String(props.value)
        }
        invalid={!!error}
        onError={setError}
        placeholder={props.optional ? 'unset' : undefined}
        onCommit={(text) => {
          if (props.optional && text.trim() === '') {
            commitValue(undefined);
            return undefined;
          }
          const r = parseNumberInput(text);
          if (!r.ok) return r.error;
          if (r.value > BigInt(Number.MAX_SAFE_INTEGER)) return 'too large';
          commitValue(Number(r.value));
          return undefined;
        }}
      />
    </Field>
  );
}

export function TextField(props: {
  path: ModelPath;
  label: string;
  value: string | undefined;
  pattern?: RegExp;
  patternHint?: string;
}) {
  const commitValue = useCommit(props.path, props.label);
  const [error, setError] = useState<string>();
  return (
    <Field path={props.path} label={props.label} localError={error}>
      <DraftInput
        path={props.path}
        shown={props.value ?? ''}
        invalid={!!error}
        onError={setError}
        onCommit={(text) => {
          if (text && props.pattern && !props.pattern.test(text))
            return props.patternHint ?? 'invalid';
          commitValue(text === '' ? undefined : text);
          return undefined;
        }}
      />
    </Field>
  );
}

export function IrqField(props: { path: ModelPath; label: string; value: number[] }) {
  const commitValue = useCommit(props.path, props.label);
  const [error, setError] = useState<string>();
  return (
    <Field
      path={props.path}
      label={props.label}
      localError={error}
      note="comma-separated ids, ranges like 1-8"
    >
      <DraftInput
        path={props.path}
        shown={props.value.join(', ')}
        invalid={!!error}
        onError={setError}
        onCommit={(text) => {
          const r = parseIrqList(text);
          if (!r.ok) return r.error;
          commitValue(r.value);
          return undefined;
        }}
      />
    </Field>
  );
}

export function BoolField(props: { path: ModelPath; label: string; value: boolean | undefined }) {
  const commitValue = useCommit(props.path, props.label);
  return (
    <Field path={props.path} label={props.label}>
      <input
        type="checkbox"
        data-field={formatPath(props.path)}
        data-testid={`field-${formatPath(props.path)}`}
        checked={!!props.value}
        onChange={(e) => commitValue(e.target.checked ? true : undefined)}
      />
    </Field>
  );
}

export function SelectField<T extends string>(props: {
  path: ModelPath;
  label: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  allowUnset?: boolean;
  /** Model value for an option (e.g. a number for an index); default: the option's string. */
  toValue?: (option: T) => unknown;
}) {
  const commitValue = useCommit(props.path, props.label);
  const toValue = props.toValue ?? ((o: T) => o);
  return (
    <Field path={props.path} label={props.label}>
      <select
        className="input"
        data-field={formatPath(props.path)}
        data-testid={`field-${formatPath(props.path)}`}
        value={props.value ?? ''}
        onChange={(e) =>
          commitValue(e.target.value === '' ? undefined : toValue(e.target.value as T))
        }
      >
        {props.allowUnset && <option value="">—</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A bitmap (cpu_affinity, colors) as clickable bits; bits beyond `available` are dashed. */
export function BitsField(props: {
  path: ModelPath;
  label: string;
  value: bigint | undefined;
  width: number;
  available?: number;
}) {
  const commitValue = useCommit(props.path, props.label);
  const v = props.value ?? 0n;
  const width = Math.max(props.width, 64 - countLeadingZeros(v));
  return (
    <Field
      path={props.path}
      label={props.label}
      note={props.value === undefined ? 'unset (any)' : toHex(props.value)}
    >
      <div
        className="bits"
        data-field={formatPath(props.path)}
        data-testid={`field-${formatPath(props.path)}`}
        tabIndex={-1}
      >
        {Array.from({ length: width }, (_, b) => {
          const on = ((v >> BigInt(b)) & 1n) === 1n;
          return (
            <button
              key={b}
              className={`bit${on ? ' on' : ''}${props.available !== undefined && b >= props.available ? ' missing' : ''}`}
              data-testid={`bit-${formatPath(props.path)}-${b}`}
              title={`bit ${b}`}
              onClick={() => {
                const next = v ^ (1n << BigInt(b));
                commitValue(next === 0n ? undefined : next);
              }}
            >
              {b}
            </button>
          );
        })}
      </div>
    </Field>
  );
}

function countLeadingZeros(v: bigint): number {
  let n = 0;
  for (let m = v; m > 0n; m >>= 1n) n++;
  return 64 - n;
}
