/**
 * The dashboard's counts kept up to date by the database itself (see appeals.cells.ts).
 *
 * - appeals.accept_work_tenths: working time from submission to acceptance, in tenths of
 *   an hour, recorded by the accept transition (the author org's calendar); backfilled here.
 * - appeal_cells: per month of submission × unit × category × department × employment
 *   category, the counts of `count()` in appeals.indicators.ts (all but the overdue count,
 *   which moves with the clock, not with a write). `total` counts every appeal, merged
 *   ones included: a department shows on the dashboard as soon as one of its appeals is in
 *   the period, as it does when the rows are read.
 * - appeal_cells_by_category, appeal_cells_by_department: the same counts per month × unit ×
 *   category, and per month × unit × department: what union staff's uncut view reads, a
 *   few rows per unit and month.
 * - appeal_acceptance_cells: per month × unit, how many accepted, not merged appeals took
 *   each number of tenths — the histogram the acceptance median is read from;
 *   appeal_acceptance_hours: the same per whole hour, far fewer rows, which tells the
 *   reader the hour the median lies in before it reads that hour's tenths.
 *
 * Triggers on appeals keep these tables in step with every insert, update and delete, on
 * both engines: an update takes the old row's contribution away and adds the new one's.
 * Rows that fall to zero stay (total = 0); readers skip them.
 *
 * The CASE expressions below mirror `count()` in appeals.indicators.ts and are frozen with
 * this migration; appeals.cells.test.ts compares the two on a randomised world.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';
import { workCalendar, type WorkCalendar } from '../../../core/calendar/calendar.js';

const NOT_MERGED = (r: string) => `${r}.status <> 'merged'`;
const ACCEPTED = `('accepted', 'assigned', 'handling', 'answered', 'closed')`;
const DONE = `('answered', 'closed')`;
const OPEN = `('submitted', 'accepted', 'assigned', 'handling')`;
const SATISFIED = `('satisfied', 'basicallySatisfied')`;

/** Column → whether the appeal `r` counts in it (SQL on the row alias `r`). */
const COUNTS: [string, (r: string) => string][] = [
  ['total', () => '1 = 1'],
  ['submitted', (r) => NOT_MERGED(r)],
  ['accepted', (r) => `${r}.status in ${ACCEPTED}`],
  ['done', (r) => `${r}.status in ${DONE}`],
  ['done_on_time', (r) => `${r}.status in ${DONE} and ${r}.late = 0`],
  ['rated', (r) => `${NOT_MERGED(r)} and ${r}.rating is not null`],
  ['satisfied', (r) => `${NOT_MERGED(r)} and ${r}.rating in ${SATISFIED}`],
  ['answered', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null`],
  ['reopened', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null and ${r}.reopen_count > 0`],
  ['open', (r) => `${r}.status in ${OPEN}`],
];
/** Key column → its value for the appeal `r`. */
const KEY_VALUE: Record<string, (r: string) => string> = {
  month: (r) => `substr(${r}.submitted_date, 1, 7)`,
  unit_id: (r) => `${r}.unit_id`,
  category: (r) => `${r}.category`,
  department_id: (r) => `coalesce(${r}.department_id, '')`,
  author_category: (r) => `coalesce(${r}.author_category, '')`,
};

/**
 * The count tables and their keys (primary-key order). appeal_cells holds every cut; the
 * two narrow ones hold what the uncut view of union staff reads — per month and category,
 * and per department — in a few rows per unit and month.
 */
export const COUNT_TABLES: readonly { table: string; key: string[] }[] = [
  { table: 'appeal_cells', key: ['month', 'unit_id', 'category', 'department_id', 'author_category'] },
  { table: 'appeal_cells_by_category', key: ['month', 'unit_id', 'category'] },
  { table: 'appeal_cells_by_department', key: ['month', 'unit_id', 'department_id'] },
];

/**
 * The acceptance histograms: tenths of an hour, and whole hours (tenths / 10, integer
 * division on both engines) that tell the reader which tenths to read. Keyed by month
 * first and the value second, so one value range is read per month.
 */
export const ACCEPTANCE_TABLES: readonly { table: string; key: string[]; value: (r: string) => string }[] = [
  { table: 'appeal_acceptance_cells', key: ['month', 'tenths', 'unit_id'], value: (r) => `${r}.accept_work_tenths` },
  { table: 'appeal_acceptance_hours', key: ['month', 'hours', 'unit_id'], value: (r) => `${r}.accept_work_tenths / 10` },
];
const accepted = (r: string) => `${r}.accept_work_tenths is not null and ${NOT_MERGED(r)}`;

/** The appeal columns the counts read: an update of any other column leaves the cells alone. */
const WATCHED = [
  'status',
  'department_id',
  'late',
  'rating',
  'first_answered_at',
  'reopen_count',
  'accept_work_tenths',
  'submitted_date',
  'unit_id',
  'category',
  'author_category',
];

