import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite stores these rows in their primary-key b-tree, so they carry no hidden insertion order (rowid).
  const keyOrdered = (t: any) => (engineOf(db) === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);

  // 表决事项: an item the session decides; counts are written once, when the vote closes.
  await db.schema
    .createTable('congress_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('secret', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // What another practice put to the vote (a collective contract draft, say).
    .addColumn('subject_kind', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('subject_label', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('representatives', 'integer')
    .addColumn('present', 'integer')
    .addColumn('voted', 'integer')
    .addColumn('for_count', 'integer')
    .addColumn('against_count', 'integer')
    .addColumn('abstain_count', 'integer')
    .addColumn('passed', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('congress_votes_session').on('congress_votes').columns(['session_id', 'created_at']).execute();
  await db.schema.createIndex('congress_votes_subject').on('congress_votes').columns(['subject_kind', 'subject_id']).execute();

  // Who voted: no choice, no time, nothing shared with a ballot but the vote.
  await keyOrdered(
    db.schema
      .createTable('congress_ballot_voters')
      .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
      .addColumn('representative_id', 'text', (c) => c.notNull().references('congress_representatives.id'))
      .addPrimaryKeyConstraint('congress_ballot_voters_pk', ['vote_id', 'representative_id']),
  ).execute();

  // What was chosen: a random (not time-ordered) id, the choice, and for a secret ballot the hash of the voter's receipt.
  await keyOrdered(
    db.schema
      .createTable('congress_ballots')
      .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('choice', 'text', (c) => c.notNull())
      .addColumn('receipt_hash', 'text')
      .addPrimaryKeyConstraint('congress_ballots_pk', ['vote_id', 'id']),
  ).execute();

  // 记名表决: an open vote also records each representative's choice, which is public once it closes.
  await db.schema
    .createTable('congress_open_choices')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
    .addColumn('representative_id', 'text', (c) => c.notNull().references('congress_representatives.id'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_open_choices_pk', ['vote_id', 'representative_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['congress_open_choices', 'congress_ballots', 'congress_ballot_voters', 'congress_votes']) await db.schema.dropTable(t).execute();
}
