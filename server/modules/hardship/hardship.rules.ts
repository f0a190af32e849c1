/**
 * The union's rules and settings: which tier a household falls in, by the rule of its locality
 * and year (the deepest org's rule wins), and how many working days a public notice runs.
 */
import { DEFAULT_NOTICE_DAYS, SUDDEN_CAUSES, type Cause, type Tier } from '../../../common/hardship.js';
import type { Tx } from '../../core/db/database.js';
import { hdb } from './hardship.tables.js';

export interface TierRule {
  minimum_living_fen: number;
  deep_pct: number;
  relative_pct: number;
  sudden_pct: number;
}

/**
 * 深度困难 at or under deep% of 低保线, 相对困难 at or under relative%, 意外致困 at or under
 * sudden% when a sudden cause struck; above that the household does not qualify (null).
 * Integer arithmetic (fen × 100 against line × pct): no rounding at the boundary.
 */
export function tierOf(rule: TierRule, incomePerHeadFen: number, causes: readonly string[]): Tier | null {
  const at = (pct: number) => incomePerHeadFen * 100 <= Number(rule.minimum_living_fen) * pct;
  if (at(rule.deep_pct)) return 'deep';
  if (at(rule.relative_pct)) return 'relative';
  if (causes.some((c) => SUDDEN_CAUSES.includes(c as Cause)) && at(rule.sudden_pct)) return 'sudden';
  return null;
}

/** Income per head, rounded down to the fen. */
export const perHead = (householdIncomeFen: number, size: number) => Math.floor(householdIncomeFen / Math.max(1, size));

/** The rule for a locality and year that reaches `orgPath`: set at the org or an ancestor, the nearest one winning. */
export async function ruleFor(db: Tx, orgPath: string, locality: string, year: number) {
  const ancestors = ancestorPaths(orgPath);
  const rows = await hdb(db)
    .selectFrom('hardship_rules')
    .selectAll()
    .where('locality', '=', locality)
    .where('year', '=', year)
    .where('org_path', 'in', ancestors)
    .execute();
  return rows.sort((a, b) => b.org_path.length - a.org_path.length)[0];
}

/** Working days a notice runs for a file at `orgPath`: the nearest setting, else the default. */
export async function noticeDaysFor(db: Tx, orgPath: string): Promise<number> {
  const rows = await hdb(db).selectFrom('hardship_settings').select(['org_path', 'notice_days']).where('org_path', 'in', ancestorPaths(orgPath)).execute();
  const nearest = rows.sort((a, b) => b.org_path.length - a.org_path.length)[0];
  return nearest ? Number(nearest.notice_days) : DEFAULT_NOTICE_DAYS;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The same day `months` later (31 March + 3 → 30 June). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
