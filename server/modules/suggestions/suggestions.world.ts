/**
 * The suggestion campaign's records in the test worlds (test/authz/part.ts). On each side: a
 * campaign of the group started by union staff, and the worker's own suggestion, accepted and
 * under evaluation by that side's handler, representative, union staff and chair — so each role
 * the routes allow is related to it the way the policy expects; it carries a photo, so the file
 * route is probed too. One of each for the fuzzer.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { campaignBody, suggestionBody } from './suggestions.testkit.js';

async function created(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<string> {
  const r = await res;
  if (r.status >= 300) throw new Error(`suggestions world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body.id as string;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 5)]);

/** The worker's suggestion with one photo; returns both ids. */
async function submitted(worker: Caller, campaign: string, over: Record<string, unknown>, what: string) {
  const m = multipart({}, { name: '现场照片.png', content: PNG });
  const file = await created(worker.post('/api/v1/files', m.body, m.headers), `file ${what}`);
  const suggestion = await created(worker.post('/api/v1/suggestions', suggestionBody(campaign, { ...over, fileIds: [file] })), `suggestion ${what}`);
  return { suggestion, file };
}

const words = (label: string) => ({
  title: `${label}托辊更换工装`,
  problem: `${label}：更换费时`,
  proposal: `${label}：顶升工装`,
  expectedBenefit: `${label}：少停机`,
});

export const world: WorldPart = {
  ids: { 'suggestion-campaigns': 'suggestionCampaign', suggestions: 'suggestion' },
  params: { suggestionFileId: 'suggestionFile' },
  fields: { campaignId: 'suggestionCampaign', intoSuggestionId: 'suggestion' },
  async build(ctx) {
    const staff = ctx.clients.unionStaff!;
    const suggestionCampaign = await created(
      staff.post('/api/v1/suggestion-campaigns', campaignBody(ctx.orgs.group, { title: `${ctx.label}献一策活动` })),
      `campaign ${ctx.side}`,
    );
    const { suggestion, file } = await submitted(ctx.clients.worker!, suggestionCampaign, words(ctx.label), ctx.side);
    await created(staff.post(`/api/v1/suggestions/${suggestion}/accept`, {}), `accept ${ctx.side}`);
    const evaluators = (['handler', 'representative', 'unionStaff', 'unionChair'] as const).map((r) => ctx.accounts[r]!.id);
    await created(staff.post(`/api/v1/suggestions/${suggestion}/evaluators`, { evaluatorAccountIds: evaluators }), `evaluators ${ctx.side}`);
    return { suggestionCampaign, suggestion, suggestionFile: file };
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const staff: Caller = ctx.u.staff;
    const campaign = await created(staff.post('/api/v1/suggestion-campaigns', campaignBody(ctx.u.group.id)), 'campaign');
    const { suggestion, file } = await submitted(ctx.worker, campaign, {}, 'hostile');
    return {
      ids: { 'suggestion-campaigns': campaign, suggestions: suggestion },
      params: { suggestionFileId: file },
      fields: { campaignId: campaign, intoSuggestionId: suggestion },
    };
  },
};
