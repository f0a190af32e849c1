/**
 * Every registered indicator recounted straight from the raw tables, by the definition the
 * report prints — written here, apart from the modules' own counting code, so a figure that
 * drifts from its definition (or a definition that no longer says what is counted) shows as a
 * difference. One function per practice; each returns key → { value, numerator, denominator }.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { addDays, shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { EMPLOYMENT_CATEGORIES } from '../../../common/enums.js';
import { suppressedCells } from '../../../common/surveys.js';
import { timetableWeekday } from '../../../common/timetable.js';
import { DEFAULT_TIERS } from '../../../common/teacherGrowth.js';
import { classesInScope } from '../school/index.js';

export type Counted = { value: number | null; numerator: number; denominator: number };
type Row = Record<string, any>;
type Ctx = { db: Db; path: string; from: string; to: string; today: string };

export const rate = (n: number, d: number): Counted => ({ value: d === 0 ? null : Math.round((n / d) * 10_000) / 10_000, numerator: n, denominator: d });
export const count = (n: number): Counted => ({ value: n, numerator: n, denominator: n });
/** A count per record (an average): no value without records. */
const average = (n: number, d: number, places = 2): Counted => ({
  value: d ? Math.round((n / d) * 10 ** places) / 10 ** places : null,
  numerator: n,
  denominator: d,
});
const yuan = (fen: number, n: number): Counted => ({ value: fen / 100, numerator: n, denominator: n });
const inRange = (v: string | null | undefined, c: Ctx) => !!v && v >= c.from && v <= c.to;
const under = (c: Ctx) => `${c.path}%`;
const rows = async (c: Ctx, q: ReturnType<typeof sql<Row>>) => (await q.execute(c.db)).rows;
/** The middle value (the mean of the two middle ones), to one decimal; null without values. */
const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return Math.round(m * 10) / 10;
};
/** The first instant of a Shanghai day, as stored (UTC ISO). */
const dayStart = (date: string) => `${addDays(date, -1)}T16:00:00.000Z`;

async function decidedItems(c: Ctx) {
  const all = await rows(c, sql`select source_kind, status, progress, due_date, done_at, created_at from decided_items where org_path like ${under(c)}`);
  const due = all.filter((r) => inRange(r.due_date, c) && r.status !== 'dropped');
  const meetings = due.filter((r) => r.source_kind === 'meetings.decision');
  const begun = dayStart(c.from);
  return {
    'core.decidedOnTimeRate': rate(due.filter((r) => r.status === 'done' && r.done_at < dayStart(addDays(r.due_date, 1))).length, due.length),
    'core.decidedOverdue': count(due.filter((r) => r.status === 'overdue').length),
    'core.decidedAverageProgress': rate(
      due.reduce((s, r) => s + Number(r.progress), 0),
      due.length * 100,
    ),
    'meetings.decisionsClosed': rate(meetings.filter((r) => r.status === 'done').length, meetings.length),
    'meetings.decisionsCarriedOver': count(
      all.filter((r) => r.source_kind === 'meetings.decision' && r.created_at < begun && r.status !== 'dropped' && (!r.done_at || r.done_at >= begun)).length,
    ),
  };
}

async function meetings(c: Ctx) {
  const planned = (await rows(c, sql`select held_date, planned_date from meetings where org_path like ${under(c)}`)).filter((m) => inRange(m.planned_date, c));
  return { 'meetings.heldAsPlanned': rate(planned.filter((m) => m.held_date).length, planned.length) };
}

async function policies(c: Ctx) {
  const qs = await rows(
    c,
    sql`select q.status, q.asked_date, q.due_date, q.answered_at, q.deflections, q.review_needed, q.topic from policy_questions q join orgs o on o.id = q.org_id where o.path like ${under(c)}`,
  );
  const asked = qs.filter((q) => inRange(q.asked_date, c));
  const answered = asked.filter((q) => ['answered', 'published'].includes(q.status));
  const published = asked.filter((q) => q.status === 'published');
  const topics = new Map<string, number>();
  for (const q of asked) topics.set(q.topic, (topics.get(q.topic) ?? 0) + 1);
  const top = Math.max(0, ...topics.values());
  // FAQ uses on the period's days, placed at the worker's unit.
  const uses = (await rows(c, sql`select e.kind, e.day from policy_faq_events e join orgs o on o.id = e.org_id where o.path like ${under(c)}`)).filter((e) =>
    inRange(e.day, c),
  );
  return {
    'policies.questionsAnswered': count(answered.length),
    // On time: answered before the deadline day ended in Beijing.
    'policies.onTimeAnswerRate': rate(answered.filter((q) => q.answered_at < dayStart(addDays(q.due_date, 1))).length, answered.length),
    'policies.faqPublished': count(published.length),
    'policies.faqReuseRate': rate(published.filter((q) => Number(q.deflections) > 0).length, published.length),
    'policies.topTopicShare': rate(top, asked.length),
    'policies.faqViews': count(uses.filter((e) => e.kind === 'view').length),
    'policies.faqDeflections': count(uses.filter((e) => e.kind === 'deflect').length),
    // Now, whatever the period: answers citing a policy amended or repealed since, not answered again.
    'policies.reviewPending': count(qs.filter((q) => ['answered', 'published'].includes(q.status) && Number(q.review_needed) === 1).length),
  };
}

