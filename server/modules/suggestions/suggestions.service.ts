/**
 * The actions on a suggestion: load (404 when the caller may not see it → 403 when they may
 * not do this → 409 when its status does not allow it), change through transition(), with the
 * timeline event, audit row and notices in the same transaction. Evaluators are blind: no
 * response shows one evaluator's scores to anyone else until every assigned evaluator has scored.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { t } from '../../core/i18n/messages.js';
import { hasPermission } from '../../core/rbac/actor.js';
import type { Notice } from '../../core/notify/index.js';
import { createDecidedItem, decidedItemsOf } from '../../core/decidedItems/index.js';
import { claimFiles, filesOf, DOCX, XLSX, IMAGE_AND_PDF } from '../../core/files/index.js';
import { eventsOf, recordEvent, statusConflict, transition, type TransitionSpec } from '../../core/workflow/index.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import {
  DECISION_STATUS,
  EVALUATOR_ROLES,
  SUGGESTION_PERMISSIONS as P,
  SUGGESTION_STATUS_LABELS,
  type BenefitKind,
  type Decision,
} from '../../../common/suggestions.js';
import type {
  Candidate,
  BenefitBody,
  DecisionBody,
  ImplementBody,
  ReviseBody,
  RewardBody,
  ScoreBody,
  SubmitBody,
  SuggestionDetail,
  SuggestionListQuery,
  SuggestionSummary,
} from '../../../common/schemas/suggestions.js';
import { SM } from './suggestions.messages.js';
import { demand, reachesCampaign, relationTo, visibilityOf, type Relation } from './suggestions.policy.js';
import { criteriaOf, fen, summaryOf, yuan } from './suggestions.present.js';
import * as repo from './suggestions.repository.js';
import { sdb } from './suggestions.tables.js';

/** The timeline's kind; the audit log's entity type is the glossary name. */
export const KIND = 'suggestions.suggestion';
const ENTITY = 'suggestion';
/** The owner kind of a suggestion's files in core/files. */
export const FILE_KIND = 'suggestion';
/** A suggestion's evidence: photos and PDFs, and the drawing or calculation a worker keeps in Word or Excel. */
const FILE_TYPES = [...IMAGE_AND_PDF, DOCX, XLSX];
const claim = (call: WriteCall, ids: string[] | undefined, id: string) => claimFiles(call, ids ?? [], { kind: FILE_KIND, id }, { types: FILE_TYPES });

const move = (call: WriteCall, spec: Omit<TransitionSpec, 'kind' | 'table'>) => transition(call, { kind: KIND, table: 'suggestions', ...spec });
const today = (call: Call) => shanghaiDate(call.now);

async function orgPathOf(db: Tx, orgId: string | undefined): Promise<string | null | undefined> {
  if (!orgId) return undefined;
  return (await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst())?.path ?? null;
}

