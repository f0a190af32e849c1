/**
 * For contracts' clause monitoring: of the given appeals, those that belong to a group alert that
 * still stands (open, confirmed or answered — not dismissed) raised since a time. Only ids leave
 * the module: the alert's id and the member appeal's id, never an author.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { adb } from './appeals.tables.js';

export async function groupAlertsOfAppeals(db: Db | Tx, appealIds: string[], sinceIso: string): Promise<{ appealId: string; alertId: string }[]> {
  const out: { appealId: string; alertId: string }[] = [];
  for (let i = 0; i < appealIds.length; i += 500) {
    const rows = await adb(db)
      .selectFrom('appeals as a')
      .innerJoin('appeal_group_alerts as g', 'g.id', 'a.group_alert_id')
      .select(['a.id as appealId', 'g.id as alertId'])
      .where('a.id', 'in', appealIds.slice(i, i + 500))
      .where('g.status', '!=', 'dismissed')
      .where('g.raised_at', '>=', sinceIso)
      .execute();
    out.push(...rows);
  }
  return out;
}