async function mediation(c: Ctx) {
  const cases = await rows(
    c,
    sql`select status, org_path, applied_date, accepted_on, mediation_due, closed_on, agreed_cents, paid_cents from mediation_cases where org_path like ${under(c)}`,
  );
  const outcomes = cases.filter((k) => ['agreed', 'performed', 'failed'].includes(k.status) && inRange(k.closed_on, c));
  const agreed = outcomes.filter((k) => k.status !== 'failed');
  const days: number[] = [];
  for (const k of outcomes) days.push((await workCalendar(c.db, k.org_path)).workingDaysBetween(k.applied_date, k.closed_on));
  return {
    'mediation.cases': count(cases.filter((k) => inRange(k.applied_date, c)).length),
    'mediation.successRate': rate(agreed.length, outcomes.length),
    'mediation.onTimeRate': rate(outcomes.filter((k) => !k.mediation_due || k.closed_on <= k.mediation_due).length, outcomes.length),
    'mediation.within15Days': rate(outcomes.filter((k) => k.accepted_on && k.closed_on <= addDays(k.accepted_on, 15)).length, outcomes.length),
    'mediation.timeToOutcome': { value: median(days), numerator: outcomes.length, denominator: outcomes.length },
    'mediation.referred': count(outcomes.length - agreed.length),
    'mediation.amountAgreed': yuan(
      agreed.reduce((s, k) => s + Number(k.agreed_cents ?? 0), 0),
      agreed.length,
    ),
    'mediation.amountPaid': yuan(
      agreed.reduce((s, k) => s + Number(k.paid_cents ?? 0), 0),
      agreed.length,
    ),
  };
}

async function honours(c: Ctx) {
  const ns = (await rows(c, sql`select status, nominated_on from honour_nominations where unit_path like ${under(c)}`)).filter((n) =>
    inRange(n.nominated_on, c),
  );
  return {
    'honours.nominations': count(ns.length),
    'honours.disqualifiedRate': rate(ns.filter((n) => n.status === 'disqualified').length, ns.length),
    'honours.awards': count(ns.filter((n) => ['awarded', 'published'].includes(n.status)).length),
  };
}

async function suggestions(c: Ctx) {
  const ss = await rows(
    c,
    sql`select id, status, submitted_on, decided_on, verified_on, reward_paid_on, benefit_fen, reward_fen from suggestions where org_path like ${under(c)}`,
  );
  const authors = await rows(
    c,
    sql`select a.person_id, s.submitted_on from suggestion_authors a join suggestions s on s.id = a.suggestion_id where s.org_path like ${under(c)}`,
  );
  const [{ n: workers }] = await rows(
    c,
    sql`select count(*) as n from persons p join orgs o on o.id = p.org_id where p.kind = 'worker' and p.archived = 0 and o.path like ${under(c)}`,
  );
  const decided = ss.filter((s) => inRange(s.decided_on, c));
  const adopted = ['adopted', 'trial', 'implementing', 'assessed', 'verified', 'rewarded'];
  const verified = ss.filter((s) => ['verified', 'rewarded'].includes(s.status) && inRange(s.verified_on, c));
  const rewarded = ss.filter((s) => s.status === 'rewarded' && inRange(s.reward_paid_on, c));
  return {
    'suggestions.per100Workers': rate(ss.filter((s) => inRange(s.submitted_on, c)).length, Number(workers)),
    'suggestions.participationRate': rate(new Set(authors.filter((a) => inRange(a.submitted_on, c)).map((a) => a.person_id)).size, Number(workers)),
    'suggestions.adoptionRate': rate(
      decided.filter((s) => adopted.includes(s.status)).length,
      decided.filter((s) => [...adopted, 'archived'].includes(s.status)).length,
    ),
    'suggestions.implemented': count(decided.filter((s) => ['implementing', 'assessed', 'verified', 'rewarded'].includes(s.status)).length),
    'suggestions.benefit': yuan(
      verified.reduce((s, x) => s + Number(x.benefit_fen ?? 0), 0),
      verified.length,
    ),
    'suggestions.rewardsPaid': yuan(
      rewarded.reduce((s, x) => s + Number(x.reward_fen ?? 0), 0),
      rewarded.length,
    ),
  };
}