export async function list(
  call: Call,
  q: SuggestionListQuery,
): Promise<{ items: SuggestionSummary[]; total: number; totalCapped: boolean; nextCursor: string | null; page: number; pageSize: number }> {
  const orgPath = await orgPathOf(call.db, q.orgId);
  const empty = { items: [], total: 0, totalCapped: false, nextCursor: null, page: q.page, pageSize: q.pageSize };
  if (orgPath === null) return empty;
  if (q.mine && !call.actor.personId) return empty;
  const { rows, total, totalCapped, nextCursor } = await repo.listSuggestions(
    call.db,
    visibilityOf(call.actor),
    {
      ...q,
      orgPath,
      authorPersonId: q.mine ? call.actor.personId! : undefined,
      evaluatorAccountId: q.assigned ? call.actor.accountId : undefined,
    },
    q,
  );
  return { items: rows.map(summaryOf), total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}

interface Loaded {
  row: repo.SuggestionRow;
  rel: Relation;
  authors: Awaited<ReturnType<typeof repo.authorsOf>>;
  evaluations: Awaited<ReturnType<typeof repo.evaluationsOf>>;
}

async function load(db: Tx, call: Call, id: string): Promise<Loaded> {
  const row = await repo.loadSuggestion(db, id);
  if (!row) throw notFound();
  const authors = await repo.authorsOf(db, id);
  const evaluations = await repo.evaluationsOf(db, id);
  const rel = relationTo(call.actor, { ...row, authors: authors.map((a) => a.person_id), evaluators: evaluations.map((e) => e.account_id) });
  if (!rel.sees) throw notFound();
  return { row, rel, authors, evaluations };
}

async function detailOf(db: Tx, call: Call, l: Loaded): Promise<SuggestionDetail> {
  const { row, rel } = l;
  const campaign = (await repo.loadCampaign(db, row.campaign_id))!;
  const allIn = l.evaluations.length > 0 && l.evaluations.every((e) => e.scored_at !== null);
  const merged = row.merged_into_id ? await repo.loadSuggestion(db, row.merged_into_id) : undefined;
  const item = row.decided_item_id ? (await decidedItemsOf(db, { kind: KIND, id: row.id })).find((d) => d.id === row.decided_item_id) : undefined;
  const names = async (ids: (string | null)[]) => {
    const want = ids.filter((x): x is string => !!x);
    if (!want.length) return new Map<string, string>();
    const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', want).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  };
  const who = await names([row.benefit_recorded_by, row.benefit_verified_by]);
  const myScore = l.evaluations.find((e) => e.account_id === call.actor.accountId);
  const events = await eventsOf(db, KIND, row.id);
  const files = await filesOf(db, { kind: FILE_KIND, id: row.id });
  return {
    ...summaryOf(row),
    problem: row.problem,
    proposal: row.proposal,
    expectedBenefit: row.expected_benefit,
    authors: l.authors.map((a) => ({ personId: a.person_id, name: a.name, lead: Number(a.lead) === 1 })),
    returnReason: row.return_reason,
    files,
    mergedInto: merged ? { id: merged.id, code: merged.code } : null,
    criteria: criteriaOf(campaign),
    // Authors see who evaluates only once the scores are open; the scores of others stay hidden until all are in.
    evaluations:
      rel.oversees || rel.evaluator || allIn
        ? l.evaluations.map((e) => {
            const open = allIn || e.account_id === call.actor.accountId;
            return {
              accountId: e.account_id,
              name: e.display_name,
              scored: open || rel.oversees ? e.scored_at !== null : false,
              scores: open && e.scores ? (JSON.parse(e.scores) as Record<string, number>) : null,
              total: open && e.total !== null ? Number(e.total) : null,
              comment: open ? e.comment : null,
            };
          })
        : [],
    averageScore: allIn ? Math.round((l.evaluations.reduce((s, e) => s + Number(e.total), 0) / l.evaluations.length) * 10) / 10 : null,
    decision: row.decision ? { decision: row.decision as Decision, note: row.decision_note ?? '', decidedOn: row.decided_on! } : null,
    implementation: item
      ? { decidedItemId: item.id, title: item.title, status: item.status, progress: item.progress, dueDate: item.dueDate, ownerName: item.ownerName }
      : null,
    benefitRecord:
      row.benefit_fen !== null
        ? {
            kind: row.benefit_kind as BenefitKind,
            amount: yuan(row.benefit_fen)!,
            note: row.benefit_note ?? '',
            recordedBy: who.get(row.benefit_recorded_by ?? '') ?? null,
            verifiedBy: who.get(row.benefit_verified_by ?? '') ?? null,
            verifiedOn: row.verified_on,
          }
        : null,
    rewardRecord: row.reward_fen !== null ? { amount: yuan(row.reward_fen)!, paidOn: row.reward_paid_on! } : null,
    // A scoring event names who scored, never what: the data carries nothing of the scores.
    events: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, data: e.data, at: e.at })),
    can: {
      revise: rel.lead && row.status === 'returned',
      review: rel.oversees && row.status === 'submitted',
      score: rel.evaluator && row.status === 'evaluating' && !!myScore && myScore.scored_at === null,
      manage: rel.oversees,
    },
  };
}

/** The owner of a suggestion's files, once the caller is shown to see the suggestion (404 otherwise). */
export async function fileOwner(call: Call, id: string): Promise<{ kind: string; id: string }> {
  await call.db.transaction().execute((tx) => load(tx, call, id));
  return { kind: FILE_KIND, id };
}

