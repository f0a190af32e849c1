/**
 * Questions: a worker asks (by name or anonymously), union staff answer citing articles within
 * ANSWER_WORKING_DAYS working days, and a good answer, reworded without names, is published as
 * an FAQ entry. Loads check in the project's order: not visible → 404, relation → 403, state → 409.
 */
import type { Call, WriteCall } from '../../core/call.js';
import { eventsOf, recordEvent, transition } from '../../core/workflow/index.js';
import { holdersOf, notify } from '../../core/notify/index.js';
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { orgContext } from '../../core/org/context.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { t } from '../../core/i18n/messages.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { UNIT_KINDS } from '../../../common/appeals.js';
import {
  ANSWER_WORKING_DAYS,
  POLICY_PERMISSIONS,
  QUESTION_TRANSITIONS as T,
  type PolicyStatus,
  type QuestionStatus,
  type QuestionTopic,
} from '../../../common/policies.js';
import type {
  AnswerQuestionBody,
  AskBody,
  Citation,
  FaqEntry,
  PublishBody,
  QuestionDetail,
  QuestionListQuery,
  QuestionSummary,
} from '../../../common/schemas/policies.js';
import { answerScope, isAsker, mayAnswer, reaches, readReach } from './policies.policy.js';
import * as repo from './policies.repository.js';
import { PM } from './policies.messages.js';
import { questionSignature } from './policies.explain.js';

export const QUESTION_KIND = 'policies.question';

/**
 * Where a question is placed and what it records of its asker — the anonymity rule
 * (docs/architecture.md, 匿名规则): an anonymous question sits at the asker's unit with no
 * name, no team and no employment category, so no filter or count below the unit can single
 * the asker out. Only the asker's account is kept, for "my questions".
 */
async function placement(call: WriteCall, anonymous: boolean) {
  // Only a worker asks, about the org they work in: an account without a person, or a person outside its ask grant, may not.
  const person = call.actor.personId ? await repo.personOfAccount(call.tx, call.actor.personId) : undefined;
  if (!person || !hasPermission(call.actor, POLICY_PERMISSIONS.ask, person.org_path)) throw forbidden();
  // The asker's chain as core reads it once per transaction: the library is the root's, an anonymous question sits at the nearest unit.
  const chain = await orgContext(call.tx, person.org_path);
  if (!chain) throw forbidden();
  const top = chain.chain[0];
  const unit = chain.nearest((o) => UNIT_KINDS.includes(o.kind)) ?? top;
  return anonymous
    ? { orgId: unit.id, orgPath: unit.path, libraryOrgId: top.id, personId: null, name: null, category: null }
    : { orgId: person.org_id, orgPath: person.org_path, libraryOrgId: top.id, personId: person.id, name: person.name, category: person.employment_category };
}

