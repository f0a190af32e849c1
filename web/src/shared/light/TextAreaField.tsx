import type { ReactNode } from 'react';
import { Field, invalidProps } from './Field';

interface Props {
  /** The textarea's id; also its test id unless `testId` says otherwise. */
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows: number;
  placeholder?: string;
  disabled?: boolean;
  /** Show "12 / 1000" under the box (for the long texts a reader fills in). */
  counted?: boolean;
  testId?: string;
}

/** A labelled multi-line text box of the light path, with its error and, if asked, its length. */
export function TextAreaField({ id, label, error, hint, value, onChange, maxLength, rows, placeholder, disabled, counted, testId }: Props) {
  return (
    <Field id={id} label={label} error={error} hint={hint} count={counted ? `${value.length} / ${maxLength}` : undefined}>
      <textarea
        id={id}
        className="lt-input"
        rows={rows}
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        data-testid={testId ?? id}
        {...invalidProps(id, error)}
      />
    </Field>
  );
}
