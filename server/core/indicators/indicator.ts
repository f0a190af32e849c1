/**
 * An indicator: one figure a practice reports, with its definition in words and a compute
 * that counts it exactly from the records. Modules declare theirs with `defineIndicator`; the
 * composition root fills the core registry (indicators.registry.ts) from the declarations,
 * so the cross-practice dashboard and the year-end report can loop over every indicator.
 */
import type { Db } from '../db/database.js';
import type { Scope } from '../rbac/actor.js';
import type { Figure, FigureUnit } from '../../../common/figure.js';

/** What one figure is counted over: the part of the org tree and the dates [from, to]. */
export interface IndicatorQuery {
  scope: Scope;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

export type Bilingual = { zh: string; en: string };

export interface IndicatorDefinition {
  /** '<module>.<name>'. */
  key: string;
  label: Bilingual;
  /** Numerator and denominator in words, as the report prints them. */
  definition: Bilingual;
  /** The period a figure naturally covers: a school week, a school day, any date range. */
  period: 'range' | 'week' | 'day';
  unit: FigureUnit;
  compute(db: Db, q: IndicatorQuery): Promise<Figure>;
}

export function defineIndicator(d: IndicatorDefinition): IndicatorDefinition {
  return d;
}
