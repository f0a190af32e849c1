/**
 * A worker answering on the phone: the surveys they were asked, the form, save and resume
 * (named surveys: on the server; anonymous: on the phone only), and the one submission.
 *
 * Anonymity (issue #20): an anonymous response is written with a random id, no person, no
 * account and no time; the recipient row only flips `answered` — the two share no key, and the
 * audit row of the act carries no account. So no read, list, filter, count or export can join
 * an answer to the person who gave it.
 */
import type { AnswerInput, AnswersBody, SurveyForm } from '../../../common/schemas/surveys.js';
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { SM } from './surveys.messages.js';
import { mayAnswer } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import { questionView, randomId } from './surveys.service.js';
import { sdb, type SurveyAnswerTable } from './surveys.tables.js';
import { addTallies, tallyRows } from './surveys.tallies.js';

export async function mine(call: Call) {
  if (!mayAnswer(call.actor)) return { items: [] };
  const rows = await repo.surveysOfPerson(call.db, call.actor.personId!);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      anonymous: r.anonymous === 1,
      status: r.status as 'open' | 'closed',
      closesOn: r.closes_on,
      answered: r.answered === 1,
      hasDraft: r.saved_at !== null,
    })),
  };
}

/** The survey and the caller's recipient row; 404 for anyone who was not asked. */
async function loadAsked(db: Tx, call: Call, id: string) {
  if (!mayAnswer(call.actor)) throw notFound();
  const s = await repo.loadSurvey(db, id);
  if (!s || s.status === 'draft') throw notFound();
  const r = await repo.recipientOf(db, id, call.actor.personId!);
  if (!r) throw notFound();
  return { s, r };
}

export async function form(call: Call, id: string): Promise<SurveyForm> {
  const { s, r } = await loadAsked(call.db, call, id);
  const questions = await repo.questionsOf(call.db, id);
  const draft =
    s.anonymous === 0 && r.answered === 0
      ? await sdb(call.db).selectFrom('survey_drafts').select('answers').where('survey_id', '=', id).where('person_id', '=', r.person_id).executeTakeFirst()
      : undefined;
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    anonymous: s.anonymous === 1,
    status: s.status as SurveyForm['status'],
    closesOn: s.closes_on,
    answered: r.answered === 1,
    questions: questions.map(questionView),
    draft: draft ? (JSON.parse(draft.answers) as AnswerInput[]) : null,
  };
}

function mustBeOpen(s: repo.SurveyRow, r: { answered: number }) {
  if (s.status !== 'open') throw conflict(SM['surveys.notOpen']);
  if (r.answered === 1) throw conflict(SM['surveys.alreadyAnswered']);
}

export async function saveDraft(call: WriteCall, id: string, body: AnswersBody): Promise<SurveyForm> {
  const { s, r } = await loadAsked(call.tx, call, id);
  if (s.anonymous === 1) throw conflict(SM['surveys.anonymousDraft']);
  mustBeOpen(s, r);
  const known = new Set((await repo.questionsOf(call.tx, id)).map((q) => q.id));
  body.answers.forEach((a, i) => {
    if (!known.has(a.questionId)) throw invalid(`body.answers.${i}.questionId`, SM['surveys.unknownQuestion'], { n: i + 1 });
  });
  const answers = JSON.stringify(body.answers);
  await sdb(call.tx)
    .insertInto('survey_drafts')
    .values({ survey_id: id, person_id: r.person_id, answers, saved_at: call.iso })
    .onConflict((oc) => oc.columns(['survey_id', 'person_id']).doUpdateSet({ answers, saved_at: call.iso }))
    .execute();
  return form({ ...call, db: call.tx as never }, id);
}

/** Answers → rows, refusing any that does not fit its question (422 naming the answer). */
type Cut = Pick<SurveyAnswerTable, 'unit_id' | 'org_id' | 'category' | 'gender' | 'union_member'>;

