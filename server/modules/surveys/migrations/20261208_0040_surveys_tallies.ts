import { sql, type Kysely } from 'kysely';

/**
 * Running totals of each survey's results (issue #20: result cuts ≤ 200 ms at 1 M responses): one row per
 * survey × question × cut × group × option, kept by the answering transaction, so a results page reads a few
 * thousand rows instead of grouping every answer of the survey (488 ms for the unit cut at M, 10× that at L).
 *
 * `cut` is 'all' (group '') or one of the result cuts (unit, org, category, gender, unionMember) with the
 * answer's value of that attribute as text ('-' when none). `question_id` '' with `choice` −1 counts the
 * respondents; a choice answer counts under its option (`n`, `score` = 3/2/1 by rank for top 3); a scale or
 * number answer under `choice` −1 (`n` answers, `total` their sum). Aggregates only: no response, person or
 * time — the answers table already holds each answer's cut attributes, so a cell here reveals nothing new.
 * Existing answers are counted once here, by the same grouping the page used to run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_tallies')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('cut', 'text', (c) => c.notNull())
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('choice', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_tallies_pk', ['survey_id', 'cut', 'question_id', 'grp', 'choice'])
    .execute();
  for (const [cut, col] of CUTS) {
    const grp = col ? sql.raw(`coalesce(cast(${col} as text), '-')`) : sql.lit('');
    const by = col ? sql.raw(`, ${col}`) : sql.raw('');
    await sql`insert into survey_tallies (survey_id, question_id, cut, grp, choice, n, score, total)
      select survey_id, '', ${sql.lit(cut)}, ${grp}, -1, count(*), 0, 0 from survey_responses group by survey_id${by}`.execute(db);
    await sql`insert into survey_tallies (survey_id, question_id, cut, grp, choice, n, score, total)
      select survey_id, question_id, ${sql.lit(cut)}, ${grp}, coalesce(choice, -1), count(*),
        coalesce(sum(case rank when 1 then 3 when 2 then 2 when 3 then 1 else 0 end), 0), coalesce(sum(value), 0)
      from survey_answers where choice is not null or value is not null
      group by survey_id, question_id, choice${by}`.execute(db);
  }
}

/** Each cut's name and the answer column it groups by (none: the whole survey). */
const CUTS: [string, string | null][] = [
  ['all', null],
  ['unit', 'unit_id'],
  ['org', 'org_id'],
  ['category', 'category'],
  ['gender', 'gender'],
  ['unionMember', 'union_member'],
];

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_tallies').execute();
}