async function hardship(c: Ctx) {
  const hs = await rows(c, sql`select id, status, filed_on, exited_on, relapsed_on from hardship_profiles where org_path like ${under(c)}`);
  const exited = hs.filter((h) => inRange(h.exited_on, c));
  const given = (await rows(c, sql`select profile_id, amount_fen, given_on from hardship_assistance where org_path like ${under(c)}`)).filter((a) =>
    inRange(a.given_on, c),
  );
  const fen = given.reduce((s, a) => s + Number(a.amount_fen), 0);
  const households = new Set(given.map((a) => a.profile_id)).size;
  const ids = new Set(hs.map((h) => h.id));
  /** Households with a review (callback) due in the period, done or already late; and those done by the due day. */
  const due = async (table: 'hardship_reviews' | 'hardship_callbacks', done: string) => {
    const list = (await rows(c, sql`select profile_id, due_date, ${sql.ref(done)} as done_on, cancelled from ${sql.table(table)}`)).filter(
      (d) => ids.has(d.profile_id) && Number(d.cancelled) === 0 && inRange(d.due_date, c) && (d.done_on || d.due_date < c.today),
    );
    return rate(new Set(list.filter((d) => d.done_on && d.done_on <= d.due_date).map((d) => d.profile_id)).size, new Set(list.map((d) => d.profile_id)).size);
  };
  return {
    'hardship.households': count(hs.filter((h) => h.status === 'filed').length),
    'hardship.newlyFiled': count(hs.filter((h) => inRange(h.filed_on, c)).length),
    'hardship.exited': count(exited.length),
    'hardship.relapseRate': rate(exited.filter((h) => h.relapsed_on).length, exited.length),
    'hardship.assistanceTotal': yuan(fen, households),
    'hardship.assistancePerHousehold': { value: households ? Math.round(fen / households) / 100 : null, numerator: households, denominator: households },
    'hardship.reviewsOnTime': await due('hardship_reviews', 'reviewed_on'),
    'hardship.callbacksOnTime': await due('hardship_callbacks', 'done_on'),
  };
}

async function congress(c: Ctx) {
  const sessions = (
    await rows(
      c,
      sql`select s.id, s.term_id, s.status, s.starts_on from congress_sessions s join congress_terms t on t.id = s.term_id join orgs o on o.id = t.org_id where o.path like ${under(c)}`,
    )
  ).filter((s) => inRange(s.starts_on, c));
  const sessionIds = new Set(sessionsIds(sessions));
  const terms = new Set(sessions.map((s) => s.term_id));
  const reps = (await rows(c, sql`select id, term_id from congress_representatives`)).filter((r) => terms.has(r.term_id));
  const repsOf = (term: string) => reps.filter((r) => r.term_id === term).length;
  const proposals = (
    await rows(c, sql`select id, session_id, proposer_id, status, number, answered_at, answer_due_date, rating, grade from congress_proposals`)
  ).filter((p) => sessionIds.has(p.session_id));
  const proposalIds = new Set(proposals.map((p) => p.id));
  const seconds = (await rows(c, sql`select proposal_id, representative_id from congress_seconds`)).filter((s) => proposalIds.has(s.proposal_id));
  const active = new Set([...proposals.map((p) => p.proposer_id), ...seconds.map((s) => s.representative_id)]);
  const closed = sessions.filter((s) => s.status === 'closed');
  const present = (await rows(c, sql`select session_id from congress_attendance where present = 1`)).filter((a) => closed.some((s) => s.id === a.session_id));
  const votes = (await rows(c, sql`select id, session_id, status from congress_votes where status = 'closed'`)).filter((v) => sessionIds.has(v.session_id));
  const voters = await rows(c, sql`select vote_id from congress_ballot_voters`);
  const termOf = new Map(sessions.map((s) => [s.id, s.term_id]));
  const screened = proposals.filter((p) => p.status !== 'collecting');
  const answered = proposals.filter((p) => p.answered_at);
  const rated = proposals.filter((p) => p.rating);
  const graded = proposals.filter((p) => p.grade);
  const share = (list: Row[], test: (p: Row) => boolean) => rate(list.filter(test).length, list.length);
  return {
    'congress.participationRate': rate(reps.filter((r) => active.has(r.id)).length, reps.length),
    'congress.proposalsPerRepresentative': average(proposals.length, reps.length),
    'congress.turnout': rate(
      voters.filter((v) => votes.some((x) => x.id === v.vote_id)).length,
      votes.reduce((s, v) => s + repsOf(termOf.get(v.session_id)), 0),
    ),
    'congress.attendanceRate': rate(
      present.length,
      closed.reduce((s, x) => s + repsOf(x.term_id), 0),
    ),
    'congress.adoptionRate': share(screened, (p) => p.number !== null),
    // On time: answered before the due day ended in Beijing.
    'congress.onTimeAnswerRate': share(answered, (p) => p.answered_at < dayStart(addDays(p.answer_due_date, 1))),
    'congress.satisfactionRate': share(rated, (p) => ['satisfied', 'basic'].includes(p.rating)),
    'congress.implementationRate': share(graded, (p) => p.grade === 'A'),
    'congress.gradeBShare': share(graded, (p) => p.grade === 'B'),
    'congress.gradeCShare': share(graded, (p) => p.grade === 'C'),
    'congress.rejectionRate': share(screened, (p) => p.status === 'rejected'),
    'congress.mergeRate': share(screened, (p) => p.status === 'merged'),
    'congress.opinionRate': share(screened, (p) => p.status === 'opinion'),
  };
}
const sessionsIds = (l: Row[]) => l.map((s) => s.id as string);

