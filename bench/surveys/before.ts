/**
 * The baseline bench/surveys times the results page against, in the same run: a frozen copy of the reads
 * `results` made before session 16 — respondents per group and in all, then every answer of the survey
 * grouped by question × option (× the cut's column), and each cell summed by scanning those rows. Only the
 * figures (the free-text groups are the same read both ways). Kept here, not in the module, so the ratio
 * can be measured again on the same data.
 */
import { sql, type Kysely } from 'kysely';
import type { SurveyCut } from '../../common/surveys.js';
import type { Db } from '../../server/core/db/database.js';

const COLUMN: Record<SurveyCut, string> = { unit: 'unit_id', org: 'org_id', category: 'category', gender: 'gender', unionMember: 'union_member' };
const key = (v: unknown) => (v === null || v === undefined ? '-' : String(v));

/** Per question, per group ('all' and the cut's): counts per option, scores and value sums, as the page built them. */
export async function resultFiguresBefore(database: Db, id: string, cut?: SurveyCut) {
  const db = database as unknown as Kysely<any>;
  const col = cut ? COLUMN[cut] : null;
  const sizes = new Map<string, number>();
  if (col) {
    const rows = await db
      .selectFrom('survey_responses')
      .select([col, (eb) => eb.fn.countAll().as('n')])
      .where('survey_id', '=', id)
      .groupBy(col)
      .execute();
    for (const r of rows) sizes.set(key(r[col]), Number(r.n));
  }
  const respondents = Number(
    (
      await db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('survey_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const questions = await db.selectFrom('survey_questions').selectAll().where('survey_id', '=', id).orderBy('sort').execute();
  const choiceRows = await db
    .selectFrom('survey_answers as a')
    .select([
      'a.question_id',
      'a.choice',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case a.rank when 1 then 3 when 2 then 2 when 3 then 1 else 0 end)`.as('score'),
    ])
    .$if(col !== null, (q) => q.select(sql.ref(`a.${col}`).as('g')).groupBy(`a.${col}`))
    .where('a.survey_id', '=', id)
    .where('a.choice', 'is not', null)
    .groupBy(['a.question_id', 'a.choice'])
    .execute();
  const valueRows = await db
    .selectFrom('survey_answers as a')
    .select(['a.question_id', sql<number>`count(a.value)`.as('n'), sql<number>`sum(a.value)`.as('total')])
    .$if(col !== null, (q) => q.select(sql.ref(`a.${col}`).as('g')).groupBy(`a.${col}`))
    .where('a.survey_id', '=', id)
    .where('a.value', 'is not', null)
    .groupBy('a.question_id')
    .execute();
  const groups = ['all', ...[...sizes.keys()].sort()];
  return questions.map((q) => {
    const options = (JSON.parse(q.options) as string[]).length;
    return groups.map((group) => {
      const inGroup = (r: { g?: unknown }) => group === 'all' || key(r.g) === group;
      const counts = Array.from({ length: options }, () => 0);
      const scores = Array.from({ length: options }, () => 0);
      for (const r of choiceRows) {
        if (r.question_id !== q.id || !inGroup(r)) continue;
        counts[r.choice] += Number(r.n);
        scores[r.choice] += Number(r.score);
      }
      let answers = 0;
      let total = 0;
      for (const r of valueRows) {
        if (r.question_id !== q.id || !inGroup(r)) continue;
        answers += Number(r.n);
        total += Number(r.total);
      }
      return { group, respondents: group === 'all' ? respondents : sizes.get(group), counts, scores, answers, total };
    });
  });
}
