/**
 * Running totals of a survey's results (table `survey_tallies`, migration 20261208_0040): per survey ×
 * question × cut × group × option, added to by the answering transaction, so a results page reads a few
 * thousand totals instead of grouping every answer (issue #20: result cuts ≤ 200 ms at 1 M responses).
 *
 * Cut 'all' has group ''; a result cut has the answer's value of its attribute as text, '-' for none.
 * Question '' with choice −1 counts respondents; a choice answer counts under its option (`n`, and `score`
 * 3/2/1 by rank for top 3); a scale or number answer under choice −1 (`n` answers, `total` their sum).
 */
import { sql } from 'kysely';
import { SURVEY_CUTS, type SurveyCut } from '../../../common/surveys.js';
import type { Tx } from '../../core/db/database.js';
import { sdb, type SurveyAnswerTable, type SurveyTallyTable } from './surveys.tables.js';

export const NONE = '-';
export const RESPONDENTS = '';
const COLUMN: Record<SurveyCut, 'unit_id' | 'org_id' | 'category' | 'gender' | 'union_member'> = {
  unit: 'unit_id',
  org: 'org_id',
  category: 'category',
  gender: 'gender',
  unionMember: 'union_member',
};
const groupOf = (v: unknown) => (v === null || v === undefined ? NONE : String(v));
const weight = (rank: number | null) => (rank === 1 ? 3 : rank === 2 ? 2 : rank === 3 ? 1 : 0);

/** The totals one response adds: its respondent under every cut, and each choice or value answer. */
export function tallyRows(surveyId: string, answers: SurveyAnswerTable[], cut: Pick<SurveyAnswerTable, (typeof COLUMN)[SurveyCut]>): SurveyTallyTable[] {
  const groups: [string, string][] = [['all', ''], ...SURVEY_CUTS.map((c): [string, string] => [c, groupOf(cut[COLUMN[c]])])];
  const rows: SurveyTallyTable[] = [];
  for (const [c, grp] of groups) {
    rows.push({ survey_id: surveyId, question_id: RESPONDENTS, cut: c, grp, choice: -1, n: 1, score: 0, total: 0 });
    for (const a of answers) {
      if (a.choice !== null)
        rows.push({ survey_id: surveyId, question_id: a.question_id, cut: c, grp, choice: a.choice, n: 1, score: weight(a.rank), total: 0 });
      else if (a.value !== null) rows.push({ survey_id: surveyId, question_id: a.question_id, cut: c, grp, choice: -1, n: 1, score: 0, total: a.value });
    }
  }
  return rows;
}

/** Adds one response's totals in the caller's transaction (a response has each question × option once). */
export async function addTallies(tx: Tx, rows: SurveyTallyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await sdb(tx)
      .insertInto('survey_tallies')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['survey_id', 'cut', 'question_id', 'grp', 'choice']).doUpdateSet({
          n: sql`survey_tallies.n + excluded.n`,
          score: sql`survey_tallies.score + excluded.score`,
          total: sql`survey_tallies.total + excluded.total`,
        }),
      )
      .execute();
}

/**
 * Counts a survey's totals afresh from its responses and answers (for bulk writers: the demo seed and the
 * benchmark's builder, which insert answers without the answering service). Same grouping as the migration.
 */
export async function recountTallies(tx: Tx, surveyId: string): Promise<void> {
  await sdb(tx).deleteFrom('survey_tallies').where('survey_id', '=', surveyId).execute();
  for (const cut of ['all', ...SURVEY_CUTS] as const) {
    const col = cut === 'all' ? null : COLUMN[cut];
    const grp = col ? sql.raw(`coalesce(cast(${col} as text), '-')`) : sql.lit('');
    const by = col ? sql.raw(`, ${col}`) : sql.raw('');
    await sql`insert into survey_tallies (survey_id, question_id, cut, grp, choice, n, score, total)
      select survey_id, '', ${sql.lit(cut)}, ${grp}, -1, count(*), 0, 0 from survey_responses where survey_id = ${surveyId} group by survey_id${by}`.execute(
      tx,
    );
    await sql`insert into survey_tallies (survey_id, question_id, cut, grp, choice, n, score, total)
      select survey_id, question_id, ${sql.lit(cut)}, ${grp}, coalesce(choice, -1), count(*),
        coalesce(sum(case rank when 1 then 3 when 2 then 2 when 3 then 1 else 0 end), 0), coalesce(sum(value), 0)
      from survey_answers where survey_id = ${surveyId} and (choice is not null or value is not null)
      group by survey_id, question_id, choice${by}`.execute(tx);
  }
}

/** The totals of the whole survey and, with a cut, of its groups. */
export const readTallies = (db: Tx, surveyId: string, cut?: SurveyCut) =>
  sdb(db)
    .selectFrom('survey_tallies')
    .select(['question_id', 'cut', 'grp', 'choice', 'n', 'score', 'total'])
    .where('survey_id', '=', surveyId)
    .where('cut', 'in', cut ? ['all', cut] : ['all'])
    .execute();
