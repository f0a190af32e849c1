/** The periods a user picks: a calendar year, a half-year, or a term's own dates. */
import type { PeriodKind } from '@common/workReport';

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return half === 1 ? { kind: 'halfYear', from: `${year}-01-01`, to: `${year}-06-30` } : { kind: 'halfYear', from: `${year}-07-01`, to: `${year}-12-31` };
}

/** This year in Beijing time. */
export const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
