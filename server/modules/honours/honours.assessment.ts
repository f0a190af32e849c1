/**
 * Criteria that can be scored and checked (评分项 / 达标项): an honour's criteria are checked when it
 * is declared; the union's review assesses a nomination against every one of them; and review
 * passes a nomination only when the assessment meets them — every requirement met and the total
 * at least the pass mark. Before, the criteria were a paragraph the reviewer read.
 */
import type { z } from 'zod';
import { assessmentResult, type Assessment, type HonourCriterion } from '../../../common/honours.js';
import type { AssessmentBody, CreateHonourBody } from '../../../common/schemas/honours.js';
import type { WriteCall } from '../../core/call.js';
import { invalid } from '../../core/errors.js';
import { HM } from './honours.messages.js';
import { hq } from './honours.tables.js';

export const criteriaOf = (h: { criteria_items: string }): HonourCriterion[] => JSON.parse(h.criteria_items) as HonourCriterion[];
export const assessmentOf = (n: { assessment: string | null }): Assessment | null => (n.assessment ? (JSON.parse(n.assessment) as Assessment) : null);

/** The declared criteria as stored, or a 422 naming the field: unique keys, a top score on scored ones only, a reachable pass mark. */
export function checkedCriteria(body: Pick<z.infer<typeof CreateHonourBody>, 'criteriaItems' | 'passScore'>): {
  items: HonourCriterion[];
  passScore: number | null;
} {
  const given = body.criteriaItems ?? [];
  if (new Set(given.map((c) => c.key)).size !== given.length) throw invalid('criteriaItems', HM['honours.criterionKeys']);
  given.forEach((c, i) => {
    if ((c.kind === 'score') !== (c.max !== undefined)) throw invalid(`criteriaItems.${i}.max`, HM['honours.criterionMax']);
  });
  const items: HonourCriterion[] = given.map((c) =>
    c.kind === 'score' ? { key: c.key, label: c.label, kind: c.kind, max: c.max } : { key: c.key, label: c.label, kind: c.kind },
  );
  const top = items.reduce((s, c) => s + (c.max ?? 0), 0);
  if (body.passScore !== undefined && body.passScore > 0 && top === 0) throw invalid('passScore', HM['honours.passScoreWithoutScores']);
  if (body.passScore !== undefined && body.passScore > top && top > 0) throw invalid('passScore', HM['honours.passScoreTooHigh'], { max: top });
  return { items, passScore: body.passScore ?? null };
}

/** The review's points and checks as stored, or a 422 naming the field: every criterion of the honour once, no other, no score above its top. */
export function checkedAssessment(
  criteria: HonourCriterion[],
  passScore: number | null,
  body: z.infer<typeof AssessmentBody>,
): { assessment: Assessment; total: number; passed: boolean } {
  if (!criteria.length) throw invalid('body', HM['honours.noCriteria']);
  const scored = criteria.filter((c) => c.kind === 'score');
  const checked = criteria.filter((c) => c.kind === 'check');
  const same = (given: string[], wanted: HonourCriterion[]) => given.length === wanted.length && wanted.every((c) => given.includes(c.key));
  if (!same(Object.keys(body.scores), scored)) throw invalid('body.scores', HM['honours.assessmentCriteria']);
  if (!same(Object.keys(body.checks), checked)) throw invalid('body.checks', HM['honours.assessmentCriteria']);
  for (const c of scored) if (body.scores[c.key] > c.max!) throw invalid(`body.scores.${c.key}`, HM['honours.assessmentMax'], { label: c.label, max: c.max });
  // Stored in the criteria's order, so two assessments of the same points read the same.
  const assessment: Assessment = {
    scores: Object.fromEntries(scored.map((c) => [c.key, body.scores[c.key]])),
    checks: Object.fromEntries(checked.map((c) => [c.key, body.checks[c.key]])),
  };
  return { assessment, ...assessmentResult(criteria, passScore, assessment) };
}

/** Review may pass a nomination only if its honour has no criteria to assess, or its assessment meets them: else 422 naming `assessment`. */
export async function assertMeetsCriteria(call: WriteCall, n: { honour_id: string; assessment: string | null }): Promise<void> {
  const honour = await hq(call.tx).selectFrom('honours').select(['criteria_items', 'pass_score']).where('id', '=', n.honour_id).executeTakeFirstOrThrow();
  const criteria = criteriaOf(honour);
  if (!criteria.length) return;
  const a = assessmentOf(n);
  if (!a) throw invalid('assessment', HM['honours.assessmentMissing']);
  const r = assessmentResult(criteria, honour.pass_score, a);
  if (!r.passed)
    throw invalid('assessment', HM['honours.assessmentFailed'], { total: r.total, pass: honour.pass_score ?? 0, unmet: r.unmet.join('、') || '—' });
}
