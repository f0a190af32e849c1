/**
 * Work reports in the test worlds (test/authz/part.ts): a queued report of the group (what union roles
 * open) and of the school (what school roles open) on each side, written directly — never generated
 * here, so no probe waits on LibreOffice or a count. For the fuzzer: one queued report of the group.
 */
import type { HostilePart, WorldPart } from '../../../test/authz/part.js';
import { newId, nowIso } from '../../core/ids.js';

async function queued(db: any, org: { id: string; path: string }, title: string, from: string, to: string, summary: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('work_reports')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      kind: 'term',
      from_date: from,
      to_date: to,
      title,
      status: 'queued',
      progress: 0,
      version: 0,
      figures: null,
      narrative: JSON.stringify({ summary, sections: {}, plan: '' }),
      created_by: null,
      created_by_name: null,
      created_at: now,
      updated_at: now,
      generated_at: null,
    })
    .execute();
  return id;
}

export const world: WorldPart = {
  ids: { 'work-reports': 'workReport' },
  families: { workReport: { union: 'unionWorkReport', school: 'schoolWorkReport' } },
  async build(ctx) {
    const db = ctx.t.db as any;
    const report = async (orgId: string, title: string) => {
      const org = await db.selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
      return queued(db, org, title, '2026-09-01', '2026-12-31', title);
    };
    const a = ctx.side === 'own';
    return {
      unionWorkReport: await report(ctx.orgs.group, a ? '甲方工作总结' : `${ctx.label}工作总结`),
      schoolWorkReport: await report(ctx.orgs.school, a ? '甲校工作总结' : `${ctx.label}学校工作总结`),
    };
  },
};

export const hostile: HostilePart = {
  async build({ t, u }) {
    return { ids: { 'work-reports': await queued(t.db, u.group, '模糊测试工作总结', '2026-11-01', '2026-11-30', '') } };
  },
};
