import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { exactRate, type Figure } from '@common/figure';
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

interface RateProps {
  label: ReactNode;
  /** The common figure (common/figure.ts); undefined while loading or when there is none: '—'. */
  figure: Figure | undefined;
  testId?: string;
  /**
   * The list page a drill's filters open (`/heart-bridge/student-weeks?orgId=…&…`): given, and the figure
   * carrying a drill, each count opens the records behind it, as the other dashboards' figure cards do.
   */
  drillTo?: (filters: Record<string, string>) => string;
  /** 'counts': the counts are the figure and the percentage its sub-line (a class's weekly coverage reads "2 / 7"). */
  layout?: 'rate' | 'counts';
  /** A line after the sub-line's counts or percentage (what the figure means, the day it counts to). */
  hint?: ReactNode;
}

/**
 * A rate figure: its percentage over the counts it comes from, each count a link to its records when
 * the figure has a drill. The percentage is rounded from the counts, never from the four-place value,
 * so a dashboard reads what its counts say.
 */
export function RateStat({ label, figure, testId, drillTo, layout = 'rate', hint }: RateProps) {
  const count = (n: number, part: 'numerator' | 'denominator') =>
    figure?.drill && drillTo ? (
      // Underlined: inside a line of counts, colour alone does not tell a link (WCAG 1.4.1, axe link-in-text-block).
      <Link to={drillTo(figure.drill[part])} data-testid={testId ? `${testId}-${part}` : undefined} style={{ textDecoration: 'underline' }}>
        {n}
      </Link>
    ) : (
      n
    );
  const counts = figure ? (
    <>
      {count(figure.numerator, 'numerator')} / {count(figure.denominator, 'denominator')}
    </>
  ) : undefined;
  const rate = pct(figure ? exactRate(figure) : undefined);
  if (layout === 'counts')
    return (
      <Stat
        label={label}
        value={counts ?? '—'}
        sub={
          figure ? (
            hint ? (
              <>
                {rate} · {hint}
              </>
            ) : (
              rate
            )
          ) : undefined
        }
        testId={testId}
      />
    );
  return (
    <Stat
      label={label}
      value={rate}
      sub={
        counts && hint ? (
          <>
            {counts} · {hint}
          </>
        ) : (
          counts
        )
      }
      testId={testId}
    />
  );
}
