import type { ReactNode } from 'react';
import type { Fraction } from '@common/school';
import { pct } from './weeks';

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

/** A rate as a percentage over the counts it comes from ('—' while there is none). */
export function RateStat({ label, rate, testId }: { label: ReactNode; rate: Fraction | undefined; testId?: string }) {
  return <Stat label={label} value={pct(rate?.rate)} sub={rate ? `${rate.num} / ${rate.den}` : undefined} testId={testId} />;
}
