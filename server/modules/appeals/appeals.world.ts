/**
 * Appeals' records in the test worlds (test/authz/part.ts). On each side: the worker's appeal with a
 * photo, accepted and assigned to the handler's department, with an extension the handler asked for;
 * and an open group alert on the mine. In A also a colleague's (another mine's worker and handler)
 * appeal, the matrix's 'sibling' target. For the fuzzer: a worker's appeal with an attachment, and
 * five workers with the same wage problem, who raise a real group alert.
 */
import type { Client } from '../../../test/app.js';
import { multipart, ok, PNG, type Caller, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { uploadPng } from '../../../test/hostile/fixture.js';
import { NOWHERE_ID } from '../../../test/hostile/strings.js';
import { newId, nowIso } from '../../core/ids.js';
import { wageAppeal } from './appeals.testkit.js';

/** An appeal by `author`, accepted and assigned to `department` by `staff`, with an attachment and an extension asked by `handler`. */
async function appealChain(author: Caller, staff: Caller, handler: Caller, department: string, title: string) {
  const { body, contentType } = multipart('file', 'photo.png', 'image/png', PNG);
  const file = await ok(author.request('POST', '/api/v1/appeals/attachments', body, { 'content-type': contentType }), 'upload attachment');
  const appeal = await ok(
    author.post('/api/v1/appeals', { category: 'wages', title, description: `${title}：加班工资三个月没有发放`, attachmentIds: [file.id] }),
    'submit appeal',
  );
  await ok(staff.post(`/api/v1/appeals/${appeal.id}/accept`, {}), 'accept');
  await ok(staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: department }), 'assign');
  await ok(handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2, reason: `${title}：需要核对考勤` }), 'extension');
  const detail = await ok(staff.get(`/api/v1/appeals/${appeal.id}`), 'appeal detail');
  return { appeal: appeal.id as string, attachment: detail.attachments[0].id as string, extension: detail.extensions[0].id as string };
}

/** An open alert, written directly: no five appeals have to meet the grouping rule on each side. */
async function groupAlert(db: any, unitId: string, keywords: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('appeal_group_alerts')
    .values({
      id,
      unit_id: unitId,
      category: 'wages',
      status: 'open',
      worker_count: 5,
      appeal_count: 5,
      keywords: JSON.stringify([keywords]),
      raised_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      answer: null,
      answered_at: null,
      updated_at: now,
    })
    .execute();
  return id;
}

export const world: WorldPart = {
  ids: { appeals: 'appeal', 'group-alerts': 'groupAlert' },
  params: { attachmentId: 'attachment', extensionId: 'extension' },
  siblingNames: ['appeals', 'attachmentId', 'extensionId'],
  async build(ctx) {
    const a = ctx.side === 'own';
    const { worker, unionStaff, handler } = ctx.clients as Record<string, Client>;
    const chain = await appealChain(worker, unionStaff, handler, ctx.orgs.department, a ? '食堂饭菜涨价' : `${ctx.label}工资拖欠`);
    return { ...chain, groupAlert: await groupAlert(ctx.t.db, ctx.orgs.mine, a ? '加班费' : ctx.label) };
  },
  async sibling(ctx) {
    const { clients, orgs } = ctx.colleagues!;
    return appealChain(clients.worker, ctx.clients.unionStaff!, clients.handler, orgs.department, '宿舍热水不足');
  },
};

export const hostile: HostilePart = {
  async build({ t, u, worker }) {
    const png = await worker.request('POST', '/api/v1/appeals/attachments', ...uploadPng());
    if (png.status !== 201) throw new Error(`appeals world: attachment → ${png.status} ${png.text}`);
    const appeal = await ok(
      worker.post('/api/v1/appeals', {
        category: 'wages',
        title: '加班费没有按时发放',
        description: '综采一队七月起加班费没有发放。',
        attachmentIds: [png.body.id],
      }),
      'appeal',
    );
    // Five workers with the same wage problem raise a group alert, so /group-alerts/{id} names a real one.
    for (let i = 0; i < 5; i++) {
      const w = await u.worker({ name: `同诉职工${i + 1}` });
      await ok(w.post('/api/v1/appeals', wageAppeal()), 'similar appeal');
    }
    const one = async (table: string, where?: [string, string]) => {
      let q = (t.db as any).selectFrom(table).select('id');
      if (where) q = q.where(where[0], '=', where[1]);
      return ((await q.orderBy('id').executeTakeFirst())?.id as string) ?? NOWHERE_ID;
    };
    return {
      ids: { 'group-alerts': await one('appeal_group_alerts'), appeals: appeal.id },
      // An appeal's attachments are core files owned by it (core/files).
      params: { attachmentId: await one('files', ['owner_kind', 'appeals.appeal']), extensionId: await one('appeal_extensions') },
    };
  },
};
