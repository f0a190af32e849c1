/** The per-org deadline rules and settings of appeals as stored (deadlines.ts resolves them along the org chain). */
import type { Tx } from '../../core/db/database.js';
import { prepared } from '../../core/db/prepared.js';
import { adb, type ADb } from './appeals.tables.js';

// Rules and settings are read along the author's ancestors at every intake (once per transaction, deadlines.ts): the
// nearest is the one whose org comes last on the path, so no join with orgs is needed for depths.
const rulesAt = prepared((d: ADb, p: { orgIds: string[] }) =>
  d
    .selectFrom('appeal_deadline_rules as r')
    .select(['r.org_id', 'r.category', 'r.urgency', 'r.accept_days', 'r.consultation_days', 'r.request_days'])
    .where('r.org_id', 'in', p.orgIds),
);
export function ruleRows(db: Tx, orgIds: string[]) {
  if (!orgIds.length) return Promise.resolve([]);
  return rulesAt.all(db, { orgIds });
}

export async function upsertRule(
  db: Tx,
  row: { org_id: string; category: string; urgency: string; accept_days: number; consultation_days: number; request_days: number; updated_at: string },
) {
  await adb(db)
    .insertInto('appeal_deadline_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'category', 'urgency']).doUpdateSet({
        accept_days: row.accept_days,
        consultation_days: row.consultation_days,
        request_days: row.request_days,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

const settingsAt = prepared((d: ADb, p: { orgIds: string[] }) =>
  d
    .selectFrom('appeal_settings as s')
    .select(['s.org_id', 's.reopen_limit', 's.group_min_workers', 's.group_window_days', 's.group_threshold_pct', 's.chair_may_reveal'])
    .where('s.org_id', 'in', p.orgIds),
);
export function settingsRows(db: Tx, orgIds: string[]) {
  if (!orgIds.length) return Promise.resolve([]);
  return settingsAt.all(db, { orgIds });
}

export async function upsertSettings(
  db: Tx,
  row: {
    org_id: string;
    reopen_limit?: number;
    group_min_workers?: number;
    group_window_days?: number;
    group_threshold_pct?: number;
    chair_may_reveal?: number;
    updated_at: string;
  },
) {
  const patch = Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== undefined && k !== 'org_id'));
  await adb(db)
    .insertInto('appeal_settings')
    .values({ reopen_limit: null, group_min_workers: null, group_window_days: null, group_threshold_pct: null, chair_may_reveal: null, ...row })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(patch))
    .execute();
}
