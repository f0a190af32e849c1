import type { ReactNode } from 'react';

interface Props {
  /** The control's id: the label points at it, the error is named by `${id}-error`. */
  id: string;
  label: ReactNode;
  error?: string;
  /** Below the control, e.g. "12 / 60". */
  count?: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}

/**
 * One labelled control with its error under it. The control itself carries
 * `aria-invalid` and `aria-describedby={errorId(id)}` (see `invalidProps`).
 */
export function Field({ id, label, error, count, hint, children }: Props) {
  return (
    <div className="lt-field">
      <label className="lt-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {count && <div className="lt-count">{count}</div>}
      {hint && <div className="lt-muted lt-small">{hint}</div>}
      {error && (
        <div className="lt-error" id={errorId(id)} role="alert" data-testid="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

export const errorId = (id: string) => `${id}-error`;

/** What a control says about its field's error. */
export const invalidProps = (id: string, error: string | undefined) => (error ? { 'aria-invalid': true as const, 'aria-describedby': errorId(id) } : {});