export async function detail(call: Call, id: string): Promise<SuggestionDetail> {
  return call.db.transaction().execute(async (tx) => detailOf(tx, call, await load(tx, call, id)));
}

async function reload(call: WriteCall, id: string): Promise<SuggestionDetail> {
  return detailOf(call.tx, call, await load(call.tx, call, id));
}

function notice(key: string, params: Record<string, unknown>, accountIds: string[], id: string): Notice {
  return {
    accountIds,
    kind: `suggestions.${key}`,
    title: t('zh-CN', `suggestions.notice.${key}.title`, params),
    body: t('zh-CN', `suggestions.notice.${key}.body`, params),
    link: `/suggestions/${id}`,
  };
}

async function authorAccounts(call: WriteCall, l: Loaded): Promise<string[]> {
  return repo.accountsOfPersons(
    call.tx,
    l.authors.map((a) => a.person_id),
  );
}

// ── submission ────────────────────────────────────────────────────

/** Co-authors: distinct workers (not the lead) inside the campaign's org subtree. */
async function coAuthors(tx: Tx, ids: string[] | undefined, leadId: string, campaignPath: string): Promise<string[]> {
  const want = [...new Set(ids ?? [])].filter((x) => x !== leadId);
  if (!want.length) return [];
  const found = await tx
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select('p.id')
    .where('p.id', 'in', want)
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('o.path', 'like', `${campaignPath}%`)
    .execute();
  if (found.length !== want.length) throw invalid('body.coAuthorPersonIds', SM['suggestions.coAuthorUnknown']);
  return want;
}

