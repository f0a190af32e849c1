/**
 * Indexes for appeals at scale (bench/appeals.bench.ts: 1 M appeals, 50 k workers).
 * - appeals_submitted_at: lists default to newest first; the first pages are read off this
 *   index in order, whatever the caller's scope, instead of sorting every appeal in scope.
 * - appeals_indicators: the dashboard aggregates a period of appeals; this index carries
 *   every column its counts read, so the scan never touches the table rows. It starts with
 *   submitted_date and so replaces appeals_submitted.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('appeals_submitted_at').on('appeals').columns(['submitted_at', 'id']).execute();
  await db.schema
    .createIndex('appeals_indicators')
    .on('appeals')
    .columns([
      'submitted_date',
      'org_id',
      'category',
      'department_id',
      'status',
      'late',
      'rating',
      'reopen_count',
      'first_answered_at',
      'current_due',
      'accepted_at',
      'submitted_at',
    ])
    .execute();
  await db.schema.dropIndex('appeals_submitted').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('appeals_submitted').on('appeals').column('submitted_date').execute();
  await db.schema.dropIndex('appeals_indicators').execute();
  await db.schema.dropIndex('appeals_submitted_at').execute();
}