/** The upserts adding `factor` × the contribution of row `r` (NEW, OLD, or a plpgsql record) to every cell table. */
function upserts(r: string, factor: string): string {
  const cols = COUNTS.map(([c]) => c);
  const values = COUNTS.map(([, when]) => `${factor} * (case when ${when(r)} then 1 else 0 end)`);
  const counts = COUNT_TABLES.map(
    ({ table, key }) => `insert into ${table} (${[...key, ...cols].join(', ')})
    values (${[...key.map((k) => KEY_VALUE[k](r)), ...values].join(', ')})
    on conflict (${key.join(', ')}) do update set ${cols.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
  );
  const acceptance = ACCEPTANCE_TABLES.map(
    ({ table, key, value }) => `insert into ${table} (month, ${key[1]}, unit_id, n)
    select ${KEY_VALUE.month(r)}, ${value(r)}, ${r}.unit_id, ${factor} where ${accepted(r)}
    on conflict (${key.join(', ')}) do update set n = ${table}.n + excluded.n`,
  );
  return [...counts, ...acceptance].join(';\n');
}

/** Recomputes the cells from the appeals (the backfill, and the bench's bulk load). */
export const REBUILD_STATEMENTS = [
  ...[...COUNT_TABLES, ...ACCEPTANCE_TABLES].map(({ table }) => `delete from ${table}`),
  ...COUNT_TABLES.map(({ table, key }) =>
    table === 'appeal_cells'
      ? `insert into appeal_cells (${[...key, ...COUNTS.map(([c]) => c)].join(', ')})
         select ${key.map((k) => KEY_VALUE[k]('a')).join(', ')}, ${COUNTS.map(([, when]) => `sum(case when ${when('a')} then 1 else 0 end)`).join(', ')}
         from appeals a group by ${key.map((k) => KEY_VALUE[k]('a')).join(', ')}`
      : `insert into ${table} (${[...key, ...COUNTS.map(([c]) => c)].join(', ')})
         select ${key.join(', ')}, ${COUNTS.map(([c]) => `sum(${c})`).join(', ')} from appeal_cells group by ${key.join(', ')}`,
  ),
  ...ACCEPTANCE_TABLES.map(
    ({ table, key, value }) => `insert into ${table} (month, ${key[1]}, unit_id, n)
     select ${KEY_VALUE.month('a')}, ${value('a')}, a.unit_id, count(*) from appeals a where ${accepted('a')}
     group by ${KEY_VALUE.month('a')}, ${value('a')}, a.unit_id`,
  ),
];

export async function rebuildCells(db: Kysely<any>): Promise<void> {
  for (const statement of REBUILD_STATEMENTS) await sql.raw(statement).execute(db);
}

/** The SQL that creates the triggers (SQLite: three; PostgreSQL: two functions, two triggers). */
export function triggerStatements(engine: 'sqlite' | 'postgres'): string[] {
  if (engine === 'postgres') {
    return [
      `create or replace function appeal_cells_add(r appeals, factor integer) returns void language plpgsql as $$
       begin
         ${upserts('r', 'factor')};
       end $$`,
      `create or replace function appeal_cells_apply() returns trigger language plpgsql as $$
       begin
         if tg_op <> 'INSERT' then perform appeal_cells_add(old, -1); end if;
         if tg_op <> 'DELETE' then perform appeal_cells_add(new, 1); end if;
         return null;
       end $$`,
      `create trigger appeal_cells_insert_delete after insert or delete on appeals for each row execute function appeal_cells_apply()`,
      `create trigger appeal_cells_update after update of ${WATCHED.join(', ')} on appeals for each row execute function appeal_cells_apply()`,
    ];
  }
  return [
    `create trigger appeal_cells_insert after insert on appeals begin
       ${upserts('new', '1')};
     end`,
    `create trigger appeal_cells_update after update of ${WATCHED.join(', ')} on appeals begin
       ${upserts('old', '-1')};
       ${upserts('new', '1')};
     end`,
    `create trigger appeal_cells_delete after delete on appeals begin
       ${upserts('old', '-1')};
     end`,
  ];
}

export const TRIGGERS = {
  sqlite: ['appeal_cells_insert', 'appeal_cells_update', 'appeal_cells_delete'],
  postgres: ['appeal_cells_insert_delete', 'appeal_cells_update'],
};

export async function dropTriggers(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  for (const name of TRIGGERS[engine]) await sql.raw(`drop trigger if exists ${name}${engine === 'postgres' ? ' on appeals' : ''}`).execute(db);
}

export async function createTriggers(db: Kysely<any>): Promise<void> {
  for (const statement of triggerStatements(engineOf(db))) await sql.raw(statement).execute(db);
}

/** Writes accept_work_tenths of accepted appeals that have none, a batch at a time. */
async function backfillTenths(db: Kysely<any>): Promise<void> {
  const closures = (await db.selectFrom('calendar_overrides as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select('o.path').distinct().execute()).map(
    (r) => r.path as string,
  );
  // Orgs under the same closures share a calendar (and its memo of working days).
  const calendars = new Map<string, WorkCalendar>();
  const calendarOf = async (path: string) => {
    const key = closures.filter((p) => path.startsWith(p)).join('|');
    if (!calendars.has(key)) calendars.set(key, await workCalendar(db as any, path));
    return calendars.get(key)!;
  };
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('appeals as a')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select(['a.id', 'a.submitted_at', 'a.accepted_at', 'o.path'])
      .where('a.accepted_at', 'is not', null)
      .where('a.id', '>', after)
      .orderBy('a.id')
      .limit(1000)
      .execute();
    if (!rows.length) return;
    // Calendars are read before the batch's transaction opens: on SQLite a read on `db`
    // inside it would wait for the one connection the transaction holds.
    const tenths: number[] = [];
    for (const r of rows) tenths.push(acceptWorkTenths(await calendarOf(r.path), r.submitted_at, r.accepted_at));
    const write = async (tx: Kysely<any>) => {
      for (const [i, r] of rows.entries()) await tx.updateTable('appeals').set({ accept_work_tenths: tenths[i] }).where('id', '=', r.id).execute();
    };
    // SQLite runs migrations outside a transaction: one commit per batch, not per row.
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    after = rows[rows.length - 1].id;
  }
}

/** The dashboard's row path reads recorded tenths instead of the two instants. */
const INDICATOR_COLUMNS = [
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
  'accept_work_tenths',
];
const OPEN_DUE_COLUMNS = [
  'status',
  'current_due',
  'submitted_date',
  'org_id',
  'unit_id',
  'department_id',
  'category',
  'author_category',
  'author_account_id',
  'author_person_id',
];
const OLD_INDICATOR_COLUMNS = [
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
];

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  // SQLite keeps each cell inside its primary-key b-tree: a range of cells is read in one pass.
  const clustered = (t: any) => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);

  await db.schema.alterTable('appeals').addColumn('accept_work_tenths', 'integer').execute();
  await backfillTenths(db);

  for (const { table, key } of COUNT_TABLES) {
    let cells = db.schema.createTable(table);
    // '' for no department or no employment category: a primary-key column cannot be null.
    for (const k of key) cells = cells.addColumn(k, 'text', (c) => c.notNull());
    for (const [c] of COUNTS) cells = cells.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
    await clustered(cells.addPrimaryKeyConstraint(`${table}_pk`, key as any)).execute();
  }
  for (const { table, key } of ACCEPTANCE_TABLES) {
    await clustered(
      db.schema
        .createTable(table)
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn(key[1], 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, key as any),
    ).execute();
  }

  await rebuildCells(db);
  await createTriggers(db);

  await db.schema.dropIndex('appeals_indicators').execute();
  await db.schema.createIndex('appeals_indicators').on('appeals').columns(INDICATOR_COLUMNS).execute();
  // The live overdue count next to the cells: the few appeals with a pending deadline, with
  // every column the dashboard's scope and cell filters read, so no table row is visited.
  await db.schema.createIndex('appeals_open_due').on('appeals').columns(OPEN_DUE_COLUMNS).where(sql.ref('current_due'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropTriggers(db);
  if (engineOf(db) === 'postgres') {
    await sql`drop function if exists appeal_cells_apply()`.execute(db);
    await sql`drop function if exists appeal_cells_add(appeals, integer)`.execute(db);
  }
  await db.schema.dropIndex('appeals_open_due').execute();
  for (const { table } of [...ACCEPTANCE_TABLES, ...COUNT_TABLES]) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('appeals_indicators').execute();
  await db.schema.createIndex('appeals_indicators').on('appeals').columns(OLD_INDICATOR_COLUMNS).execute();
  await db.schema.alterTable('appeals').dropColumn('accept_work_tenths').execute();
}

// A frozen copy of appeals.indicators.ts's acceptWorkTenths as it stood when this migration
// was written: a migration imports no module code, so a later change to the live function
// cannot change what this step of history computed.
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

function acceptWorkTenths(cal: Pick<WorkCalendar, 'isWorkingDay'>, submittedAt: string, acceptedAt: string): number {
  const start = Date.parse(submittedAt);
  const end = Date.parse(acceptedAt);
  if (!(end > start)) return 0;
  let ms = 0;
  for (let d = Math.floor((start + SHANGHAI_MS) / DAY_MS); ; d++) {
    const dayStart = d * DAY_MS - SHANGHAI_MS;
    if (dayStart >= end) break;
    if (cal.isWorkingDay(new Date(d * DAY_MS).toISOString().slice(0, 10))) ms += Math.max(0, Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart));
  }
  return Math.round((ms / 3_600_000) * 10);
}
