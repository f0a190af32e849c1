/** Rows to API shapes: money from fen (exact integers) to yuan. */
import type { Criterion, SuggestionStatus } from '../../../common/suggestions.js';
import type { CampaignSummary, SuggestionSummary } from '../../../common/schemas/suggestions.js';
import type { CampaignRow, SuggestionRow } from './suggestions.repository.js';

export const yuan = (fen: number | string | null) => (fen === null ? null : Number(fen) / 100);
export const fen = (y: number) => Math.round(y * 100);

export function summaryOf(r: SuggestionRow): SuggestionSummary {
  return {
    id: r.id,
    code: r.code,
    campaignId: r.campaign_id,
    title: r.title,
    status: r.status as SuggestionStatus,
    leadName: r.lead_name,
    teamName: r.team_name,
    orgName: r.org_name,
    submittedAt: r.submitted_at,
    decidedOn: r.decided_on,
    benefit: yuan(r.benefit_fen),
    reward: yuan(r.reward_fen),
  };
}

export const criteriaOf = (c: { criteria: string }): Criterion[] => JSON.parse(c.criteria) as Criterion[];

export function campaignOf(c: CampaignRow & { suggestions: number | string | null }, today: string): CampaignSummary {
  return {
    id: c.id,
    title: c.title,
    orgId: c.org_id,
    orgName: c.org_name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    open: c.starts_on <= today && today <= c.ends_on,
    criteria: criteriaOf(c),
    suggestions: Number(c.suggestions ?? 0),
  };
}
