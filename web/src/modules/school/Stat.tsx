import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  value: ReactNode;
  sub?: ReactNode;
  testId?: string;
}

/** A figure with its label; the sub-line shows the counts behind a rate. */
export function Stat({ label, value, sub, testId }: Props) {
  return (
    <div className="xq-stat" data-testid={testId}>
      <div className="xq-stat-label">{label}</div>
      <div className="xq-stat-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </div>
      {sub && <div className="xq-stat-sub">{sub}</div>}
    </div>
  );
}