export async function submit(call: WriteCall, body: SubmitBody): Promise<SuggestionDetail> {
  const { actor, tx } = call;
  // Only a worker submits, in their own name: an account with no worker behind it (an admin) is refused outright.
  if (!hasPermission(actor, P.submit) || !actor.personId) throw forbidden();
  const person = await tx
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.kind', 'p.archived', 'p.org_id', 'o.path'])
    .where('p.id', '=', actor.personId)
    .executeTakeFirst();
  if (!person || person.kind !== 'worker' || Number(person.archived) === 1 || !hasPermission(actor, P.submit, person.path)) throw forbidden();
  const campaign = await repo.loadCampaign(tx, body.campaignId);
  // A campaign that does not invite the worker's unit is answered like one that does not exist.
  if (!campaign || !person.path.startsWith(campaign.org_path) || !reachesCampaign(actor, campaign.org_path))
    throw invalid('body.campaignId', SM['suggestions.campaignUnknown']);
  const day = today(call);
  if (day < campaign.starts_on || day > campaign.ends_on)
    throw invalid('body.campaignId', SM['suggestions.campaignClosed'], { startsOn: campaign.starts_on, endsOn: campaign.ends_on });
  const co = await coAuthors(tx, body.coAuthorPersonIds, person.id, campaign.org_path);
  if (co.length && !body.teamName) throw invalid('body.teamName', SM['suggestions.teamNameRequired']);
  const id = newId();
  const code = `JY${day.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`;
  await sdb(tx)
    .insertInto('suggestions')
    .values({
      id,
      code,
      campaign_id: campaign.id,
      org_id: person.org_id,
      org_path: person.path,
      lead_person_id: person.id,
      team_name: body.teamName ?? null,
      title: body.title,
      problem: body.problem,
      proposal: body.proposal,
      expected_benefit: body.expectedBenefit,
      status: 'submitted',
      submitted_at: call.iso,
      submitted_on: day,
      return_reason: null,
      merged_into_id: null,
      decision: null,
      decision_note: null,
      decided_on: null,
      decided_item_id: null,
      implemented_on: null,
      benefit_kind: null,
      benefit_fen: null,
      benefit_note: null,
      benefit_recorded_by: null,
      benefit_verified_by: null,
      verified_on: null,
      reward_fen: null,
      reward_paid_on: null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await sdb(tx)
    .insertInto('suggestion_authors')
    .values([{ suggestion_id: id, person_id: person.id, lead: 1 }, ...co.map((p) => ({ suggestion_id: id, person_id: p, lead: 0 }))])
    .execute();
  const files = await claim(call, body.fileIds, id);
  await recordEvent(call, { kind: KIND, id, event: 'submitted', to: 'submitted', data: co.length ? { coAuthors: co.length } : undefined });
  await recordAudit(tx, call.ctx, {
    action: 'suggestion.submit',
    entityType: ENTITY,
    entityId: id,
    orgId: person.org_id,
    changes: { campaignId: campaign.id, coAuthors: co.length, files: files.length },
  });
  return reload(call, id);
}

/** The lead author revises a returned suggestion and submits it again. */
export async function revise(call: WriteCall, id: string, body: ReviseBody): Promise<SuggestionDetail> {
  const l = await load(call.tx, call, id);
  demand(l.rel.lead);
  const campaign = (await repo.loadCampaign(call.tx, l.row.campaign_id))!;
  const co = await coAuthors(call.tx, body.coAuthorPersonIds, l.row.lead_person_id, campaign.org_path);
  if (co.length && !body.teamName) throw invalid('body.teamName', SM['suggestions.teamNameRequired']);
  await move(call, {
    id,
    from: ['returned'],
    to: 'submitted',
    event: 'resubmitted',
    patch: {
      title: body.title,
      problem: body.problem,
      proposal: body.proposal,
      expected_benefit: body.expectedBenefit,
      team_name: body.teamName ?? null,
      return_reason: null,
    },
    audit: { action: 'suggestion.revise', entityType: ENTITY, entityId: id, orgId: l.row.org_id },
  });
  await sdb(call.tx).deleteFrom('suggestion_authors').where('suggestion_id', '=', id).where('lead', '=', 0).execute();
  if (co.length)
    await sdb(call.tx)
      .insertInto('suggestion_authors')
      .values(co.map((p) => ({ suggestion_id: id, person_id: p, lead: 0 })))
      .execute();
  await claim(call, body.fileIds, id);
  return reload(call, id);
}

// ── first review ──────────────────────────────────────────────────

async function overseen(call: WriteCall, id: string): Promise<Loaded> {
  const l = await load(call.tx, call, id);
  demand(l.rel.oversees);
  return l;
}

export async function accept(call: WriteCall, id: string, note?: string): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  await move(call, {
    id,
    from: ['submitted'],
    to: 'accepted',
    event: 'accepted',
    data: note ? { note } : undefined,
    audit: { action: 'suggestion.accept', entityType: ENTITY, entityId: id, orgId: l.row.org_id },
  });
  return reload(call, id);
}

export async function returnSuggestion(call: WriteCall, id: string, reason: string): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  await move(call, {
    id,
    from: ['submitted'],
    to: 'returned',
    event: 'returned',
    patch: { return_reason: reason },
    data: { reason },
    audit: { action: 'suggestion.return', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { reason } },
    notify: notice('returned', { code: l.row.code, reason }, await authorAccounts(call, l), id),
  });
  return reload(call, id);
}

export async function merge(call: WriteCall, id: string, intoId: string): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  const into = intoId === id ? undefined : await repo.loadSuggestion(call.tx, intoId);
  if (!into || into.campaign_id !== l.row.campaign_id || ['merged', 'returned'].includes(into.status) || !hasPermission(call.actor, P.oversee, into.org_path)) {
    throw invalid('body.intoSuggestionId', SM['suggestions.mergeTarget']);
  }
  await move(call, {
    id,
    from: ['submitted'],
    to: 'merged',
    event: 'merged',
    patch: { merged_into_id: into.id },
    data: { into: into.code },
    audit: { action: 'suggestion.merge', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { into: into.id } },
  });
  await recordEvent(call, { kind: KIND, id: into.id, event: 'absorbed', data: { from: l.row.code } });
  return reload(call, id);
}