function answerRows(questions: repo.QuestionRow[], body: AnswersBody, responseId: string, surveyId: string, cut: Cut): SurveyAnswerTable[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, { a: AnswerInput; i: number }>();
  body.answers.forEach((a, i) => {
    if (!byId.has(a.questionId)) throw invalid(`body.answers.${i}.questionId`, SM['surveys.unknownQuestion'], { n: i + 1 });
    given.set(a.questionId, { a, i });
  });
  const rows: SurveyAnswerTable[] = [];
  const row = (q: repo.QuestionRow, over: Partial<SurveyAnswerTable>) =>
    rows.push({ response_id: responseId, survey_id: surveyId, question_id: q.id, choice: null, rank: null, value: null, text: null, ...cut, ...over });
  for (const q of questions) {
    const g = given.get(q.id);
    const n = q.sort;
    const empty = !g || ((g.a.choices ?? []).length === 0 && g.a.value === undefined && !g.a.text);
    if (empty) {
      if (q.required === 1) throw invalid(`body.answers`, SM['surveys.answerRequired'], { n });
      continue;
    }
    const { a, i } = g!;
    const field = `body.answers.${i}`;
    const options = (JSON.parse(q.options) as string[]).length;
    const choices = a.choices ?? [];
    const inRange = choices.every((c) => c < options);
    const distinct = new Set(choices).size === choices.length;
    switch (q.kind) {
      case 'single':
        if (choices.length !== 1 || !inRange) throw invalid(`${field}.choices`, SM['surveys.answerChoice'], { n });
        row(q, { choice: choices[0] });
        break;
      case 'multiple':
        if (!choices.length || !inRange || !distinct) throw invalid(`${field}.choices`, SM['surveys.answerChoice'], { n });
        for (const c of choices) row(q, { choice: c });
        break;
      case 'top3':
        if (choices.length !== 3 || !inRange || !distinct) throw invalid(`${field}.choices`, SM['surveys.answerTop3'], { n });
        choices.forEach((c, k) => row(q, { choice: c, rank: k + 1 }));
        break;
      case 'scale':
        if (a.value === undefined || !Number.isInteger(a.value) || a.value < (q.scale_min ?? 1) || a.value > (q.scale_max ?? 5))
          throw invalid(`${field}.value`, SM['surveys.answerValue'], { n });
        row(q, { value: a.value });
        break;
      case 'number':
        if (a.value === undefined) throw invalid(`${field}.value`, SM['surveys.answerValue'], { n });
        row(q, { value: a.value });
        break;
      default:
        if (!a.text) throw invalid(`${field}.text`, SM['surveys.answerRequired'], { n });
        row(q, { text: a.text });
    }
  }
  return rows;
}

export async function submit(call: WriteCall, id: string, body: AnswersBody) {
  const { s, r } = await loadAsked(call.tx, call, id);
  mustBeOpen(s, r);
  const anonymous = s.anonymous === 1;
  const responseId = anonymous ? randomId() : newId();
  const rows = answerRows(await repo.questionsOf(call.tx, id), body, responseId, id, {
    unit_id: r.unit_id,
    org_id: r.org_id,
    category: r.category,
    gender: r.gender,
    union_member: r.union_member,
  });
  if (!(await repo.markAnswered(call.tx, id, r.person_id))) throw conflict(SM['surveys.alreadyAnswered']);
  await sdb(call.tx)
    .insertInto('survey_responses')
    .values({
      id: responseId,
      survey_id: id,
      person_id: anonymous ? null : r.person_id,
      submitted_at: anonymous ? null : call.iso,
      org_id: r.org_id,
      unit_id: r.unit_id,
      category: r.category,
      gender: r.gender,
      union_member: r.union_member,
    })
    .execute();
  await repo.insertChunked(call.tx, 'survey_answers', rows);
  await addTallies(call.tx, tallyRows(id, rows, r));
  await sdb(call.tx).deleteFrom('survey_drafts').where('survey_id', '=', id).where('person_id', '=', r.person_id).execute();
  await repo.bumpAnswered(call.tx, id);
  // The act is audited; for an anonymous survey without account, address or request id, and never with the response's id.
  await recordAudit(call.tx, anonymous ? anonymousContext(call.ctx) : call.ctx, {
    action: 'survey.answer',
    entityType: 'survey',
    entityId: id,
    orgId: s.org_id,
  });
  return { surveyId: id, answered: true as const };
}
