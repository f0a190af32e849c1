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
import { orgSettings } from '../../core/org/settings.js';
import { z } from 'zod';
import { AppealSettings } from '../../../common/schemas/appeals.js';
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

/**
 * Appeals' settings of an org (core orgSettings): each at its nearest definition — a mine may set its own reopen limit
 * and inherit the group thresholds — else the default; read once per transaction.
 */
export const appealSettings = orgSettings(
  'appeals.settings',
  // The API's own bounds (what PUT /appeals/settings accepts), with the defaults an org inherits when no ancestor sets a key.
  z.object({
    reopenLimit: AppealSettings.shape.reopenLimit.default(DEFAULT_APPEAL_SETTINGS.reopenLimit),
    groupMinWorkers: AppealSettings.shape.groupMinWorkers.default(DEFAULT_APPEAL_SETTINGS.groupMinWorkers),
    groupWindowDays: AppealSettings.shape.groupWindowDays.default(DEFAULT_APPEAL_SETTINGS.groupWindowDays),
    groupThreshold: AppealSettings.shape.groupThreshold.default(DEFAULT_APPEAL_SETTINGS.groupThreshold),
    /** Whether the union chair may reveal anonymous authors here (off unless an org turns it on). */
    chairMayReveal: AppealSettings.shape.chairMayReveal.default(false),
  }),
  // The table keeps the threshold in percent and the switch as 0/1; null = not set at that org.
  async (db, ids) =>
    (await settingsRows(db, ids)).map((r) => ({
      org_id: r.org_id,
      reopenLimit: r.reopen_limit,
      groupMinWorkers: r.group_min_workers,
      groupWindowDays: r.group_window_days,
      groupThreshold: r.group_threshold_pct === null ? null : r.group_threshold_pct / 100,
      chairMayReveal: r.chair_may_reveal === null ? null : r.chair_may_reveal === 1,
    })),
);

export type Settings = Awaited<ReturnType<typeof appealSettings.at>>;

/** The settings in force at `orgPath`. */
export function settingsFor(db: Tx, orgPath: string): Promise<Settings> {
  return appealSettings.at(db, orgPath);
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