/** Whom the desk may name as evaluators (not the authors) and as the owner of the implementation. */
export async function candidates(call: Call, id: string): Promise<{ evaluators: Candidate[]; owners: Candidate[] }> {
  return call.db.transaction().execute(async (tx) => {
    const l = await load(tx, call, id);
    demand(l.rel.oversees);
    const authorAccts = new Set(
      await repo.accountsOfPersons(
        tx,
        l.authors.map((a) => a.person_id),
      ),
    );
    const pick = (rows: Awaited<ReturnType<typeof repo.candidatesAround>>) => {
      const out = new Map<string, Candidate>();
      for (const r of rows)
        if (!authorAccts.has(r.id) && !out.has(r.id))
          out.set(r.id, { accountId: r.id, name: r.display_name, role: r.role as Candidate['role'], orgName: r.org_name ?? null });
      return [...out.values()];
    };
    return {
      evaluators: pick(await repo.candidatesAround(tx, EVALUATOR_ROLES, l.row.org_path)),
      owners: pick(await repo.candidatesAround(tx, ['handler', 'unionStaff', 'unionChair'], l.row.org_path)),
    };
  });
}

// ── expert evaluation ─────────────────────────────────────────────

export async function assignEvaluators(call: WriteCall, id: string, accountIds: string[]): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  const ids = [...new Set(accountIds)];
  if (ids.length < 2) throw invalid('body.evaluatorAccountIds', SM['suggestions.evaluatorsDistinct']);
  const eligible = await repo.holdersAround(call.tx, EVALUATOR_ROLES, l.row.org_path, ids);
  const authorAccts = new Set(
    await repo.accountsOfPersons(
      call.tx,
      l.authors.map((a) => a.person_id),
    ),
  );
  if (ids.some((a) => !eligible.has(a) || authorAccts.has(a))) throw invalid('body.evaluatorAccountIds', SM['suggestions.evaluatorUnknown']);
  await move(call, {
    id,
    from: ['accepted'],
    to: 'evaluating',
    event: 'evaluatorsAssigned',
    data: { evaluators: ids.length },
    audit: { action: 'suggestion.assignEvaluators', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { evaluators: ids } },
    notify: notice('assigned', { code: l.row.code, title: l.row.title }, ids, id),
  });
  await sdb(call.tx)
    .insertInto('suggestion_evaluations')
    .values(ids.map((a) => ({ suggestion_id: id, account_id: a, scores: null, total: null, comment: null, assigned_at: call.iso, scored_at: null })))
    .execute();
  return reload(call, id);
}

export async function score(call: WriteCall, id: string, body: ScoreBody): Promise<SuggestionDetail> {
  // Take the suggestion's row lock first, so two evaluators scoring at once are serialised and the last one in sees the others' scores.
  await sdb(call.tx).updateTable('suggestions').set({ updated_at: call.iso }).where('id', '=', id).execute();
  const l = await load(call.tx, call, id);
  demand(l.rel.evaluator);
  if (l.row.status !== 'evaluating') throw statusConflict();
  const mine = l.evaluations.find((e) => e.account_id === call.actor.accountId)!;
  if (mine.scored_at !== null) throw new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'body.scores', message: SM['suggestions.alreadyScored'] }]);
  const criteria = criteriaOf((await repo.loadCampaign(call.tx, l.row.campaign_id))!);
  const keys = Object.keys(body.scores);
  if (keys.length !== criteria.length || criteria.some((c) => body.scores[c.key] === undefined)) throw invalid('body.scores', SM['suggestions.scoreCriteria']);
  for (const c of criteria) if (body.scores[c.key] > c.max) throw invalid(`body.scores.${c.key}`, SM['suggestions.scoreMax'], { label: c.label, max: c.max });
  const scores = Object.fromEntries(criteria.map((c) => [c.key, body.scores[c.key]]));
  const total = criteria.reduce((s, c) => s + body.scores[c.key], 0);
  await sdb(call.tx)
    .updateTable('suggestion_evaluations')
    .set({ scores: JSON.stringify(scores), total, comment: body.comment ?? null, scored_at: call.iso })
    .where('suggestion_id', '=', id)
    .where('account_id', '=', call.actor.accountId)
    .where('scored_at', 'is', null)
    .execute();
  await recordAudit(call.tx, call.ctx, { action: 'suggestion.score', entityType: ENTITY, entityId: id, orgId: l.row.org_id });
  const left = l.evaluations.filter((e) => e.scored_at === null && e.account_id !== call.actor.accountId).length;
  if (left === 0) await move(call, { id, from: ['evaluating'], to: 'evaluated', event: 'evaluated' });
  else await recordEvent(call, { kind: KIND, id, event: 'scored' });
  return reload(call, id);
}

