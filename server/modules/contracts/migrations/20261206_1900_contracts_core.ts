import type { Kysely } from 'kysely';
import { pathColumn } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // One contract from the bargaining request to its term's end; the clocks are stored as dates.
  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('predecessor_id', 'text', (c) => c.references('contracts.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('request_date', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'text', (c) => c.notNull())
    .addColumn('replied_date', 'text')
    .addColumn('term_years', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('review_mode', 'text')
    .addColumn('congress_vote_id', 'text')
    .addColumn('vote_eligible', 'integer')
    .addColumn('vote_for', 'integer')
    .addColumn('vote_against', 'integer')
    .addColumn('vote_abstain', 'integer')
    .addColumn('signed_date', 'text')
    .addColumn('filing_due', 'text')
    .addColumn('received_date', 'text')
    .addColumn('objection_due', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('published_date', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_org').on('contracts').columns(['org_path', 'status', 'ends_on']).execute();
  await db.schema.createIndex('contracts_ends').on('contracts').columns(['ends_on', 'status']).execute();

  await db.schema
    .createTable('contract_negotiators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('chief', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contract_negotiators_contract').on('contract_negotiators').columns(['contract_id', 'side']).execute();

  await db.schema
    .createTable('contract_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('held_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contract_rounds_seq', ['contract_id', 'seq'])
    .execute();
  await db.schema
    .createTable('contract_positions')
    .addColumn('round_id', 'text', (c) => c.notNull().references('contract_rounds.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('union_position', 'text', (c) => c.notNull())
    .addColumn('employer_position', 'text', (c) => c.notNull())
    .addColumn('agreed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_positions_pk', ['round_id', 'seq'])
    .execute();

  // Every version keeps its own clause rows: the diff reads two versions, the monitoring the signed one.
  await db.schema
    .createTable('contract_versions')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_versions_pk', ['contract_id', 'version'])
    .execute();
  await db.schema
    .createTable('contract_clauses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('chapter', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('promise', 'integer', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('decided_item_id', 'text')
    .addUniqueConstraint('contract_clauses_number', ['contract_id', 'version', 'number'])
    .execute();

  await db.schema
    .createTable('contract_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clause_id', 'text', (c) => c.notNull().references('contract_clauses.id'))
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('evidence_required', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('finding', 'text')
    .addColumn('checked_date', 'text')
    .addColumn('checked_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contract_checkpoints_clause').on('contract_checkpoints').columns(['clause_id', 'due_date']).execute();
  await db.schema.createIndex('contract_checkpoints_contract').on('contract_checkpoints').columns(['contract_id', 'clause_id']).execute();

  // Appeals belong to appeals; this table only links one to a clause (no author is copied).
  await db.schema
    .createTable('contract_clause_citations')
    .addColumn('clause_id', 'text', (c) => c.notNull().references('contract_clauses.id'))
    .addColumn('appeal_id', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('appeal_date', 'text', (c) => c.notNull())
    .addColumn('cited_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('cited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_clause_citations_pk', ['clause_id', 'appeal_id'])
    .execute();
  await db.schema
    .createIndex('contract_clause_citations_contract')
    .on('contract_clause_citations')
    .columns(['contract_id', 'clause_id', 'appeal_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'contract_clause_citations',
    'contract_checkpoints',
    'contract_clauses',
    'contract_versions',
    'contract_positions',
    'contract_rounds',
    'contract_negotiators',
    'contracts',
  ])
    await db.schema.dropTable(t).execute();
}
