/**
 * Meetings' records in the test worlds (test/authz/part.ts): a joint meeting at the mine, held,
 * that the handler (and in A the representative) attends, with one decided item the handler owns.
 * Decided items are core's; the meeting is what makes one here.
 */
import { uploadPng, type Caller, type HostilePart, type WorldPart } from '../../../test/authz/part.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`meetings world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

/** A held meeting with one decision, whose owner has reported progress with a photo as evidence. */
async function heldMeeting(staff: Caller, owner: Caller, ownerId: string, orgId: string, attendees: string[], text: string, date: string, dueDate: string) {
  const series = await ok(staff.post('/api/v1/meetings/series', { orgId, kind: 'joint', name: `${text}联席会` }), 'series');
  const meeting = await ok(
    staff.post('/api/v1/meetings', {
      seriesId: series.id,
      title: `${text}联席会`,
      plannedDate: date,
      agenda: [{ title: `${text}议题` }],
      attendeeAccountIds: attendees,
    }),
    'meeting',
  );
  await ok(staff.post(`/api/v1/meetings/${meeting.id}/held`, { heldDate: date }), 'held');
  const item = await ok(
    staff.post(`/api/v1/meetings/${meeting.id}/decisions`, { title: `${text}决定事项`, ownerAccountId: ownerId, dueDate, public: true }),
    'decision',
  );
  const photo = await uploadPng(owner, `${text}进度照片.png`);
  await ok(owner.post(`/api/v1/decided-items/${item.id}/progress`, { progress: 10, note: `${text}已开工`, fileIds: [photo] }), 'progress');
  return { series: series.id as string, meeting: meeting.id as string, decidedItem: item.id as string, decidedFile: photo };
}

export const world: WorldPart = {
  ids: { meetings: 'meeting', series: 'series', 'decided-items': 'decidedItem' },
  params: { decidedFileId: 'decidedFile' },
  build(ctx) {
    const handler = ctx.accounts.handler!.id;
    const rep = ctx.side === 'own' ? ctx.accounts.representative?.id : undefined;
    const today = new Date().toISOString().slice(0, 10);
    return heldMeeting(ctx.clients.unionStaff!, ctx.clients.handler!, handler, ctx.orgs.mine, rep ? [handler, rep] : [handler], ctx.label, today, '2027-12-31');
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await heldMeeting(
      ctx.u.staff,
      ctx.u.handler,
      ctx.u.handler.accountId,
      ctx.u.group.id,
      [ctx.u.handler.accountId],
      '井口候车室',
      '2026-11-20',
      '2026-12-31',
    );
    return { ids: { meetings: r.meeting, series: r.series, 'decided-items': r.decidedItem }, params: { decidedFileId: r.decidedFile } };
  },
};
