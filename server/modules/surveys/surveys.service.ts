/**
 * Building and running a survey: the office writes it as a draft, opens it — which freezes the
 * recipient list, the true denominator of every rate — and closes it. Load order as in every
 * module: 404 when the caller may not see it, 409 when its state does not allow the act.
 */
import { randomUUID } from 'node:crypto';
import { CHOICE_KINDS, type QuestionKind, type SurveyStatus } from '../../../common/surveys.js';
import type { SurveyBody, SurveyDetail, SurveyListQuery, SurveySummary, SurveyTarget } from '../../../common/schemas/surveys.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { t } from '../../core/i18n/messages.js';
import { newId } from '../../core/ids.js';
import { notify } from '../../core/notify/index.js';
import { recordAudit } from '../../core/audit/audit.js';
import { transition } from '../../core/workflow/index.js';
import { SM } from './surveys.messages.js';
import { demandOffice, manageScope, mayManage } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import { sdb } from './surveys.tables.js';

const KIND = 'surveys.survey';

export function questionView(q: repo.QuestionRow) {
  return {
    id: q.id,
    sort: q.sort,
    kind: q.kind as QuestionKind,
    text: q.text,
    options: JSON.parse(q.options) as string[],
    scaleMin: q.scale_min,
    scaleMax: q.scale_max,
    required: q.required === 1,
  };
}

function summaryOf(s: repo.SurveyRow, orgName: string): SurveySummary {
  return {
    id: s.id,
    orgId: s.org_id,
    orgName,
    title: s.title,
    anonymous: s.anonymous === 1,
    status: s.status as SurveyStatus,
    closesOn: s.closes_on,
    openedAt: s.opened_at,
    recipients: Number(s.recipient_count),
    answered: Number(s.answered_count),
    createdAt: s.created_at,
  };
}

/** A survey the caller manages, else 404. */
export async function loadManaged(db: Tx, call: Call, id: string) {
  const s = await repo.loadSurvey(db, id);
  if (!s || !mayManage(call.actor, s.org_path)) throw notFound();
  return s;
}

async function detailOf(db: Tx, s: repo.SurveyRow): Promise<SurveyDetail> {
  const names = await repo.orgNames(db, [s.org_id]);
  const questions = await repo.questionsOf(db, s.id);
  return {
    ...summaryOf(s, names.get(s.org_id) ?? ''),
    description: s.description,
    target: JSON.parse(s.target) as SurveyTarget,
    questions: questions.map(questionView),
    can: { edit: s.status === 'draft', open: s.status === 'draft', close: s.status === 'open' },
  };
}

export async function detail(call: Call, id: string): Promise<SurveyDetail> {
  return detailOf(call.db, await loadManaged(call.db, call, id));
}

export async function list(call: Call, q: SurveyListQuery) {
  const { rows, total } = await repo.listSurveys(call.db, { scope: manageScope(call.actor), status: q.status }, q);
  return { items: rows.map((r) => summaryOf(r, r.org_name)), total, page: q.page, pageSize: q.pageSize };
}

function checkQuestions(body: SurveyBody) {
  body.questions.forEach((q, i) => {
    const need = q.kind === 'top3' ? 3 : 2;
    if (CHOICE_KINDS.includes(q.kind) && q.options.length < need) throw invalid(`body.questions.${i}.options`, SM['surveys.optionsRequired']);
    if (q.kind === 'scale' && (q.scaleMin ?? 1) >= (q.scaleMax ?? 5)) throw invalid(`body.questions.${i}.scaleMax`, SM['surveys.scaleRange']);
  });
}

/** The target's orgs must lie inside the survey's org; returns their paths. */
async function targetPaths(db: Tx, orgPath: string, target: SurveyTarget): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, id] of target.orgIds.entries()) {
    const o = await repo.orgById(db, id);
    if (!o || !o.path.startsWith(orgPath)) throw invalid(`body.target.orgIds.${i}`, SM['surveys.targetOutside']);
    paths.push(o.path);
  }
  return paths;
}

