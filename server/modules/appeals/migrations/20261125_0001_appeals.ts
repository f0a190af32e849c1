import type { Kysely } from 'kysely';
import { createSearchIndex, dropSearchIndex } from '../../../core/search/search.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // Where the author works (scope of union staff), and the mine or branch union it belongs to (group alerts).
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('department_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('author_person_id', 'text', (c) => c.references('persons.id'))
    // Snapshot at submission, so indicators by employment category do not move when a roster changes.
    .addColumn('author_category', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_date', 'text', (c) => c.notNull())
    .addColumn('accept_due_date', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('due_date', 'text')
    // The deadline of the stage the appeal is in; null once nothing is pending. Lists filter the 红黄灯 on it.
    .addColumn('current_due', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('first_answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decline_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('master_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('affected_workers', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('group_alert_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeals_author').on('appeals').columns(['author_account_id', 'submitted_at']).execute();
  await db.schema.createIndex('appeals_author_person').on('appeals').columns(['author_person_id', 'submitted_at']).execute();
  await db.schema.createIndex('appeals_org_date').on('appeals').columns(['org_id', 'submitted_date']).execute();
  await db.schema.createIndex('appeals_department').on('appeals').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('appeals_status_due').on('appeals').columns(['status', 'current_due']).execute();
  await db.schema.createIndex('appeals_submitted').on('appeals').columns(['submitted_date']).execute();
  await db.schema.createIndex('appeals_master').on('appeals').column('master_id').execute();
  await db.schema.createIndex('appeals_group').on('appeals').column('group_alert_id').execute();

  await db.schema
    .createTable('appeal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Null when the author of an anonymous appeal acted: the timeline never names them.
    .addColumn('actor_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('actor_label', 'text')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('appeal_events_appeal').on('appeal_events').columns(['appeal_id', 'at']).execute();

  await db.schema
    .createTable('appeal_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('uploader_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_attachments_appeal').on('appeal_attachments').column('appeal_id').execute();
  await db.schema.createIndex('appeal_attachments_orphans').on('appeal_attachments').columns(['uploader_account_id', 'created_at']).execute();

  await db.schema
    .createTable('appeal_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('old_due_date', 'text', (c) => c.notNull())
    .addColumn('new_due_date', 'text')
    .execute();
  await db.schema.createIndex('appeal_extensions_appeal').on('appeal_extensions').columns(['appeal_id', 'status']).execute();

  await db.schema
    .createTable('appeal_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appeal_ratings_round', ['appeal_id', 'round'])
    .execute();

  // One row per reminder or escalation sent: the key makes a second run (or a second instance) a no-op.
  await db.schema
    .createTable('appeal_reminders')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_reminders_pk', ['appeal_id', 'kind', 'due_date'])
    .execute();

  await db.schema
    .createTable('appeal_deadline_rules')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('accept_days', 'integer', (c) => c.notNull())
    .addColumn('consultation_days', 'integer', (c) => c.notNull())
    .addColumn('request_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_deadline_rules_pk', ['org_id', 'category', 'urgency'])
    .execute();

  await db.schema
    .createTable('appeal_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('reopen_limit', 'integer')
    .addColumn('group_min_workers', 'integer')
    .addColumn('group_window_days', 'integer')
    // Hundredths, so the column is an integer on both engines.
    .addColumn('group_threshold_pct', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Per-appeal similarity signature, computed once at intake.
  await db.schema
    .createTable('appeal_signatures')
    .addColumn('appeal_id', 'text', (c) => c.primaryKey().references('appeals.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('author_key', 'text', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull())
    .addColumn('group_alert_id', 'text')
    // 1 once the appeal's alert was dismissed or answered: it does not count towards a new one.
    .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('appeal_signatures_alert').on('appeal_signatures').columns(['group_alert_id', 'author_key']).execute();
  // What an appeal is mainly about (see issueKeys): candidates are read through this index,
  // so a busy unit's other topics are never loaded.
  await db.schema
    .createTable('appeal_signature_keys')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addPrimaryKeyConstraint('appeal_signature_keys_pk', ['unit_id', 'category', 'key', 'submitted_at', 'appeal_id'])
    .execute();

  await db.schema
    .createTable('appeal_group_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('worker_count', 'integer', (c) => c.notNull())
    .addColumn('appeal_count', 'integer', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_group_alerts_unit').on('appeal_group_alerts').columns(['unit_id', 'status', 'raised_at']).execute();

  // Serialises group checks of one unit and category: concurrent intakes wait on this row, so
  // two of them can never each see four others and raise two alerts.
  await db.schema
    .createTable('appeal_group_locks')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_group_locks_pk', ['unit_id', 'category'])
    .execute();

  // Human-readable numbers per Shanghai day: SQ20261008-0007.
  await db.schema
    .createTable('appeal_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();

  await createSearchIndex(db, 'appeal_search');
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropSearchIndex(db, 'appeal_search');
  for (const t of [
    'appeal_counters',
    'appeal_group_locks',
    'appeal_group_alerts',
    'appeal_signature_keys',
    'appeal_signatures',
    'appeal_settings',
    'appeal_deadline_rules',
    'appeal_reminders',
    'appeal_ratings',
    'appeal_extensions',
    'appeal_attachments',
    'appeal_events',
    'appeals',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
