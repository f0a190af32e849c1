/**
 * Scale-L data for the suggestion campaign (issue #20: 100 000 suggestions): one group with
 * 20 mines × 10 teams, 30 000 workers, 10 evaluators, three yearly campaigns, suggestions in
 * every state with authors (a sixth with a co-author) and two evaluations each from evaluation
 * on — written in bulk, with the columns the service would write. Deterministic (seeded).
 */
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, unionTree, worldRows } from '../world.js';
import { DEFAULT_CRITERIA, SUGGESTION_STATUSES } from '../../common/suggestions.js';
import type { SuggestionTable } from '../../server/modules/suggestions/index.js';

export const SCALE_L = { mines: 20, teamsPerMine: 10, workers: 30_000, evaluators: 10, campaigns: 3, suggestions: 100_000 };
const LATE = new Set(['evaluated', 'adopted', 'trial', 'archived', 'implementing', 'assessed', 'verified', 'rewarded']);
const DECIDED = new Set(['adopted', 'trial', 'archived', 'implementing', 'assessed', 'verified', 'rewarded']);

export interface Built {
  group: { id: string; path: string };
  teams: { id: string; path: string }[];
  campaignIds: string[];
  chairAccount: string;
  evaluatorAccounts: string[];
  workerAccount: { accountId: string; personId: string };
  suggestionIds: string[];
}

export async function buildSuggestionsL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(20);
  const w = worldRows();
  const iso = w.iso;
  const { group, teams, workers: persons } = await unionTree(db, w, scale, { prefix: 'S' });
  const chair = w.account('bench.chair');
  const evaluators = Array.from({ length: scale.evaluators }, (_, i) => w.account(`bench.expert${i}`));
  const worker = w.account('bench.worker', persons[0]!.id);
  await bulk(db, 'accounts', [chair, ...evaluators, worker]);
  await bulk(db, 'role_grants', [
    w.grant(chair.id, 'unionChair', group.id),
    ...evaluators.map((e) => w.grant(e.id, 'handler', group.id)),
    w.grant(worker.id, 'worker', teams[0]!.id),
  ]);

  const campaigns = Array.from({ length: scale.campaigns }, (_, i) => ({
    id: newId(),
    org_id: group.id,
    org_path: group.path,
    title: `${2024 + i}年献一策`,
    starts_on: addDays(today, -365 * (scale.campaigns - i)),
    ends_on: addDays(today, -365 * (scale.campaigns - i - 1) + 30),
    criteria: JSON.stringify(DEFAULT_CRITERIA),
    created_by: chair.id,
    created_at: iso,
    updated_at: iso,
  }));
  await bulk(db, 'suggestion_campaigns', campaigns);

  const rows: SuggestionTable[] = [];
  const authors: { suggestion_id: string; person_id: string; lead: number }[] = [];
  const evaluations: {
    suggestion_id: string;
    account_id: string;
    scores: string | null;
    total: number | null;
    comment: string | null;
    assigned_at: string;
    scored_at: string | null;
  }[] = [];
  for (let i = 0; i < scale.suggestions; i++) {
    const p = i === 0 ? 0 : Math.floor(rng.next() * persons.length);
    const person = persons[p];
    const team = teams[p % teams.length];
    const c = i % campaigns.length;
    const on = addDays(campaigns[c].starts_on, Math.floor(rng.next() * 360));
    const status = SUGGESTION_STATUSES[Math.floor(rng.next() * SUGGESTION_STATUSES.length)];
    const id = newId();
    const benefit = ['assessed', 'verified', 'rewarded'].includes(status) ? Math.round(rng.next() * 50_000_000) : null;
    rows.push({
      id,
      code: `JY${on.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`,
      campaign_id: campaigns[c].id,
      org_id: team.id,
      org_path: team.path,
      lead_person_id: person.id,
      team_name: i % 6 === 0 ? '攻关小组' : null,
      title: `建议${i}`,
      problem: '问题',
      proposal: '办法',
      expected_benefit: '效益',
      status,
      submitted_at: `${on}T02:00:00.000Z`,
      submitted_on: on,
      return_reason: status === 'returned' ? '请补充' : null,
      merged_into_id: null,
      decision: DECIDED.has(status) ? (status === 'archived' ? 'archive' : status === 'trial' ? 'trial' : 'adopt') : null,
      decision_note: DECIDED.has(status) ? '决定' : null,
      decided_on: DECIDED.has(status) ? addDays(on, 20) : null,
      decided_item_id: null,
      implemented_on: null,
      benefit_kind: benefit === null ? null : 'savings',
      benefit_fen: benefit,
      benefit_note: benefit === null ? null : '测算',
      benefit_recorded_by: benefit === null ? null : chair.id,
      benefit_verified_by: status === 'verified' || status === 'rewarded' ? evaluators[0].id : null,
      verified_on: status === 'verified' || status === 'rewarded' ? addDays(on, 45) : null,
      reward_fen: status === 'rewarded' ? 100_000 : null,
      reward_paid_on: status === 'rewarded' ? addDays(on, 55) : null,
      created_at: iso,
      updated_at: iso,
    });
    authors.push({ suggestion_id: id, person_id: person.id, lead: 1 });
    if (i % 6 === 0) authors.push({ suggestion_id: id, person_id: persons[(p + 1) % persons.length].id, lead: 0 });
    if (status === 'evaluating' || LATE.has(status)) {
      for (let k = 0; k < 2; k++) {
        const done = LATE.has(status) || k === 0;
        evaluations.push({
          suggestion_id: id,
          account_id: evaluators[(i + k) % evaluators.length].id,
          scores: done ? '{"innovation":20,"feasibility":20,"benefit":30}' : null,
          total: done ? 70 : null,
          comment: null,
          assigned_at: iso,
          scored_at: done ? iso : null,
        });
      }
    }
  }
  await bulk(db, 'suggestions', rows, 100);
  await bulk(db, 'suggestion_authors', authors);
  await bulk(db, 'suggestion_evaluations', evaluations);
  return {
    group,
    teams,
    campaignIds: campaigns.map((c) => c.id),
    chairAccount: chair.id,
    evaluatorAccounts: evaluators.map((e) => e.id),
    workerAccount: { accountId: worker.id, personId: persons[0].id },
    suggestionIds: rows.map((r) => r.id),
  };
}
