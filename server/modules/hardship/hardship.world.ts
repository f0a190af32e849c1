/**
 * Hardship's records in the test worlds (test/authz/part.ts): on each side a rule, the worker's
 * household file taken through two visits (one with a photo) and approval onto the public notice,
 * and an objection to it; the same for the fuzzer. Every text carries the side's label.
 */
import { uploadPng, type Caller, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { householdBody, ruleBody } from './hardship.testkit.js';

async function created(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`hardship world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A file on public notice with a visit photo and an objection: every kind of record the routes name. */
async function onNotice(label: string, groupId: string, c: { worker: Caller; staff: Caller; chair: Caller; objector: Caller }, personId?: string) {
  const locality = `${label}本市`;
  const rule = await created(c.chair.post('/api/v1/hardship/rules', ruleBody(groupId, Number(today().slice(0, 4)), { locality })), 'rule');
  const body = householdBody(60_000, { locality, situation: `${label}：家属重病`, ...(personId ? { personId } : {}) });
  const profile = await created((personId ? c.staff : c.worker).post('/api/v1/hardship/households', body), 'household');
  const photo = await uploadPng(c.staff, 'visit.png');
  await created(
    c.staff.post(`/api/v1/hardship/households/${profile.id}/visits`, { visitedOn: today(), notes: `${label}入户核实`, fileIds: [photo] }),
    'visit 1',
  );
  await created(c.chair.post(`/api/v1/hardship/households/${profile.id}/visits`, { visitedOn: today(), notes: `${label}入户核实` }), 'visit 2');
  await created(c.chair.post(`/api/v1/hardship/households/${profile.id}/approve`, {}), 'approve');
  const objection = await created(c.objector.post(`/api/v1/hardship/publicity/${profile.id}/objections`, { content: `${label}异议` }), 'objection');
  return { hardshipProfile: profile.id as string, hardshipObjection: objection.id as string, hardshipFile: photo, hardshipRule: rule.id as string };
}

export const world: WorldPart = {
  ids: { households: 'hardshipProfile', publicity: 'hardshipProfile' },
  params: { objectionId: 'hardshipObjection', hardshipFileId: 'hardshipFile', ruleId: 'hardshipRule' },
  async build(ctx) {
    const { worker, unionStaff, unionChair, representative } = ctx.clients;
    return onNotice(ctx.label, ctx.orgs.group, { worker: worker!, staff: unionStaff!, chair: unionChair!, objector: representative! });
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await onNotice('模糊测试', ctx.u.group.id, { worker: ctx.worker, staff: ctx.u.staff, chair: ctx.u.chair, objector: ctx.u.staff });
    return {
      ids: { households: r.hardshipProfile, publicity: r.hardshipProfile },
      params: { objectionId: r.hardshipObjection, hardshipFileId: r.hardshipFile, ruleId: r.hardshipRule },
    };
  },
};