async function contracts(c: Ctx) {
  const all = await rows(
    c,
    sql`select id, kind, status, predecessor_id, request_date, reply_due, replied_date, current_version, starts_on, ends_on from contracts where org_path like ${under(c)}`,
  );
  const everywhere = await rows(c, sql`select predecessor_id, status from contracts where predecessor_id is not null`);
  const asOf = c.to;
  const inForce = all.filter((k) => k.status === 'published' && k.starts_on <= asOf && k.ends_on >= asOf);
  const inForceIds = new Set(inForce.map((k) => k.id));
  const version = new Map(inForce.map((k) => [k.id, Number(k.current_version)]));
  const clauses = (await rows(c, sql`select id, contract_id, version, promise from contract_clauses`)).filter(
    (cl) => inForceIds.has(cl.contract_id) && Number(cl.version) === version.get(cl.contract_id),
  );
  // Each clause's last checkpoint that was due (the latest by due date).
  const last = new Map<string, Row>();
  for (const cp of await rows(c, sql`select id, clause_id, due_date, status from contract_checkpoints where status != 'notDue'`)) {
    const had = last.get(cp.clause_id);
    if (!had || cp.due_date > had.due_date || (cp.due_date === had.due_date && cp.id > had.id)) last.set(cp.clause_id, cp);
  }
  const checked = clauses.filter((cl) => last.has(cl.id));
  const requested = all.filter((k) => inRange(k.request_date, c));
  const cites = (await rows(c, sql`select contract_id, appeal_date from contract_clause_citations`)).filter(
    (x) => inForceIds.has(x.contract_id) && inRange(x.appeal_date, c),
  );
  const promises = clauses.filter((cl) => Number(cl.promise) === 1).length;
  return {
    'contracts.inForce': count(inForce.length),
    'contracts.expiring': count(inForce.filter((k) => k.ends_on <= addDays(asOf, 60)).length),
    'contracts.overdueRenewal': count(
      all.filter(
        (k) =>
          k.status === 'published' &&
          k.ends_on < asOf &&
          !everywhere.some((n) => n.predecessor_id === k.id && ['signed', 'filed', 'effective', 'published'].includes(n.status)),
      ).length,
    ),
    'contracts.replyInTime': rate(requested.filter((k) => k.replied_date && k.replied_date <= k.reply_due).length, requested.length),
    'contracts.clausesHonoured': rate(checked.filter((cl) => last.get(cl.id)!.status === 'honoured').length, checked.length),
    'contracts.clausesNotHonoured': count(checked.filter((cl) => last.get(cl.id)!.status === 'notHonoured').length),
    'contracts.wageRaiseReached': await wageRaises(c, all),
    'contracts.appealsPerClause': {
      value: promises ? Math.round((cites.length / promises) * 10_000) / 10_000 : null,
      numerator: cites.length,
      denominator: promises,
    },
  };
}

