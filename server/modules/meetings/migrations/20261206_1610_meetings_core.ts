import type { Kysely } from 'kysely';
import { pathColumn } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A series: the regular union meetings of an org, or its joint meetings with the administration.
  await db.schema
    .createTable('meeting_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_series_org').on('meeting_series').columns(['org_path', 'name']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('meeting_series.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('held_date', 'text')
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text')
    .addColumn('published_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('published_org_path', pathColumn(db))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_series_date').on('meetings').columns(['series_id', 'planned_date', 'id']).execute();
  await db.schema.createIndex('meetings_org_date').on('meetings').columns(['org_path', 'planned_date', 'id']).execute();
  await db.schema.createIndex('meetings_published').on('meetings').columns(['published_org_path', 'planned_date']).execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('minutes', 'text')
    .addColumn('carry_over', 'integer', (c) => c.notNull())
    .addUniqueConstraint('meeting_agenda_items_seq', ['meeting_id', 'seq'])
    .execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('signed_in_at', 'text')
    .addColumn('absence_reason', 'text')
    .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'account_id'])
    .execute();
  await db.schema.createIndex('meeting_attendees_account').on('meeting_attendees').columns(['account_id', 'meeting_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['meeting_attendees', 'meeting_agenda_items', 'meetings', 'meeting_series']) await db.schema.dropTable(t).execute();
}
