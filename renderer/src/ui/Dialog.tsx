// A modal dialog; Escape or the backdrop cancels.
import { useEffect, type ReactNode } from 'react';

export function Dialog(props: {
  title: string;
  children: ReactNode;
  onCancel: () => void;
  testid?: string;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && props.onCancel()}
    >
      <div className="dialog" role="dialog" aria-label={props.title} data-testid={props.testid}>
        <h2>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
