/**
 * The demo's current contract read by workers, as a worker's phone reads a 厂务公开 notice: each receipt goes through
 * the notices' own read (its recipient check, its unit), so the notice's read rates count them like any other
 * notice's. One read costs a few queries and the demo seeds inside every test world and e2e server, so the readers
 * are the two demo workers' own teams (a deterministic four in five of each, the demo workers among them), not the
 * group's two thousand workers.
 */
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { benchNotices } from '../notices/index.js';
import { cq } from './contracts.tables.js';

export async function readContractNotice(db: Db, notice: { id: string; publishedAt: Date }, demoPersonIds: string[]): Promise<void> {
  if (!demoPersonIds.length) return;
  const teams = cq(db).selectFrom('persons').select('org_id').where('id', 'in', demoPersonIds);
  const workers = await cq(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.path as org_path'])
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('p.org_id', 'in', teams)
    .orderBy('p.id')
    .execute();
  await db.transaction().execute(async (tx) => {
    for (const [k, p] of workers.entries()) {
      if (!demoPersonIds.includes(p.id) && k % 5 === 4) continue;
      const actor = {
        accountId: `demo-reader-${p.id}`,
        displayName: '',
        personId: p.id,
        grants: [{ role: 'worker' as const, orgId: p.org_id, orgPath: p.org_path, orgName: null }],
        via: 'session' as const,
      };
      const at = new Date(notice.publishedAt.getTime() + ((k % 9) + 1) * 86_400_000);
      await benchNotices.read(writeCallIn(db, tx, actor, { ...systemContext(), actor }, at), notice.id);
    }
  });
}
