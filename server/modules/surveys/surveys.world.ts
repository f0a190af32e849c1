/**
 * Surveys' records in the test worlds (test/authz/part.ts): on each side an open named survey of
 * the union office whose recipients include the side's worker, and a screening problem of the
 * handler's department owned by that handler; and the same for the fuzzer.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`surveys world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

async function records(office: Caller, orgId: string, teamId: string, unitId: string, ownerAccountId: string, label: string) {
  const closesOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const survey = await ok(
    office.post('/api/v1/surveys', {
      orgId,
      title: `${label}职工关心问题调查`,
      description: `${label}调研`,
      closesOn,
      target: { orgIds: [teamId] },
      questions: [
        { kind: 'single', text: `${label}收入满意吗`, options: [`${label}满意`, `${label}不满意`], required: false },
        { kind: 'text', text: `${label}意见`, required: false },
      ],
    }),
    'survey',
  );
  await ok(office.post(`/api/v1/surveys/${survey.id}/open`), 'open');
  const item = await ok(
    office.post('/api/v1/screening-items', {
      orgId: unitId,
      title: `${label}夜班食堂无热饭`,
      description: `${label}问卷反映`,
      source: 'surveyAnswer',
      severity: 'medium',
      ownerAccountId,
    }),
    'screening item',
  );
  return { survey: survey.id as string, surveyQuestion: survey.questions[0].id as string, screeningItem: item.id as string, screeningOwner: ownerAccountId };
}

export const world: WorldPart = {
  params: { surveyId: 'survey', screeningItemId: 'screeningItem' },
  fields: { questionId: 'surveyQuestion', ownerAccountId: 'screeningOwner' },
  async build(ctx) {
    let handler = ctx.accounts.handler?.id;
    if (!handler) handler = (await ctx.account('handler', ctx.orgs.department)).id;
    return records(ctx.clients.unionStaff!, ctx.orgs.group, ctx.orgs.team, ctx.orgs.department, handler, ctx.label);
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await records(ctx.u.staff, ctx.u.group.id, ctx.u.team1.id, ctx.u.prod1.id, ctx.u.handler.accountId, '');
    return { params: { surveyId: r.survey, screeningItemId: r.screeningItem }, fields: { questionId: r.surveyQuestion, ownerAccountId: r.screeningOwner } };
  },
};