/** Groups (category × job family) of the published wage agreements whose agreed year is in the period: raise reached ÷ groups with both years' wages. */
async function wageRaises(c: Ctx, all: Row[]): Promise<Counted> {
  const [fromYear, toYear] = [Number(c.from.slice(0, 4)), Number(c.to.slice(0, 4))];
  const wage = new Map(all.filter((k) => k.kind === 'wage' && k.status === 'published').map((k) => [k.id, k]));
  const orgOf = new Map((await rows(c, sql`select id, org_id from contracts`)).map((k) => [k.id, k.org_id]));
  const latest = new Map<string, Row>();
  for (const p of await rows(c, sql`select id, contract_id, base_year, adopted_version from contract_wage_proposals where adopted_version is not null`)) {
    if (!wage.has(p.contract_id) || Number(p.base_year) + 1 < fromYear || Number(p.base_year) + 1 > toYear) continue;
    const had = latest.get(p.contract_id);
    if (!had || Number(p.adopted_version) > Number(had.adopted_version)) latest.set(p.contract_id, p);
  }
  const items = await rows(c, sql`select proposal_id, category, job_family, raise_bp from contract_wage_items`);
  const wages = await rows(c, sql`select org_id, year, category, job_family, headcount, total_fen from contract_wage_rows`);
  const avg = (org: string, year: number, category: string, family: string) => {
    const r = wages.find((w) => w.org_id === org && Number(w.year) === year && w.category === category && w.job_family === family);
    return r ? Number(r.total_fen) / Number(r.headcount) : null;
  };
  let groups = 0;
  let reached = 0;
  for (const p of latest.values()) {
    const org = orgOf.get(p.contract_id);
    for (const it of items.filter((i) => i.proposal_id === p.id)) {
      for (const category of it.category ? [it.category] : EMPLOYMENT_CATEGORIES) {
        const before = avg(org, Number(p.base_year), category, it.job_family);
        const after = avg(org, Number(p.base_year) + 1, category, it.job_family);
        if (before === null || after === null) continue;
        groups++;
        if (after >= before * (1 + Number(it.raise_bp) / 10_000) - 1e-9) reached++;
      }
    }
  }
  return rate(reached, groups);
}

/** The appeal figures by the definitions printed in the report (common/appealIndicators.ts), merged duplicates left out. */
async function appeals(c: Ctx) {
  const all = (
    await rows(
      c,
      sql`select a.status, a.late, a.rating, a.reopen_count, a.first_answered_at, a.accepted_at, a.accept_due_date, a.accept_work_tenths, a.submitted_date
        from appeals a join orgs o on o.id = a.org_id where o.path like ${under(c)}`,
    )
  ).filter((r) => r.status !== 'merged' && inRange(r.submitted_date, c));
  const accepted = all.filter((r) => ['accepted', 'assigned', 'handling', 'answered', 'closed'].includes(r.status));
  const done = all.filter((r) => ['answered', 'closed'].includes(r.status));
  const closed = all.filter((r) => r.status === 'closed');
  const rated = all.filter((r) => r.rating);
  const answered = all.filter((r) => r.first_answered_at);
  const tenths = accepted.map((r) => Number(r.accept_work_tenths)).sort((a, b) => a - b);
  const mid = tenths.length >> 1;
  // An even count: the mean of the two middle tenths, rounded half up to a tenth.
  const hours = !tenths.length ? null : (tenths.length % 2 ? tenths[mid] : Math.floor((tenths[mid - 1] + tenths[mid] + 1) / 2)) / 10;
  return {
    'appeals.submitted': count(all.length),
    'appeals.acceptanceHours': { value: hours, numerator: tenths.length, denominator: tenths.length },
    'appeals.acceptedOnTimeRate': rate(accepted.filter((r) => r.accepted_at < dayStart(addDays(r.accept_due_date, 1))).length, accepted.length),
    'appeals.answerRate': rate(done.length, accepted.length),
    'appeals.onTimeAnswerRate': rate(done.filter((r) => Number(r.late) === 0).length, done.length),
    'appeals.closureRate': rate(closed.length, accepted.length),
    'appeals.onTimeClosureRate': rate(closed.filter((r) => Number(r.late) === 0).length, closed.length),
    'appeals.satisfactionRate': rate(rated.filter((r) => ['satisfied', 'basicallySatisfied'].includes(r.rating)).length, rated.length),
    'appeals.satisfiedShare': rate(rated.filter((r) => r.rating === 'satisfied').length, rated.length),
    'appeals.reopenRate': rate(answered.filter((r) => Number(r.reopen_count) > 0).length, answered.length),
    'appeals.stillOpen': count(all.filter((r) => ['submitted', 'accepted', 'assigned', 'handling'].includes(r.status)).length),
  };
}