export async function create(call: WriteCall, body: SurveyBody): Promise<SurveyDetail> {
  demandOffice(call.actor);
  const org = await repo.orgById(call.tx, body.orgId);
  if (!org || !mayManage(call.actor, org.path)) throw invalid('body.orgId', SM['surveys.orgOutOfScope']);
  checkQuestions(body);
  await targetPaths(call.tx, org.path, body.target);
  if (body.closesOn < shanghaiDate(call.now)) throw invalid('body.closesOn', SM['surveys.closesInPast']);
  const id = newId();
  const row: repo.SurveyRow = {
    id,
    org_id: org.id,
    org_path: org.path,
    title: body.title,
    description: body.description,
    anonymous: body.anonymous ? 1 : 0,
    status: 'draft',
    target: JSON.stringify(body.target),
    closes_on: body.closesOn,
    opened_at: null,
    opened_on: null,
    closed_at: null,
    recipient_count: 0,
    answered_count: 0,
    created_by: call.actor.accountId,
    created_at: call.iso,
    updated_at: call.iso,
  };
  await sdb(call.tx).insertInto('surveys').values(row).execute();
  await repo.insertChunked(
    call.tx,
    'survey_questions',
    body.questions.map((q, i) => ({
      id: newId(),
      survey_id: id,
      sort: i + 1,
      kind: q.kind,
      text: q.text,
      options: JSON.stringify(CHOICE_KINDS.includes(q.kind) ? q.options : []),
      scale_min: q.kind === 'scale' ? (q.scaleMin ?? 1) : null,
      scale_max: q.kind === 'scale' ? (q.scaleMax ?? 5) : null,
      required: q.required ? 1 : 0,
    })),
  );
  await recordAudit(call.tx, call.ctx, {
    action: 'survey.create',
    entityType: 'survey',
    entityId: id,
    orgId: org.id,
    changes: { title: body.title, anonymous: body.anonymous },
  });
  return detailOf(call.tx, row);
}

/**
 * Opens a draft: the workers the target names right now become its recipients, frozen — a
 * worker added to the roster later is neither asked nor counted.
 */
export async function open(call: WriteCall, id: string): Promise<SurveyDetail> {
  const s = await loadManaged(call.tx, call, id);
  if (s.status !== 'draft') throw conflict(SM['surveys.notDraft']);
  if (s.closes_on < shanghaiDate(call.now)) throw invalid('body.closesOn', SM['surveys.closesInPast']);
  const target = JSON.parse(s.target) as SurveyTarget;
  const people = await repo.resolveTarget(call.tx, target, await targetPaths(call.tx, s.org_path, target));
  if (!people.length) throw conflict(SM['surveys.noRecipients']);
  await transition(call, {
    kind: KIND,
    table: 'surveys',
    id,
    from: ['draft'],
    to: 'open',
    event: 'opened',
    patch: { opened_at: call.iso, opened_on: shanghaiDate(call.now), recipient_count: people.length },
    data: { recipients: people.length },
    audit: { action: 'survey.open', entityType: 'survey', entityId: id, orgId: s.org_id, changes: { recipients: people.length } },
  });
  await repo.insertChunked(
    call.tx,
    'survey_recipients',
    people.map((p) => ({
      survey_id: id,
      person_id: p.id,
      org_id: p.org_id,
      org_path: p.org_path,
      unit_id: p.unit_id,
      category: p.employment_category,
      gender: p.gender,
      union_member: Number(p.union_member),
      answered: 0,
    })),
  );
  await tellRecipients(call, s);
  return detailOf(call.tx, (await repo.loadSurvey(call.tx, id))!);
}

async function tellRecipients(call: WriteCall, s: repo.SurveyRow) {
  const accounts = await sdb(call.tx)
    .selectFrom('survey_recipients as r')
    .innerJoin('accounts as a', 'a.person_id', 'r.person_id')
    .select('a.id')
    .where('r.survey_id', '=', s.id)
    .where('a.disabled', '=', 0)
    .execute();
  if (!accounts.length) return;
  const params = { title: s.title, closesOn: s.closes_on, anonymous: s.anonymous ? '本问卷匿名填写，答卷不与您的姓名关联。' : '' };
  await notify(call.tx, {
    accountIds: accounts.map((a) => a.id),
    kind: 'surveys.opened',
    title: t('zh-CN', SM['surveys.opened.title'], params),
    body: t('zh-CN', SM['surveys.opened.body'], params),
    link: `/surveys/answer/${s.id}`,
  });
}

export async function close(call: WriteCall, id: string): Promise<SurveyDetail> {
  const s = await loadManaged(call.tx, call, id);
  await transition(call, {
    kind: KIND,
    table: 'surveys',
    id,
    from: ['open'],
    to: 'closed',
    event: 'closed',
    patch: { closed_at: call.iso },
    audit: { action: 'survey.close', entityType: 'survey', entityId: id, orgId: s.org_id },
  });
  return detailOf(call.tx, (await repo.loadSurvey(call.tx, id))!);
}

/** A random (not time-ordered) id for an anonymous response, so the id tells nothing of when. */
export const randomId = () => randomUUID();
