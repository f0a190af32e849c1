import type { Kysely } from 'kysely';

// The school's observation rubric (听课评课量表), one row per version: a version observations were
// scored on is never changed in place — saving it again makes the next version.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('growth_rubrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scale_max', 'integer', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_rubrics_version').on('growth_rubrics').columns(['school_id', 'version']).unique().execute();

  // An observation keeps the version it was scored on, its total (0–100) and whether it met the
  // pass mark, so the figures count rows instead of re-scoring every record.
  await db.schema.alterTable('growth_evidence').addColumn('rubric_id', 'text').execute();
  await db.schema.alterTable('growth_evidence').addColumn('score', 'double precision').execute();
  await db.schema.alterTable('growth_evidence').addColumn('rubric_met', 'integer').execute();
  await db.schema.createIndex('growth_evidence_rubric').on('growth_evidence').column('rubric_id').execute();

  // Observations scored before: on the default rubric (five items of weight 20 on a 1–5 scale, pass mark 80).
  const old = await db.selectFrom('growth_evidence').select(['id', 'rubric']).where('kind', '=', 'observation').where('rubric', 'is not', null).execute();
  for (const r of old) {
    const scores = Object.values(JSON.parse(r.rubric as string) as Record<string, number>);
    const total = Math.round(scores.reduce((s, v) => s + v * 4, 0) * 10) / 10;
    await db
      .updateTable('growth_evidence')
      .set({ score: total, rubric_met: total >= 80 ? 1 : 0 })
      .where('id', '=', r.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('growth_evidence_rubric').execute();
  for (const c of ['rubric_met', 'score', 'rubric_id']) await db.schema.alterTable('growth_evidence').dropColumn(c).execute();
  await db.schema.dropTable('growth_rubrics').execute();
}
