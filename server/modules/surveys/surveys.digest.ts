/**
 * A survey as another practice shows it beside its own record (collective bargaining's survey of
 * workers' demands): title, state, how many answered, and the top concerns of its 'top 3'
 * questions over all respondents. It reads through `results()`, so the office's reach and the
 * anonymity rule (an anonymous survey with fewer than MIN_CELL answers shows no figures) are the
 * survey page's own.
 */
import type { Call } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { mayManage } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import { results } from './surveys.results.js';

export interface SurveyDigest {
  id: string;
  title: string;
  status: string;
  anonymous: boolean;
  recipients: number;
  respondents: number;
  /** Figures withheld: an anonymous survey with fewer answers than its smallest cell. */
  suppressed: boolean;
  /** The options of its 'top 3 concerns' questions, by rank-weighted score (first 3, second 2, third 1), at most five. */
  topConcerns: { concern: string; score: number; mentions: number }[];
}

/** A survey the caller manages, read in the caller's transaction (for linking it); 404 otherwise. */
export async function surveyForLink(tx: Tx, call: Call, id: string): Promise<{ id: string; title: string; orgPath: string; status: string }> {
  const s = await repo.loadSurvey(tx, id);
  if (!s || !mayManage(call.actor, s.org_path)) throw notFound();
  return { id: s.id, title: s.title, orgPath: s.org_path, status: s.status };
}

export async function surveyDigest(call: Call, id: string): Promise<SurveyDigest> {
  const s = await repo.loadSurvey(call.db, id);
  const r = await results(call, id);
  const concerns = new Map<string, { score: number; mentions: number }>();
  let suppressed = false;
  for (const q of r.questions) {
    if (q.kind !== 'top3') continue;
    if (q.overall.suppressed) {
      suppressed = true;
      continue;
    }
    q.options.forEach((option, i) => {
      const c = concerns.get(option) ?? { score: 0, mentions: 0 };
      c.score += q.overall.scores?.[i] ?? 0;
      c.mentions += q.overall.counts?.[i] ?? 0;
      concerns.set(option, c);
    });
  }
  const top = [...concerns.entries()]
    .filter(([, c]) => c.mentions > 0)
    .sort(([a, x], [b, y]) => y.score - x.score || y.mentions - x.mentions || (a < b ? -1 : 1))
    .slice(0, 5)
    .map(([concern, c]) => ({ concern, ...c }));
  return { id, title: s!.title, status: s!.status, anonymous: r.anonymous, recipients: r.recipients, respondents: r.respondents, suppressed, topConcerns: top };
}
