/**
 * Transparent notices' records in the test worlds (test/authz/part.ts): a notice published by
 * union staff to the whole group with an attachment, read by the worker, and the worker's
 * question about it.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';
import { multipart } from '../../core/people/people.fixtures.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`notices world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 3)]);

async function notices(staff: Caller, worker: Caller, orgId: string, label: string) {
  const m = multipart({}, { name: `${label}公开附件.png`, content: PNG });
  const file = await ok(staff.post('/api/v1/files', m.body, m.headers), 'file');
  const notice = await ok(
    staff.post('/api/v1/notices', { orgId, title: `${label}季度财务公开`, body: `${label}本季度收支情况`, kind: 'adHoc', fileIds: [file.id] }),
    'notice',
  );
  await ok(worker.post(`/api/v1/notices/${notice.id}/read`), 'read');
  const question = await ok(worker.post(`/api/v1/notices/${notice.id}/questions`, { body: `${label}招待费为什么增加了` }), 'question');
  return { notice: notice.id as string, noticeQuestion: question.id as string, noticeFile: file.id as string };
}

export const world: WorldPart = {
  ids: { notices: 'notice', 'notice-questions': 'noticeQuestion' },
  params: { noticeFileId: 'noticeFile' },
  fields: { noticeId: 'notice' },
  build: (ctx) => notices(ctx.clients.unionStaff!, ctx.clients.worker!, ctx.orgs.group, ctx.label),
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await notices(ctx.u.staff, ctx.worker, ctx.u.group.id, '');
    return { ids: { notices: r.notice, 'notice-questions': r.noticeQuestion }, params: { noticeFileId: r.noticeFile }, fields: { noticeId: r.notice } };
  },
};
