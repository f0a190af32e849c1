/**
 * For honours' disqualifier check: the appeals about wage or social-insurance arrears raised in
 * an org subtree since a date, and the confirmed group alerts concerning it. Declined and merged
 * appeals are left out (a declined one was not taken up; a merged one is counted by its master).
 * An anonymous appeal is placed at its mine, so it counts against a mine's subtree only, never
 * against a department or team inside it (the anonymity rule: no smaller org singles its author out).
 * The org filter is an IN over the subtree's org ids, so both engines read `appeals_org_date`.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { pathUnder } from '../../core/rbac/scope-sql.js';
import { adb } from './appeals.tables.js';

/** Words an arrears appeal carries: 拖欠工资, 欠薪, 欠发, 欠缴社保, 社保断缴, 未缴纳社保. */
export const ARREARS_WORDS = ['欠', '未缴', '断缴', '未足额'];

export async function arrearsAppealsIn(db: Db | Tx, orgPath: string, sinceDate: string, limit = 20) {
  return adb(db)
    .selectFrom('appeals as a')
    .select(['a.id', 'a.code', 'a.title', 'a.submitted_date'])
    .where('a.org_id', 'in', (eb) =>
      eb
        .selectFrom('orgs as o')
        .select('o.id')
        .where((e) => pathUnder(e, 'o.path', orgPath)),
    )
    .where('a.submitted_date', '>=', sinceDate)
    .where('a.category', 'in', ['wages', 'benefits'])
    .where('a.status', 'not in', ['declined', 'merged'])
    .where((eb) => eb.or(ARREARS_WORDS.flatMap((w) => [eb('a.title', 'like', `%${w}%`), eb('a.description', 'like', `%${w}%`)])))
    .orderBy('a.submitted_date', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Group alerts confirmed (then perhaps answered) raised since a date for the org at `orgPath`:
 * an alert's unit is a mine, so one raised for the org's mine (or any unit above or inside it) concerns it.
 */
export async function confirmedGroupAlertsIn(db: Db | Tx, orgPath: string, sinceIso: string, limit = 20) {
  const ancestors = orgPath.split('/').filter(Boolean);
  return adb(db)
    .selectFrom('appeal_group_alerts as g')
    .select(['g.id', 'g.keywords', 'g.worker_count', 'g.raised_at'])
    .where((eb) =>
      eb.or([
        eb('g.unit_id', 'in', ancestors),
        eb(
          'g.unit_id',
          'in',
          eb
            .selectFrom('orgs as o')
            .select('o.id')
            .where((e) => pathUnder(e, 'o.path', orgPath)),
        ),
      ]),
    )
    .where('g.status', 'in', ['confirmed', 'answered'])
    .where('g.raised_at', '>=', sinceIso)
    .orderBy('g.raised_at', 'desc')
    .limit(limit)
    .execute();
}
