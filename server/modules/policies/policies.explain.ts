/**
 * 政策解读 prompts: several workers asking about one thing within EXPLAIN_WINDOW_DAYS days means
 * an explanation is worth publishing. "One thing" uses appeals' group-alert similarity work
 * (signatureOf / prepare: the union-domain lexicon and the character n-grams), judged as fits
 * questions rather than complaints: two questions are alike when the lexicon finds the same main
 * topic in both (高温津贴什么时候发 · 高温补贴还有吗), or, where it knows the topic of neither, when their
 * n-gram cosine reaches GRAM_MATCH, the level at which appeals count as one issue. Appeals'
 * problem gate (欠发 vs 算错) is left out: every question is an inquiry, and one explanation of a
 * topic answers them all. A group is a star: a question alike to questions of at least
 * EXPLAIN_MIN_ASKERS − 1 other askers, with them; the largest star first, each question in one group.
 * Grouped on read, within a topic, over the window's newest PER_TOPIC questions, from the
 * signatures stored when each was asked (`questionSignature`); only the groups are not stored. A group is left out once an explanation exists: one of its questions was published as
 * an FAQ entry, or an FAQ entry published since its first question is alike to one of them.
 */
import { EXPLAIN_MIN_ASKERS, EXPLAIN_WINDOW_DAYS, QUESTION_TOPICS, type QuestionStatus, type QuestionTopic } from '../../../common/policies.js';
import type { ExplainPrompt } from '../../../common/schemas/policies.js';
import type { Call } from '../../core/call.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { forbidden } from '../../core/errors.js';
import { GRAM_MATCH, gramCosine, prepare, sharedKeywords, signatureOf, type Prepared } from '../../core/similarity/index.js';
import { answerScope, readReach } from './policies.policy.js';
import * as repo from './policies.repository.js';

/** The newest questions of a topic grouped on one read (pairs compared: n² / 2). */
export const PER_TOPIC = 100;

export interface AskedQuestion {
  id: string;
  title: string;
  body: string;
  status: string;
  askedAt: string;
  askedDate: string;
  /** The signature stored at ask time (tokens); null for a question asked before it was kept. */
  signature?: readonly string[] | null;
  /** Distinct askers count, not questions; an anonymous question still has its account (never shown). */
  askerKey: string;
}

const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** Two questions about one thing (see the file's note). */
export function askedAlike(a: Prepared, b: Prepared): boolean {
  // The lexicon knows what one of them is about: the other must be about that too (as appeals' gate: no shared key, no match).
  if (a.topics.size || b.topics.size) return shares(a.main, b.main);
  return gramCosine(a.grams, b.grams) >= GRAM_MATCH;
}

/** What `ask` stores (policy_questions.signature): the question's tokens, space-joined (tokens hold no space). */
export const questionSignature = (title: string, body: string) => signatureOf(title, body).join(' ');

const stored = (text: string | null) => (text === null ? null : text ? text.split(' ') : []);

/** The stored signature; recomputed only for a question asked before signatures were kept. */
const signature = (q: { title: string; body: string; signature?: readonly string[] | null }) => q.signature ?? signatureOf(q.title, q.body);

/** The groups of ≥ EXPLAIN_MIN_ASKERS askers among `questions`, each oldest first. */
export function groupQuestions(questions: readonly AskedQuestion[]): AskedQuestion[][] {
  const qs = [...questions].sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id));
  const p = qs.map((q) => prepare(signature(q)));
  const near = qs.map(() => [] as number[]);
  for (let i = 0; i < qs.length; i++) {
    for (let j = i + 1; j < qs.length; j++) {
      if (!askedAlike(p[i], p[j])) continue;
      near[i].push(j);
      near[j].push(i);
    }
  }
  const taken = new Set<number>();
  const groups: AskedQuestion[][] = [];
  const askers = (members: number[]) => new Set(members.map((i) => qs[i].askerKey)).size;
  for (;;) {
    let best: number[] = [];
    for (let i = 0; i < qs.length; i++) {
      if (taken.has(i)) continue;
      const star = [i, ...near[i].filter((j) => !taken.has(j))];
      if (askers(star) > askers(best)) best = star;
    }
    if (askers(best) < EXPLAIN_MIN_ASKERS) return groups;
    for (const i of best) taken.add(i);
    groups.push(best.sort((a, b) => a - b).map((i) => qs[i]));
  }
}

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The prompts for the questions the caller answers; 403 for a caller who answers none. */
export async function explainPrompts(call: Call): Promise<{ items: ExplainPrompt[]; windowDays: number; minAskers: number }> {
  const scope = answerScope(call.actor);
  if (!scope.all && !scope.paths.length) throw forbidden();
  const out: ExplainPrompt[] = [];
  const since = daysBefore(shanghaiDate(call.now), EXPLAIN_WINDOW_DAYS - 1);
  const faqs = (await repo.faqPublishedSince(call.db, readReach(call.actor), since)).map((f) => ({
    ...f,
    p: prepare(signature({ title: f.faq_title ?? '', body: f.faq_answer ?? '' })),
  }));
  for (const topic of QUESTION_TOPICS) {
    const rows = await repo.recentQuestions(call.db, scope, topic, since, PER_TOPIC);
    const asked = rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      status: r.status,
      askedAt: r.asked_at,
      askedDate: r.asked_date,
      signature: stored(r.signature),
      askerKey: r.author_account_id ?? r.id,
    }));
    for (const g of groupQuestions(asked)) {
      if (g.some((q) => q.status === 'published')) continue;
      const prepared = g.map((q) => prepare(signature(q)));
      const explained = faqs.some((f) => f.topic === topic && (f.published_at ?? '') >= g[0].askedAt && prepared.some((p) => askedAlike(p, f.p)));
      if (explained) continue;
      out.push({
        topic: topic as QuestionTopic,
        keywords: sharedKeywords(g.map(signature), 3),
        askers: new Set(g.map((q) => q.askerKey)).size,
        firstAsked: g[0].askedDate,
        lastAsked: g.at(-1)!.askedDate,
        questions: g.map((q) => ({ id: q.id, title: q.title, status: q.status as QuestionStatus })).reverse(),
      });
    }
  }
  out.sort((a, b) => b.askers - a.askers || b.lastAsked.localeCompare(a.lastAsked));
  return { items: out, windowDays: EXPLAIN_WINDOW_DAYS, minAskers: EXPLAIN_MIN_ASKERS };
}
