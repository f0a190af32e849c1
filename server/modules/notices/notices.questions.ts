/**
 * Questions about a notice: a worker it reaches asks (by name or anonymously), its publisher
 * answers. An anonymous question follows 匿名规则 (docs/architecture.md): it is placed at the
 * asker's unit and keeps no name — only the asker's account, for "my questions" — and its
 * audit row and events carry no actor. Other readers see answered questions without names.
 */
import type { Call, WriteCall } from '../../core/call.js';
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import { holdersOf, notify } from '../../core/notify/index.js';
import { recordEvent, transition } from '../../core/workflow/index.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { orgContext } from '../../core/org/context.js';
import { newId } from '../../core/ids.js';
import { t } from '../../core/i18n/messages.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { UNIT_KINDS } from '../../../common/appeals.js';
import { NOTICE_PERMISSIONS, type NoticeQuestionStatus } from '../../../common/notices.js';
import type { AnswerNoticeQuestionBody, AskNoticeQuestionBody, NoticeQuestion, NoticeQuestionListQuery } from '../../../common/schemas/notices.js';
import { mayPublish, publishScope } from './notices.policy.js';
import * as repo from './notices.repository.js';
import { load } from './notices.service.js';
import { NM } from './notices.messages.js';

export const QUESTION_KIND = 'notices.question';

function present(call: Call, q: repo.QuestionRow): NoticeQuestion {
  const publisher = mayPublish(call.actor, q.notice_org_path);
  return {
    id: q.id,
    noticeId: q.notice_id,
    noticeTitle: q.notice_title,
    body: q.body,
    anonymous: q.anonymous === 1,
    askerName: publisher ? q.author_name : null,
    status: q.status as NoticeQuestionStatus,
    askedAt: q.asked_at,
    answer: q.answer,
    answeredAt: q.answered_at,
    mine: q.author_account_id !== null && q.author_account_id === call.actor.accountId,
  };
}

export async function ask(call: WriteCall, noticeId: string, body: AskNoticeQuestionBody): Promise<NoticeQuestion> {
  const { n, publisher } = await load(call, noticeId);
  const person = call.actor.personId ? await repo.personOf(call.tx, call.actor.personId) : undefined;
  if (publisher || !person || !hasPermission(call.actor, NOTICE_PERMISSIONS.ask, person.org_path as string)) throw forbidden();
  if (n.status !== 'published' || !(person.org_path as string).startsWith(n.org_path)) throw invalid('noticeId', NM['notices.notRecipient']);
  let orgId = person.org_id;
  if (body.anonymous) {
    // An anonymous question sits at the asker's nearest unit (the chain as core reads it once per transaction).
    const chain = await orgContext(call.tx, person.org_path as string);
    if (!chain) throw forbidden();
    orgId = (chain.nearest((o) => UNIT_KINDS.includes(o.kind)) ?? chain.chain[0]).id;
  }
  const id = newId();
  await repo.insertQuestion(call.tx, {
    id,
    notice_id: noticeId,
    org_id: orgId,
    author_account_id: call.actor.accountId,
    author_name: body.anonymous ? null : person.name,
    anonymous: body.anonymous ? 1 : 0,
    body: body.body,
    status: 'open',
    asked_at: call.iso,
    asked_date: shanghaiDate(call.now),
    answer: null,
    answered_at: null,
    answered_by: null,
    updated_at: call.iso,
  });
  await recordEvent(call, { kind: QUESTION_KIND, id, event: 'asked', to: 'open', anonymous: body.anonymous });
  await recordAudit(call.tx, body.anonymous ? anonymousContext(call.ctx) : call.ctx, {
    action: 'noticeQuestion.ask',
    entityType: 'noticeQuestion',
    entityId: id,
    orgId,
  });
  const to = new Set([n.published_by, ...(await holdersOf(call.tx, ['unionStaff'], n.org_path)).map((h) => h.accountId)]);
  await notify(call.tx, {
    accountIds: [...to],
    kind: 'notices.asked',
    title: t('zh-CN', NM['notices.asked.title'], { title: n.title }),
    body: t('zh-CN', NM['notices.asked.body']),
    link: `/notices/${noticeId}`,
  });
  return present(call, (await repo.questionById(call.tx, id))!);
}

export async function answer(call: WriteCall, id: string, body: AnswerNoticeQuestionBody): Promise<NoticeQuestion> {
  const q = await repo.questionById(call.tx, id);
  if (!q) throw notFound();
  const mine = q.author_account_id === call.actor.accountId;
  if (!mayPublish(call.actor, q.notice_org_path)) throw mine ? forbidden() : notFound();
  await transition(call, {
    kind: QUESTION_KIND,
    table: 'notice_questions',
    id,
    from: ['open'],
    to: 'answered',
    patch: { answer: body.answer, answered_at: call.iso, answered_by: call.actor.accountId },
    event: 'answered',
    audit: { action: 'noticeQuestion.answer', entityType: 'noticeQuestion', entityId: id, orgId: q.org_id },
    notify: q.author_account_id
      ? {
          accountIds: [q.author_account_id],
          kind: 'notices.answered',
          title: t('zh-CN', NM['notices.answered.title'], { title: q.notice_title }),
          body: t('zh-CN', NM['notices.answered.body']),
          link: `/notices/${q.notice_id}`,
        }
      : undefined,
  });
  return present(call, (await repo.questionById(call.tx, id))!);
}

/**
 * Publishers: the questions on notices of their scope. Anyone else: their own questions, and
 * with `noticeId` of a notice they read, its answered questions (no names).
 */
export async function list(call: Call, q: NoticeQuestionListQuery) {
  let publicOf: string | undefined;
  if (q.noticeId) {
    await load(call, q.noticeId);
    publicOf = q.noticeId;
  }
  const { items, total } = await repo.listQuestions(
    call.db,
    publishScope(call.actor),
    call.actor.accountId,
    q,
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order: q.sort ? q.order : 'desc' },
    publicOf,
  );
  return { items: items.map((x) => present(call, x)), total, page: q.page, pageSize: q.pageSize };
}