async function notices(c: Ctx) {
  const ns = await rows(
    c,
    sql`select n.id, n.kind, n.status, n.next_due_date, n.follows_id, n.published_date, n.recipients from notices n join orgs o on o.id = n.org_id where o.path like ${under(c)}`,
  );
  const followers = await rows(c, sql`select follows_id, published_date from notices where follows_id is not null`);
  // Periodic notices whose next issue fell due in the period, up to today; on schedule: that issue published by its day.
  const until = c.to < c.today ? c.to : c.today;
  const due = ns.filter((n) => n.kind === 'periodic' && n.status === 'published' && n.next_due_date >= c.from && n.next_due_date <= until);
  const published = ns.filter((n) => inRange(n.published_date, c));
  const ids = new Set(published.map((n) => n.id));
  const reads = (await rows(c, sql`select notice_id from notice_receipts`)).filter((r) => ids.has(r.notice_id)).length;
  const questions = (
    await rows(c, sql`select q.status, q.asked_date from notice_questions q join orgs o on o.id = q.org_id where o.path like ${under(c)}`)
  ).filter((q) => inRange(q.asked_date, c));
  return {
    'notices.onSchedule': rate(due.filter((n) => followers.some((f) => f.follows_id === n.id && f.published_date <= n.next_due_date)).length, due.length),
    'notices.readRate': rate(
      reads,
      published.reduce((s, n) => s + Number(n.recipients), 0),
    ),
    'notices.questionsAnswered': rate(questions.filter((q) => q.status === 'answered').length, questions.length),
  };
}

async function surveys(c: Ctx) {
  const opened = (await rows(c, sql`select id, anonymous, status, opened_on from surveys`)).filter(
    (s) => ['open', 'closed'].includes(s.status) && inRange(s.opened_on, c),
  );
  const ids = new Set(opened.map((s) => s.id));
  const recipients = (await rows(c, sql`select survey_id, person_id from survey_recipients where org_path like ${under(c)}`)).filter((r) =>
    ids.has(r.survey_id),
  );
  // Responses, not the recipients' flag: an anonymous response names nobody, so count the responses by the respondent's org.
  const responses = (await rows(c, sql`select x.survey_id from survey_responses x join orgs o on o.id = x.org_id where o.path like ${under(c)}`)).filter((r) =>
    ids.has(r.survey_id),
  );
  // 最关心的三件事: per (survey, unit) the answers naming a concern; an anonymous survey's cells its results page hides are left out.
  const questions = (await rows(c, sql`select id, survey_id, options from survey_questions where kind = 'top3'`)).filter((q) => ids.has(q.survey_id));
  const unitPath = new Map((await rows(c, sql`select id, path from orgs`)).map((o) => [o.id, o.path as string]));
  const hidden = new Set<string>();
  for (const s of opened.filter((x) => Number(x.anonymous) === 1)) {
    const sizes = new Map<string, number>();
    for (const r of await rows(c, sql`select unit_id from survey_responses where survey_id = ${s.id}`)) sizes.set(r.unit_id, (sizes.get(r.unit_id) ?? 0) + 1);
    for (const u of suppressedCells(sizes)) hidden.add(`${s.id}|${u}`);
  }
  let answers = 0;
  const mentions = new Map<string, number>();
  for (const q of questions) {
    const options = (JSON.parse(q.options) as string[]).map((o) => o.trim());
    const picks = (await rows(c, sql`select response_id, unit_id, choice from survey_answers where question_id = ${q.id} and choice is not null`)).filter(
      (a) => (unitPath.get(a.unit_id) ?? '').startsWith(c.path) && !hidden.has(`${q.survey_id}|${a.unit_id}`),
    );
    answers += new Set(picks.map((a) => a.response_id)).size;
    for (const a of picks) mentions.set(options[a.choice], (mentions.get(options[a.choice]) ?? 0) + 1);
  }
  const items = (await rows(c, sql`select status, raised_on from screening_items where org_path like ${under(c)}`)).filter((i) =>
    ['open', 'inProgress'].includes(i.status),
  );
  return {
    'surveys.responseRate': rate(responses.length, recipients.length),
    'surveys.topConcern': rate(Math.max(0, ...mentions.values()), answers),
    'surveys.openProblems': count(items.filter((i) => i.raised_on <= c.to).length),
    // Raised more than 30 days before the period's end.
    'surveys.agedProblems': count(items.filter((i) => i.raised_on <= addDays(c.to, -31)).length),
  };
}

