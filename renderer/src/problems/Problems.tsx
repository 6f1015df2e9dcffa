// Live validation results. Clicking one selects the element on the canvas and focuses the field.
import { formatPath } from '../../../core/bao/model/path.js';
import { useDesigner, useStoreState } from '../state/hooks.js';

const ICON = { error: '✕', warning: '!', info: 'i' } as const;

export function Problems({ onReveal }: { onReveal?: () => void }) {
  const store = useDesigner();
  const diagnostics = useStoreState((s) => s.derived.diagnostics);
  const failure = useStoreState((s) => s.derived.validationError);
  const vmCount = useStoreState((s) => s.project.config.vmlist.length);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <div className="panel" data-testid="problems">
      <div className="panel-header">
        Problems
        <span className="sev error">{errors} ✕</span>
        <span className="sev warning">{warnings} !</span>
      </div>
      <div className="panel-body">
        {failure && <div className="banner error">Validation failed: {failure}</div>}
        {diagnostics.length === 0 && !failure ? (
          <div className="empty" data-testid="problems-empty">
            <h3>No problems</h3>
            <p>
              {vmCount === 0
                ? 'Add a VM to start; problems with the design appear here as you edit.'
                : 'Bao would accept this design. Mistakes Bao only reports at boot (or never) show up here as you edit.'}
            </p>
          </div>
        ) : (
          <table className="problems">
            <tbody>
              {diagnostics.map((d, i) => (
                <tr
                  key={i}
                  data-testid={`problem-${i}`}
                  data-rule={d.rule}
                  data-severity={d.severity}
                  onClick={() => {
                    onReveal?.();
                    store.reveal(d.path, d.rule, d.related);
                  }}
                >
                  <td className={`sev ${d.severity}`}>{ICON[d.severity]}</td>
                  <td>
                    <div>{d.message}</div>
                    {d.bao && <div className="bao">Bao: {d.bao}</div>}
                  </td>
                  <td className="rule">{d.rule}</td>
                  <td className="rule mono">{formatPath(d.path)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
