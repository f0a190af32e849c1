/**
 * Criteria an honour is judged by, and the union's assessment of each nomination against them.
 *
 * - honours.criteria_items: JSON `[{ key, label, kind: 'score' | 'check', max? }]` — a scored
 *   criterion (0..max points) or a requirement met or not; `[]` for honours declared before
 *   (their free-text `criteria` stays as the description). honours.pass_score: the least total
 *   a nomination needs to pass review, null for none.
 * - honour_nominations.assessment: JSON `{ scores: { key: points }, checks: { key: boolean } }`
 *   written by the union's review, with its total, who and when (null until assessed).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('honours')
    .addColumn('criteria_items', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('honours').addColumn('pass_score', 'integer').execute();
  for (const [column, type] of [
    ['assessment', 'text'],
    ['assessment_total', 'integer'],
    ['assessed_by', 'text'],
    ['assessed_at', 'text'],
  ] as const) {
    await db.schema.alterTable('honour_nominations').addColumn(column, type).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['assessed_at', 'assessed_by', 'assessment_total', 'assessment'])
    await db.schema.alterTable('honour_nominations').dropColumn(column).execute();
  await db.schema.alterTable('honours').dropColumn('pass_score').execute();
  await db.schema.alterTable('honours').dropColumn('criteria_items').execute();
}