/**
 * The school's classes in the subtree with their calendars: which days are school days and which
 * school weeks exist is the school calendar's word (terms, holidays, make-up days), not a figure's.
 */
const classesOf = (c: Ctx) => classesInScope(c.db, { all: false, paths: [c.path] });
const within = (ids: Set<string>, list: Row[]) => list.filter((r) => ids.has(r.class_id));

async function heartBridge(c: Ctx) {
  const classes = await classesOf(c);
  const ids = new Set(classes.map((k) => k.id));
  const roster = new Map<string, number>();
  for (const p of await rows(c, sql`select org_id from persons where kind = 'student' and archived = 0`)) roster.set(p.org_id, (roster.get(p.org_id) ?? 0) + 1);
  const weeks = new Map(classes.map((k) => [k.id, new Set(k.cal.weeksIn(c.from, c.to).filter((w) => k.cal.weekExists(w)))]));
  const notes = within(
    ids,
    await rows(c, sql`select class_id, week, school_written_at, home_written_at, read_by_home_at, read_by_school_at from heart_bridge_notes`),
  ).filter((n) => weeks.get(n.class_id)!.has(n.week));
  const studentWeeks = classes.reduce((s, k) => s + (roster.get(k.id) ?? 0) * weeks.get(k.id)!.size, 0);
  const school = notes.filter((n) => n.school_written_at);
  const home = notes.filter((n) => n.home_written_at);
  const both = school.filter((n) => n.home_written_at).length;
  return {
    'heartBridge.twoWayCoverage': rate(both, studentWeeks),
    'heartBridge.replyRate': rate(both, school.length),
    'heartBridge.readRate': rate(school.filter((n) => n.read_by_home_at).length + home.filter((n) => n.read_by_school_at).length, school.length + home.length),
  };
}

async function moralEducation(c: Ctx) {
  const classes = await classesOf(c);
  const held = new Set(
    within(new Set(classes.map((k) => k.id)), await rows(c, sql`select class_id, date from moral_sessions where status = 'held'`)).map(
      (x) => `${x.class_id}|${x.date}`,
    ),
  );
  let days = 0;
  let done = 0;
  for (const k of classes)
    for (const d of k.cal.schoolDaysIn(c.from, c.to)) {
      days++;
      if (held.has(`${k.id}|${d}`)) done++;
    }
  return { 'moralEducation.coverage': rate(done, days) };
}

async function lessonLogs(c: Ctx) {
  const classes = await classesOf(c);
  const ids = new Set(classes.map((k) => k.id));
  const slots = within(ids, await rows(c, sql`select class_id, weekday, period from timetable_slots`));
  const logs = within(
    ids,
    await rows(
      c,
      sql`select id, class_id, date, period, minutes_taught, minutes_checking, questioned, homework_checked, demonstrations, practice_minutes, corrections, tutoring from lesson_logs`,
    ),
  ).filter((l) => inRange(l.date, c));
  const loggedAt = new Set(logs.map((l) => `${l.class_id}|${l.date}|${l.period}`));
  // The lessons the timetable promises: each school day × the slots of the weekday it follows (a make-up day its own row or Monday's).
  let timetabled = 0;
  let logged = 0;
  for (const k of classes) {
    const mine = slots.filter((s) => s.class_id === k.id);
    const weekend = new Set(mine.map((s) => Number(s.weekday)).filter((w) => w >= 6));
    for (const d of k.cal.schoolDaysIn(c.from, c.to)) {
      const wd = timetableWeekday(d, weekend);
      for (const s of mine.filter((x) => Number(x.weekday) === wd)) {
        timetabled++;
        if (loggedAt.has(`${k.id}|${d}|${s.period}`)) logged++;
      }
    }
  }
  const share = (met: (l: Row) => boolean) => rate(logs.filter(met).length, logs.length);
  const reached = new Set(
    within(ids, await rows(c, sql`select class_id, student_id, date from lesson_log_students`))
      .filter((r) => inRange(r.date, c))
      .map((r) => r.student_id),
  );
  const [{ n: students }] = await rows(
    c,
    sql`select count(*) as n from persons p join orgs o on o.id = p.org_id where p.kind = 'student' and p.archived = 0 and o.path like ${under(c)}`,
  );
  return {
    'lessonLogs.loggedRate': rate(logged, timetabled),
    // 35+10: at most 35 minutes taught and at least 10 checking; each of the six tens at least 10.
    'lessonLogs.standardMetRate': share((l) => Number(l.minutes_taught) <= 35 && Number(l.minutes_checking) >= 10),
    'lessonLogs.questionedMet': share((l) => Number(l.questioned) >= 10),
    'lessonLogs.homeworkCheckedMet': share((l) => Number(l.homework_checked) >= 10),
    'lessonLogs.demonstrationsMet': share((l) => Number(l.demonstrations) >= 10),
    'lessonLogs.practiceMinutesMet': share((l) => Number(l.practice_minutes) >= 10),
    'lessonLogs.correctionsMet': share((l) => Number(l.corrections ?? 0) >= 10),
    'lessonLogs.tutoringMet': share((l) => Number(l.tutoring ?? 0) >= 10),
    'lessonLogs.studentsReached': rate(reached.size, Number(students)),
  };
}

