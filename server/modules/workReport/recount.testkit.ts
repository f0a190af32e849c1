/**
 * Every registered indicator recounted straight from the raw tables, by the definition the
 * report prints — written here, apart from the modules' own counting code, so a figure that
 * drifts from its definition (or a definition that no longer says what is counted) shows as a
 * difference. One function per practice; each returns key → { value, numerator, denominator }.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { addDays, shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';

export type Counted = { value: number | null; numerator: number; denominator: number };
type Row = Record<string, any>;
type Ctx = { db: Db; path: string; from: string; to: string; today: string };

export const rate = (n: number, d: number): Counted => ({ value: d === 0 ? null : Math.round((n / d) * 10_000) / 10_000, numerator: n, denominator: d });
export const count = (n: number): Counted => ({ value: n, numerator: n, denominator: n });
/** A count per record (an average): no value without records. */
const average = (n: number, d: number, places = 2): Counted => ({ value: d ? Math.round((n / d) * 10 ** places) / 10 ** places : null, numerator: n, denominator: d });
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
  return {
    'policies.questionsAnswered': count(answered.length),
    // On time: answered before the deadline day ended in Beijing.
    'policies.onTimeAnswerRate': rate(answered.filter((q) => q.answered_at < dayStart(addDays(q.due_date, 1))).length, answered.length),
    'policies.faqPublished': count(published.length),
    'policies.faqReuseRate': rate(published.filter((q) => Number(q.deflections) > 0).length, published.length),
    'policies.topTopicShare': rate(top, asked.length),
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
  const ns = (await rows(c, sql`select status, nominated_on from honour_nominations where unit_path like ${under(c)}`)).filter((n) => inRange(n.nominated_on, c));
  return {
    'honours.nominations': count(ns.length),
    'honours.disqualifiedRate': rate(ns.filter((n) => n.status === 'disqualified').length, ns.length),
    'honours.awards': count(ns.filter((n) => ['awarded', 'published'].includes(n.status)).length),
  };
}

async function suggestions(c: Ctx) {
  const ss = await rows(c, sql`select id, status, submitted_on, decided_on, verified_on, reward_paid_on, benefit_fen, reward_fen from suggestions where org_path like ${under(c)}`);
  const authors = await rows(c, sql`select a.person_id, s.submitted_on from suggestion_authors a join suggestions s on s.id = a.suggestion_id where s.org_path like ${under(c)}`);
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
    'suggestions.adoptionRate': rate(decided.filter((s) => adopted.includes(s.status)).length, decided.filter((s) => [...adopted, 'archived'].includes(s.status)).length),
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

const PRACTICES = [decidedItems, meetings, policies, mediation, honours, suggestions];

/** Every recounted figure for the org subtree at `path` and the dates [from, to]. */
export async function recount(db: Db, path: string, from: string, to: string): Promise<Record<string, Counted>> {
  const c: Ctx = { db, path, from, to, today: shanghaiDate(new Date()) };
  const out: Record<string, Counted> = {};
  for (const p of PRACTICES) Object.assign(out, await p(c));
  return out;
}
