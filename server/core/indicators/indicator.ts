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
  /**
   * Reads shared by the figures of one batch (a dashboard column, a report's year): several of a
   * module's figures are cut from the same rows, and counted one by one they re-read a year of
   * appeals ten times. Absent when a single figure is asked for.
   */
  reads?: SharedReads;
  /**
   * The instant the batch counts at: one clock per generation, so a figure that looks at "today"
   * (a household still on file, a notice whose issue fell due by now) and the recount of a report
   * agree even across Shanghai midnight. Absent: the moment of the call.
   */
  asOf?: Date;
}

/** The instant `q` counts at (its batch's clock, else now). */
export const asOfOf = (q: Pick<IndicatorQuery, 'asOf'>): Date => q.asOf ?? new Date();

/** One batch's reads, by module read key: a batch covers one scope and one period, and is dropped after it. */
export type SharedReads = Map<string, Promise<unknown>>;

/** `read()` once per batch for `key` over the query's scope and period; without a batch, simply `read()`. */
export function sharedRead<T>(q: IndicatorQuery, key: string, read: () => Promise<T>): Promise<T> {
  if (!q.reads) return read();
  const k = `${key}|${q.scope.all ? '*' : q.scope.paths.join(',')}|${q.from}|${q.to}`;
  let p = q.reads.get(k) as Promise<T> | undefined;
  if (!p) q.reads.set(k, (p = read()));
  return p;
}

/** The ids a figure counted in its numerator and its denominator, each sorted and distinct. */
export type CountedRecords = { numerator: string[]; denominator: string[] };

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
  /**
   * 'open': the figure counts what is still open at the period's end — appeals not yet dealt with,
   * decided items overdue, clauses not honoured, problems unresolved. The work report prints such
   * figures under its practice's 存在问题 (problems still open) rather than among the work done.
   * Absent: a figure of the work done in the period.
   */
  aspect?: 'open';
  /**
   * The web page whose list the figure's drill filters apply to, when it is not the module's own
   * `/<module in kebab case>` (teacherGrowth's lists are the school office's, /teacher-growth/office).
   */
  drillPage?: string;
  compute(db: Db, q: IndicatorQuery): Promise<Figure>;
  /**
   * The records `figure` counted, named by id: its numerator's and its denominator's (each sorted,
   * distinct), so a report's snapshot says which records were counted. Read by the figure's own
   * definition — the rows its count folds (`foldRecords`), or the list filter its drill declares
   * (`recordsByDrill`) — never a second one. Called with the same batch of reads for every figure of
   * a module and period, so the module reads its rows once. Absent (or null): counts only.
   */
  records?(db: Db, q: IndicatorQuery, figure: Figure): Promise<CountedRecords | null>;
  /**
   * The permission whose scope lets a viewer open the live drill's list (a hardship officer sees
   * households, the rest of the union counts only): a snapshot's ids are shown to the same viewers.
   */
  recordsPermission?: string;
  /** The web page of one record, `:id` standing for its id ('/appeals/:id'): the snapshot's list links each id there, where that page's own authorization applies. */
  recordPage?: string;
}

export function defineIndicator(d: IndicatorDefinition): IndicatorDefinition {
  return d;
}
