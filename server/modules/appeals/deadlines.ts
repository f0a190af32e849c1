/**
 * Deadlines, rules and settings of appeals. Every date comes from core/calendar: the
 * deadline is the N-th working day after the day of the act (counting starts the next
 * day), in the calendar of the author's org, and runs to the end of that Shanghai day.
 *
 * Rules and settings are configured per org node; an appeal uses, cell by cell, the one
 * defined at its nearest ancestor, else the defaults in common/appeals.ts.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { shanghaiDate, workCalendar, type WorkCalendar } from '../../core/calendar/calendar.js';
import {
  APPEAL_CATEGORIES,
  APPEAL_URGENCIES,
  DEFAULT_APPEAL_SETTINGS,
  DEFAULT_DEADLINES,
  type AppealCategory,
  type AppealNature,
  type AppealUrgency,
  type Light,
} from '../../../common/appeals.js';
import { nearestFirst, resolveAlong } from '../../core/org/context.js';
import { ruleRows, settingsRows } from './appeals.configRows.js';
import type { LightClock } from './appeals.visibility.js';

export interface RuleCell {
  category: AppealCategory;
  urgency: AppealUrgency;
  acceptDays: number;
  consultationDays: number;
  requestDays: number;
  /** The org whose table defines this cell; null = built-in default. */
  definedAt: string | null;
}

/** The cells in force at `orgPath`: read once per transaction (core orgContext), nearest definition first. */
export function rulesFor(db: Tx, orgPath: string): Promise<RuleCell[]> {
  return resolveAlong(db, orgPath, 'appeals.rules', async (ids) => rulesOf(nearestFirst(ids, await ruleRows(db, ids))));
}

function rulesOf(rows: Awaited<ReturnType<typeof ruleRows>>): RuleCell[] {
  const cells: RuleCell[] = [];
  for (const category of APPEAL_CATEGORIES) {
    for (const urgency of APPEAL_URGENCIES) {
      const best = rows.find((r) => r.category === category && r.urgency === urgency);
      cells.push(
        best
          ? {
              category,
              urgency,
              acceptDays: best.accept_days,
              consultationDays: best.consultation_days,
              requestDays: best.request_days,
              definedAt: best.org_id,
            }
          : { category, urgency, ...DEFAULT_DEADLINES[urgency], definedAt: null },
      );
    }
  }
  return cells;
}

export async function ruleFor(db: Tx, orgPath: string, category: string, urgency: string): Promise<RuleCell> {
  return (await rulesFor(db, orgPath)).find((c) => c.category === category && c.urgency === urgency)!;
}

export const answerDays = (rule: RuleCell, nature: string) => (nature === ('consultation' satisfies AppealNature) ? rule.consultationDays : rule.requestDays);

export interface Settings {
  reopenLimit: number;
  groupMinWorkers: number;
  groupWindowDays: number;
  groupThreshold: number;
  /** Whether the union chair may reveal anonymous authors here (off unless an org turns it on). */
  chairMayReveal: boolean;
  definedAt: string | null;
}

/** The settings in force at `orgPath`: read once per transaction (core orgContext), each at its nearest definition. */
export function settingsFor(db: Tx, orgPath: string): Promise<Settings> {
  return resolveAlong(db, orgPath, 'appeals.settings', async (ids) => settingsOf(nearestFirst(ids, await settingsRows(db, ids))));
}

function settingsOf(rows: Awaited<ReturnType<typeof settingsRows>>): Settings {
  // Each setting separately: a mine may set its own reopen limit and inherit the group thresholds.
  const pick = <K extends 'reopen_limit' | 'group_min_workers' | 'group_window_days' | 'group_threshold_pct' | 'chair_may_reveal'>(k: K) =>
    rows.find((r) => r[k] !== null)?.[k] ?? null;
  const pct = pick('group_threshold_pct');
  return {
    reopenLimit: pick('reopen_limit') ?? DEFAULT_APPEAL_SETTINGS.reopenLimit,
    groupMinWorkers: pick('group_min_workers') ?? DEFAULT_APPEAL_SETTINGS.groupMinWorkers,
    groupWindowDays: pick('group_window_days') ?? DEFAULT_APPEAL_SETTINGS.groupWindowDays,
    groupThreshold: pct === null ? DEFAULT_APPEAL_SETTINGS.groupThreshold : pct / 100,
    chairMayReveal: (pick('chair_may_reveal') ?? 0) === 1,
    definedAt: rows[0]?.org_id ?? null,
  };
}

// Inside a transaction, calendars must be read through it: on SQLite the one connection is
// held by the transaction, and a read through the root handle would wait for it forever.

/** The deadline (a Shanghai date) `days` working days after the instant `at`. */
export async function deadlineAfter(db: Tx, orgPath: string, at: Date | string, days: number): Promise<string> {
  return (await workCalendar(db as Db, orgPath)).addWorkingDays(shanghaiDate(at), days);
}

export async function calendarFor(db: Tx, orgPath: string | null): Promise<WorkCalendar> {
  return workCalendar(db as Db, orgPath);
}

/**
 * The 红黄灯 boundaries for `now`. They use the deployment-wide calendar so that a list
 * filtered by light and the lights shown in it always agree; the deadlines themselves
 * honour each org's own closures.
 */
export async function lightClock(db: Tx, now: Date): Promise<LightClock> {
  const today = shanghaiDate(now);
  return { today, soon: (await workCalendar(db as Db, null)).addWorkingDays(today, 2) };
}

/** Green: more than one working day left; yellow: one or none; red: the deadline day has passed. */
export function lightOf(currentDue: string | null, clock: LightClock): Light | null {
  if (!currentDue) return null;
  if (currentDue < clock.today) return 'red';
  return currentDue < clock.soon ? 'yellow' : 'green';
}