// ── decision, implementation, benefit, reward ────────────────────

export async function decide(call: WriteCall, id: string, body: DecisionBody): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  const to = DECISION_STATUS[body.decision];
  await move(call, {
    id,
    from: ['evaluated'],
    to,
    event: 'decided',
    patch: { decision: body.decision, decision_note: body.note, decided_on: today(call) },
    data: { decision: body.decision, note: body.note },
    audit: { action: 'suggestion.decide', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { decision: body.decision } },
    notify: notice(
      'decided',
      { code: l.row.code, title: l.row.title, decision: SUGGESTION_STATUS_LABELS[to].zh, note: body.note },
      await authorAccounts(call, l),
      id,
    ),
  });
  return reload(call, id);
}

export async function implement(call: WriteCall, id: string, body: ImplementBody): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  if (!['adopted', 'trial'].includes(l.row.status)) throw statusConflict();
  const owners = await repo.holdersAround(call.tx, ['handler', 'unionStaff', 'unionChair'], l.row.org_path, [body.ownerAccountId]);
  if (!owners.has(body.ownerAccountId)) throw invalid('body.ownerAccountId', SM['suggestions.ownerUnknown']);
  if (body.dueDate < today(call)) throw invalid('body.dueDate', SM['suggestions.dueInPast']);
  const item = await createDecidedItem(call, {
    source: { kind: KIND, id, label: `合理化建议 ${l.row.code}`, public: false },
    title: body.title ?? `落实建议：${l.row.title}`,
    orgId: l.row.org_id,
    ownerAccountId: body.ownerAccountId,
    dueDate: body.dueDate,
  });
  await move(call, {
    id,
    from: ['adopted', 'trial'],
    to: 'implementing',
    event: 'implementing',
    patch: { decided_item_id: item.id, implemented_on: today(call) },
    data: { decidedItemId: item.id, dueDate: body.dueDate },
    audit: {
      action: 'suggestion.implement',
      entityType: ENTITY,
      entityId: id,
      orgId: l.row.org_id,
      changes: { decidedItemId: item.id, owner: body.ownerAccountId },
    },
  });
  return reload(call, id);
}

export async function recordBenefit(call: WriteCall, id: string, body: BenefitBody): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  await move(call, {
    id,
    from: ['implementing'],
    to: 'assessed',
    event: 'benefitRecorded',
    patch: { benefit_kind: body.kind, benefit_fen: fen(body.amount), benefit_note: body.note, benefit_recorded_by: call.actor.accountId },
    data: { kind: body.kind, amount: body.amount },
    audit: { action: 'suggestion.benefit', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { kind: body.kind, amount: body.amount } },
  });
  return reload(call, id);
}

export async function verifyBenefit(call: WriteCall, id: string, note?: string): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  if (l.row.status === 'assessed' && l.row.benefit_recorded_by === call.actor.accountId) {
    throw new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'benefitRecordedBy', message: SM['suggestions.verifierSame'] }]);
  }
  await move(call, {
    id,
    from: ['assessed'],
    to: 'verified',
    event: 'benefitVerified',
    patch: { benefit_verified_by: call.actor.accountId, verified_on: today(call) },
    data: note ? { note } : undefined,
    audit: { action: 'suggestion.verify', entityType: ENTITY, entityId: id, orgId: l.row.org_id },
  });
  return reload(call, id);
}

export async function reward(call: WriteCall, id: string, body: RewardBody): Promise<SuggestionDetail> {
  const l = await overseen(call, id);
  if (body.paidOn > today(call)) throw invalid('body.paidOn', SM['suggestions.paidInFuture']);
  await move(call, {
    id,
    from: ['verified'],
    to: 'rewarded',
    event: 'rewarded',
    patch: { reward_fen: fen(body.amount), reward_paid_on: body.paidOn },
    data: { amount: body.amount, paidOn: body.paidOn },
    audit: { action: 'suggestion.reward', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { amount: body.amount, paidOn: body.paidOn } },
    notify: notice('rewarded', { code: l.row.code, amount: body.amount, paidOn: body.paidOn }, await authorAccounts(call, l), id),
  });
  return reload(call, id);
}
