/**
 * Time to outcome (调解时长) and the cuts of a period's figures by claim type and by unit.
 * Counted in code from the period's cases (repo.periodCases) by exactly the conditions the case
 * list's filters apply — applied in the period; closed in it with an agreement or a referral;
 * of a claim type; under a unit — so each row's drill opens the list of the cases it counts.
 * Working days are counted on the core work calendar as seen from the case's unit (holidays,
 * 调休 make-up days and the unit's own closures).
 */
import { AGREED_STATUSES, CLAIM_TYPES, MEDIATION_DAYS, type ClaimType } from '../../../common/mediation.js';
import { addDays, workCalendar, type WorkCalendar } from '../../core/calendar/calendar.js';
import type { Tx } from '../../core/db/database.js';
import * as repo from './mediation.repository.js';

export const OUTCOME_STATUSES = ['agreed', 'performed', 'failed'] as const;

type Period = { from: string; to: string };
type Drill = Record<string, string>;

const applied = (c: repo.PeriodCase, p: Period) => c.applied_date >= p.from && c.applied_date <= p.to;
const closedIn = (c: repo.PeriodCase, p: Period) => !!c.closed_on && c.closed_on >= p.from && c.closed_on <= p.to;
const isOutcome = (c: repo.PeriodCase, p: Period) => (OUTCOME_STATUSES as readonly string[]).includes(c.status) && closedIn(c, p);
const isAgreed = (c: repo.PeriodCase, p: Period) => (AGREED_STATUSES as readonly string[]).includes(c.status) && closedIn(c, p);
/** The list's `within15` filter: closed by the 15th calendar day after acceptance, extensions not counted. */
const isWithin15 = (c: repo.PeriodCase) => !!c.accepted_on && !!c.closed_on && c.closed_on <= addDays(c.accepted_on, MEDIATION_DAYS);

/** The middle value (the mean of the two middle ones), to one decimal; null without values. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return Math.round(m * 10) / 10;
}

/** Working days from the application day to the outcome day (the days after the application, up to and including the outcome). */
export async function workingDaysToOutcome(db: Tx, cases: repo.PeriodCase[]): Promise<number[]> {
  const calendars = new Map<string, WorkCalendar>();
  const out: number[] = [];
  for (const c of cases) {
    let cal = calendars.get(c.org_path);
    if (!cal) calendars.set(c.org_path, (cal = await workCalendar(db, c.org_path)));
    out.push(cal.workingDaysBetween(c.applied_date, c.closed_on!));
  }
  return out;
}

/** The list filters of a period's outcomes (what the time to outcome is the median of). */
export const outcomeDrill = (p: Period): Drill => ({ status: OUTCOME_STATUSES.join(','), closedFrom: p.from, closedTo: p.to });

export async function timeToOutcome(db: Tx, scopePaths: readonly string[] | undefined, p: Period) {
  const outcomes = (await repo.periodCases(db, { scopePaths, ...p })).filter((c) => isOutcome(c, p));
  return { n: outcomes.length, median: median(await workingDaysToOutcome(db, outcomes)) };
}

export interface CutRow {
  key: string;
  cases: number;
  outcomes: number;
  agreed: number;
  successRate: number | null;
  within15: number;
  medianWorkingDays: number | null;
  drill: { cases: Drill; outcomes: Drill; agreed: Drill; within15: Drill };
}

async function rowOf(db: Tx, key: string, cases: repo.PeriodCase[], p: Period, narrow: Drill): Promise<CutRow> {
  const outcomes = cases.filter((c) => isOutcome(c, p));
  const agreed = cases.filter((c) => isAgreed(c, p)).length;
  return {
    key,
    cases: cases.filter((c) => applied(c, p)).length,
    outcomes: outcomes.length,
    agreed,
    successRate: outcomes.length ? Math.round((agreed / outcomes.length) * 10_000) / 10_000 : null,
    within15: outcomes.filter(isWithin15).length,
    medianWorkingDays: median(await workingDaysToOutcome(db, outcomes)),
    drill: {
      cases: { ...narrow, appliedFrom: p.from, appliedTo: p.to },
      outcomes: { ...narrow, ...outcomeDrill(p) },
      agreed: { ...narrow, status: AGREED_STATUSES.join(','), closedFrom: p.from, closedTo: p.to },
      within15: { ...narrow, ...outcomeDrill(p), within15: '1' },
    },
  };
}

/**
 * The org's own row, one row per claim type (a case with two kinds of claim counts in both, so these
 * rows do not add up to the total) and one per child unit of `org` (a case placed at `org` itself is in none).
 */
export async function cutsOf(db: Tx, org: { id: string; path: string }, units: { id: string; path: string }[], p: Period) {
  const cases = await repo.periodCases(db, { scopePaths: [org.path], ...p });
  const total = await rowOf(db, org.id, cases, p, { orgId: org.id });
  const byClaimType: CutRow[] = [];
  for (const type of CLAIM_TYPES)
    byClaimType.push(
      await rowOf(
        db,
        type,
        cases.filter((c) => c.claim_types.includes(type as ClaimType)),
        p,
        { orgId: org.id, claimType: type },
      ),
    );
  const byUnit: CutRow[] = [];
  for (const u of units)
    byUnit.push(
      await rowOf(
        db,
        u.id,
        cases.filter((c) => c.org_path.startsWith(u.path)),
        p,
        { orgId: u.id },
      ),
    );
  return { total, byClaimType, byUnit };
}