async function teacherGrowth(c: Ctx) {
  const teachers = new Set((await rows(c, sql`select id from persons where kind = 'teacher' and archived = 0`)).map((p) => p.id));
  const placed = (await rows(c, sql`select teacher_id, school_id, tier from growth_placements where school_path like ${under(c)}`)).filter((g) =>
    teachers.has(g.teacher_id),
  );
  // Duties done: every duty of the teacher's tier (the school's saved definition, else the default) with enough evidence in the period.
  const saved = new Map(
    (await rows(c, sql`select school_id, tier, definition from growth_tiers`)).map((r) => [`${r.school_id}|${r.tier}`, JSON.parse(r.definition)]),
  );
  const dutyEvidence = (await rows(c, sql`select teacher_id, kind, duty, date from growth_evidence`)).filter((e) => inRange(e.date, c));
  const didAll = (g: Row) => {
    const duties: { key: string; evidenceKind: string; perTerm: number }[] = (
      saved.get(`${g.school_id}|${g.tier}`) ?? DEFAULT_TIERS.find((x) => x.key === g.tier)!
    ).duties;
    const mine = dutyEvidence.filter((e) => e.teacher_id === g.teacher_id);
    return duties.every((d) => {
      // Evidence without a duty counts for the first duty of its kind.
      const first = duties.find((x) => x.evidenceKind === d.evidenceKind)!.key === d.key;
      return mine.filter((e) => e.duty === d.key || (e.duty === null && first && e.kind === d.evidenceKind)).length >= d.perTerm;
    });
  };
  const plans = await rows(c, sql`select id from growth_plans where status in ('active', 'yearReview') and school_path like ${under(c)}`);
  const evidence = (
    await rows(
      c,
      sql`select e.plan_id, e.kind, e.date, e.score, r.pass_mark from growth_evidence e left join growth_rubrics r on r.id = e.rubric_id where e.school_path like ${under(c)}`,
    )
  ).filter((e) => inRange(e.date, c));
  const missed = new Set((await rows(c, sql`select plan_id from growth_year_reviews where rating = 'notMet'`)).map((y) => y.plan_id));
  const observations = evidence.filter((e) => e.kind === 'observation');
  const promoted = (await rows(c, sql`select decided_on from growth_promotions where status = 'approved' and school_path like ${under(c)}`)).filter((p) =>
    inRange(p.decided_on, c),
  );
  return {
    'teacherGrowth.placed': count(placed.length),
    'teacherGrowth.dutiesDone': rate(placed.filter(didAll).length, placed.length),
    'teacherGrowth.plansOnTrack': rate(plans.filter((p) => !missed.has(p.id) && evidence.some((e) => e.plan_id === p.id)).length, plans.length),
    'teacherGrowth.observations': count(observations.length),
    // Met: the score reached the pass mark of the rubric version it was scored on.
    'teacherGrowth.observationsMet': rate(
      observations.filter((e) => e.score !== null && e.pass_mark !== null && Number(e.score) >= Number(e.pass_mark)).length,
      observations.length,
    ),
    'teacherGrowth.promotions': count(promoted.length),
  };
}

const PRACTICES = [
  heartBridge,
  moralEducation,
  lessonLogs,
  teacherGrowth,
  appeals,
  notices,
  surveys,
  decidedItems,
  meetings,
  policies,
  mediation,
  honours,
  suggestions,
  hardship,
  congress,
  contracts,
];

/** Every recounted figure for the org subtree at `path` and the dates [from, to], as of the instant the report counted at. */
export async function recount(db: Db, path: string, from: string, to: string, asOf: Date): Promise<Record<string, Counted>> {
  const c: Ctx = { db, path, from, to, today: shanghaiDate(asOf) };
  const out: Record<string, Counted> = {};
  for (const p of PRACTICES) Object.assign(out, await p(c));
  return out;
}