export async function ask(call: WriteCall, body: AskBody): Promise<QuestionDetail> {
  const at = await placement(call, body.anonymous);
  const askedDate = shanghaiDate(call.now);
  const due = (await workCalendar(call.tx as Db, at.orgPath)).addWorkingDays(askedDate, ANSWER_WORKING_DAYS);
  const id = newId();
  await repo.insertQuestion(call.tx, {
    id,
    org_id: at.orgId,
    library_org_id: at.libraryOrgId,
    author_account_id: call.actor.accountId,
    author_person_id: at.personId,
    author_name: at.name,
    author_category: at.category,
    anonymous: body.anonymous ? 1 : 0,
    topic: body.topic,
    title: body.title,
    body: body.body,
    status: 'submitted',
    asked_at: call.iso,
    asked_date: askedDate,
    due_date: due,
    answer: null,
    answered_at: null,
    answered_by: null,
    on_time: null,
    faq_title: null,
    faq_answer: null,
    published_at: null,
    deflections: 0,
    review_needed: 0,
    signature: questionSignature(body.title, body.body),
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordEvent(call, { kind: QUESTION_KIND, id, event: 'asked', to: 'submitted', anonymous: body.anonymous });
  await recordAudit(call.tx, body.anonymous ? anonymousContext(call.ctx) : call.ctx, {
    action: 'policyQuestion.ask',
    entityType: 'policyQuestion',
    entityId: id,
    orgId: at.orgId,
  });
  const staff = await holdersOf(call.tx, ['unionStaff'], at.orgPath);
  await notify(call.tx, {
    accountIds: staff.map((h) => h.accountId),
    kind: 'policies.asked',
    title: t('zh-CN', PM['policies.asked.title'], { title: body.title }),
    body: t('zh-CN', PM['policies.asked.body'], { due }),
    link: `/policies/questions/${id}`,
  });
  return detailIn(call, id);
}

/** A question the caller may see: its asker, or one who answers questions where it is placed. */
async function load(call: Call & { tx?: WriteCall['tx'] }, id: string) {
  const q = await repo.questionById(call.tx ?? call.db, id);
  if (!q || !(isAsker(call.actor, q) || mayAnswer(call.actor, q.org_path))) throw notFound();
  return q;
}

async function loadToAnswer(call: WriteCall, id: string) {
  const q = await load(call, id);
  if (!mayAnswer(call.actor, q.org_path)) throw forbidden();
  return q;
}

export async function answer(call: WriteCall, id: string, body: AnswerQuestionBody): Promise<QuestionDetail> {
  const q = await loadToAnswer(call, id);
  const wanted = [...new Set(body.articleIds)];
  const articles = await repo.articlesByIds(call.tx, wanted);
  const reach = readReach(call.actor);
  if (articles.length !== wanted.length || articles.some((a) => !reaches(reach, a.org_path))) throw invalid('body.articleIds', PM['policies.articleUnknown']);
  const onTime = shanghaiDate(call.now) <= q.due_date;
  await transition(call, {
    kind: QUESTION_KIND,
    table: 'policy_questions',
    id,
    from: T.answer.from,
    to: T.answer.to,
    patch: { answer: body.answer, answered_at: call.iso, answered_by: call.actor.accountId, on_time: onTime ? 1 : 0, review_needed: 0 },
    event: 'answered',
    data: { articles: articles.map((a) => `${a.policy_title} ${a.label}`) },
    audit: { action: 'policyQuestion.answer', entityType: 'policyQuestion', entityId: id, orgId: q.org_id },
    notify: q.author_account_id
      ? {
          accountIds: [q.author_account_id],
          kind: 'policies.answered',
          title: t('zh-CN', PM['policies.answered.title'], { title: q.title }),
          body: t('zh-CN', PM['policies.answered.body']),
          link: `/policies/questions/${id}`,
        }
      : undefined,
  });
  await repo.replaceCitations(call.tx, id, articles);
  return detailIn(call, id);
}

export async function publish(call: WriteCall, id: string, body: PublishBody): Promise<QuestionDetail> {
  const q = await loadToAnswer(call, id);
  await transition(call, {
    kind: QUESTION_KIND,
    table: 'policy_questions',
    id,
    from: T.publish.from,
    to: T.publish.to,
    patch: { faq_title: body.faqTitle, faq_answer: body.faqAnswer, published_at: call.iso },
    event: 'published',
    audit: { action: 'policyQuestion.publish', entityType: 'policyQuestion', entityId: id, orgId: q.org_id },
  });
  await repo.indexFaq(call.tx, id, `${body.faqTitle} ${body.faqAnswer}`);
  return detailIn(call, id);
}

export async function withdraw(call: WriteCall, id: string): Promise<QuestionDetail> {
  const q = await load(call, id);
  if (!isAsker(call.actor, q)) throw forbidden();
  const anonymous = q.anonymous === 1;
  await transition(call, {
    kind: QUESTION_KIND,
    table: 'policy_questions',
    id,
    from: T.withdraw.from,
    to: T.withdraw.to,
    event: 'withdrawn',
    anonymous,
    audit: { action: 'policyQuestion.withdraw', entityType: 'policyQuestion', entityId: id, orgId: q.org_id },
  });
  return detailIn(call, id);
}

function presentCitations(rows: Awaited<ReturnType<typeof repo.citationsOf>>): Citation[] {
  return rows.map((c) => ({
    articleId: c.article_id,
    policyId: c.policy_id,
    policyTitle: c.policy_title,
    label: c.label,
    body: c.body,
    policyStatus: c.policy_status as PolicyStatus,
  }));
}

async function detailIn(call: Call & { tx?: WriteCall['tx'] }, id: string): Promise<QuestionDetail> {
  const db = call.tx ?? call.db;
  const q = await load(call, id);
  const anonymous = q.anonymous === 1;
  const [citations, events] = await Promise.all([repo.citationsOf(db, [id]), eventsOf(db, QUESTION_KIND, id)]);
  return {
    id: q.id,
    topic: q.topic as QuestionTopic,
    title: q.title,
    status: q.status as QuestionStatus,
    anonymous,
    askerName: anonymous ? null : q.author_name,
    orgName: q.org_name,
    askedAt: q.asked_at,
    dueDate: q.due_date,
    answeredAt: q.answered_at,
    onTime: q.on_time === null ? null : q.on_time === 1,
    reviewNeeded: q.review_needed === 1,
    mine: isAsker(call.actor, q),
    body: q.body,
    answer: q.answer,
    citations: presentCitations(citations),
    faqTitle: q.faq_title,
    faqAnswer: q.faq_answer,
    events: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, at: e.at })),
    canAnswer: mayAnswer(call.actor, q.org_path),
  };
}

export function get(call: Call, id: string): Promise<QuestionDetail> {
  return detailIn(call, id);
}

/** A worker's own questions; for those who answer, the questions placed in their scope (or their own with `mine`). */
export async function list(call: Call, q: QuestionListQuery) {
  const scope = answerScope(call.actor);
  const own = q.mine === true || (!scope.all && scope.paths.length === 0);
  const { rows, total, totalCapped, nextCursor } = await repo.listQuestions(call.db, call.actor.accountId, { own, scope }, q);
  const out: QuestionSummary[] = rows.map((r) => ({
    id: r.id,
    topic: r.topic as QuestionTopic,
    title: r.title,
    status: r.status as QuestionStatus,
    anonymous: r.anonymous === 1,
    askerName: r.asker_name,
    orgName: r.org_name,
    askedAt: r.asked_at,
    dueDate: r.due_date,
    answeredAt: r.answered_at,
    onTime: r.on_time === null ? null : r.on_time === 1,
    reviewNeeded: r.review_needed === 1,
    mine: r.mine === 1,
  }));
  return { items: out, total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}

export async function faq(call: Call, q: { q?: string; topic?: string[]; page: number; pageSize: number }): Promise<{ items: FaqEntry[] }> {
  const rows = await repo.listFaq(call.db, readReach(call.actor), q);
  const cites = await repo.citationsOf(
    call.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      topic: r.topic as QuestionTopic,
      title: r.faq_title ?? '',
      answer: r.faq_answer ?? '',
      citations: presentCitations(cites.filter((c) => c.question_id === r.id)),
      publishedAt: r.published_at ?? '',
      deflections: r.deflections,
      reviewNeeded: r.review_needed === 1,
    })),
  };
}
