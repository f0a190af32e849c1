/**
 * Honours' records in the test worlds (test/authz/part.ts): an honour of the group, a nomination
 * the demo handler made for the worker's team (so the department follows its own nomination),
 * and a labour competition of the mine the worker's team takes part in.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';

async function created(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<string> {
  const r = await res;
  if (r.status >= 300) throw new Error(`honours world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body.id as string;
}

const year = new Date().getUTCFullYear();

async function build(staff: Caller, handler: Caller, orgs: { group: string; mine: string; team: string; team2: string }, label: string) {
  const honour = await created(
    staff.post('/api/v1/honours', { orgId: orgs.group, kind: 'pioneerTeam', name: `${label}工人先锋号`, year, criteria: `${label}评选条件` }),
    'honour',
  );
  const honourNomination = await created(
    handler.post(`/api/v1/honours/${honour}/nominations`, { teamOrgId: orgs.team, record: `${label}班组事迹` }),
    'nomination',
  );
  const competition = await created(
    staff.post('/api/v1/competitions', {
      orgId: orgs.mine,
      name: `${label}劳动竞赛`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      teamOrgIds: [orgs.team, orgs.team2],
      measures: [{ name: `${label}安全`, weight: 1 }],
    }),
    'competition',
  );
  return { honour, honourNomination, competition };
}

export const world: WorldPart = {
  params: { honourId: 'honour', nominationId: 'honourNomination', competitionId: 'competition' },
  fields: { teamOrgId: 'honourTeam', period: 'scorePeriod' },
  async build(ctx) {
    const dept = await ctx.t.db.selectFrom('orgs').select(['id', 'path']).where('id', '=', ctx.orgs.department).executeTakeFirstOrThrow();
    const team2 = await ctx.t.org(`${ctx.label}掘进队`, 'team', dept);
    const ids = await build(ctx.clients.unionStaff!, ctx.clients.handler!, { ...ctx.orgs, team2: team2.id }, ctx.label);
    // A month inside the competition: the score routes' period field.
    return { ...ids, honourTeam: ctx.orgs.team, scorePeriod: `${year}-06` };
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const team2 = await ctx.u.team();
    const ids = await build(ctx.u.staff, ctx.u.handler, { group: ctx.u.group.id, mine: ctx.u.mine1.id, team: ctx.u.team1.id, team2: team2.id }, '井口');
    return {
      params: { honourId: ids.honour, nominationId: ids.honourNomination, competitionId: ids.competition },
      fields: { teamOrgId: ctx.u.team1.id, period: `${year}-06` },
    };
  },
};
