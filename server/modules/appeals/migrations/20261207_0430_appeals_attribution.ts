/**
 * Per-department figures follow the department whose work they judge (issue #13).
 *
 * An appeal answered by 生产部, rated 不满意 and reopened, then reassigned to 机电部, used to
 * take its unsatisfied rating (and its "answered, then reopened") into 机电部's cells: the
 * cells were keyed by the appeal's current department alone. Two facts are now kept on the
 * appeal, written by the transition that makes them and left alone by a reopen or a
 * reassignment (a later round does not rewrite an earlier round's facts):
 *
 * - `first_answer_department_id`: the department that gave the first answer (null: union
 *   staff answered it themselves). The first reopen always rejects that answer, so the
 *   reopen rate ("reopened at least once ÷ answered at least once") is its department's;
 * - `rated_department_id`: the department whose answer the latest rating rated (null: an
 *   answer of union staff).
 *
 * The counts fall into three attribution groups (docs/architecture.md, 指标口径):
 * - the case (current department): submitted, accepted, open, and answered/closed as a
 *   status — an answered or closed appeal cannot be reassigned, so its current department
 *   is the one that gave its latest answer;
 * - the first answer: answered at least once, reopened at least once;
 * - the rating: rated, satisfied (and, read from the rows, 满意 alone).
 * A department's cell holds each group of the appeals attributed to it, and `total` = 1
 * in every department an appeal touches (so a department whose answer was rated shows on
 * the dashboard although the appeal has moved on). The unit-only tables are unchanged.
 *
 * The triggers of 20261126_0900 are replaced under the same names (its down() and the
 * bench's bulk loader drop them by those names); the cells are recounted once. A migration
 * imports no module code, nor another migration: the tables, the counts and the trigger
 * shape are copied here, frozen; down() writes 20261126_0900's triggers back with the same
 * generator, every group kept with the case (which is what they counted).
 * Backfill: the department at the time of the first answer and of the latest rating, read
 * from the appeal's 'assigned' events; an appeal with a department and no such event at all
 * (a bulk load without history) takes its current department.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';

const NOT_MERGED = (r: string) => `${r}.status <> 'merged'`;
const ACCEPTED = `('accepted', 'assigned', 'handling', 'answered', 'closed')`;
const DONE = `('answered', 'closed')`;
const OPEN = `('submitted', 'accepted', 'assigned', 'handling')`;
const SATISFIED = `('satisfied', 'basicallySatisfied')`;

type Group = 'case' | 'answer' | 'rating';

/** Column → its attribution group and whether the appeal `r` counts in it (as in 20261126_0900). */
const COUNTS: [string, Group, (r: string) => string][] = [
  ['submitted', 'case', (r) => NOT_MERGED(r)],
  ['accepted', 'case', (r) => `${r}.status in ${ACCEPTED}`],
  ['done', 'case', (r) => `${r}.status in ${DONE}`],
  ['done_on_time', 'case', (r) => `${r}.status in ${DONE} and ${r}.late = 0`],
  ['rated', 'rating', (r) => `${NOT_MERGED(r)} and ${r}.rating is not null`],
  ['satisfied', 'rating', (r) => `${NOT_MERGED(r)} and ${r}.rating in ${SATISFIED}`],
  ['answered', 'answer', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null`],
  ['reopened', 'answer', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null and ${r}.reopen_count > 0`],
  ['open', 'case', (r) => `${r}.status in ${OPEN}`],
];

/** The count tables of 20261126_0900 and their keys (primary-key order). */
const COUNT_TABLES: readonly { table: string; key: string[] }[] = [
  { table: 'appeal_cells', key: ['month', 'unit_id', 'category', 'department_id', 'author_category'] },
  { table: 'appeal_cells_by_category', key: ['month', 'unit_id', 'category'] },
  { table: 'appeal_cells_by_department', key: ['month', 'unit_id', 'department_id'] },
];
/** Its acceptance histograms. */
const ACCEPTANCE_TABLES: readonly { table: string; key: string[]; value: (r: string) => string }[] = [
  { table: 'appeal_acceptance_cells', key: ['month', 'tenths', 'unit_id'], value: (r) => `${r}.accept_work_tenths` },
  { table: 'appeal_acceptance_hours', key: ['month', 'hours', 'unit_id'], value: (r) => `${r}.accept_work_tenths / 10` },
];
export const TRIGGERS = {
  sqlite: ['appeal_cells_insert', 'appeal_cells_update', 'appeal_cells_delete'],
  postgres: ['appeal_cells_insert_delete', 'appeal_cells_update'],
};

/** The department ('' = none) each group of the appeal `r` is attributed to; a group with no fact yet stays with the case. `attributed: false`: the case's for all (20261126_0900). */
function departmentOf(g: Group, r: string, attributed: boolean): string {
  const current = `coalesce(${r}.department_id, '')`;
  if (!attributed || g === 'case') return current;
  if (g === 'answer') return `(case when ${r}.first_answered_at is null then ${current} else coalesce(${r}.first_answer_department_id, '') end)`;
  return `(case when ${r}.rating is null then ${current} else coalesce(${r}.rated_department_id, '') end)`;
}

const KEY_VALUE: Record<string, (r: string) => string> = {
  month: (r) => `substr(${r}.submitted_date, 1, 7)`,
  unit_id: (r) => `${r}.unit_id`,
  category: (r) => `${r}.category`,
  author_category: (r) => `coalesce(${r}.author_category, '')`,
};

const COLUMNS = ['total', ...COUNTS.map(([c]) => c)];
const counted = (when: string) => `(case when ${when} then 1 else 0 end)`;

/**
 * The appeal's parts, one per distinct department it touches: [department, where, values
 * of COLUMNS]. The case's department takes every group attributed to the same department;
 * the first answer's, when another, takes its group and the rating when that is its too;
 * the rating's, when neither, takes the rating alone. Unattributed, the case's part is all.
 */
function parts(r: string, attributed: boolean): [string, string, string[]][] {
  const d = (g: Group) => departmentOf(g, r, attributed);
  // Whether a column of group `g` goes to the part of `here`'s department (SQL, or a constant).
  const goes = (g: Group, here: Group): string | boolean => {
    if (g === here || !attributed) return g === here || here === 'case';
    if (here === 'case') return `${d(g)} = ${d('case')}`;
    if (here === 'answer' && g === 'rating') return `${d('rating')} = ${d('answer')}`;
    return false;
  };
  const values = (here: Group) => [
    '1',
    ...COUNTS.map(([, g, when]) => {
      const to = goes(g, here);
      return to === true ? counted(when(r)) : to === false ? '0' : counted(`${to} and ${when(r)}`);
    }),
  ];
  const out: [string, string, string[]][] = [[d('case'), '1 = 1', values('case')]];
  if (attributed) {
    out.push([d('answer'), `${d('answer')} <> ${d('case')}`, values('answer')]);
    out.push([d('rating'), `${d('rating')} <> ${d('case')} and ${d('rating')} <> ${d('answer')}`, values('rating')]);
  }
  return out;
}

/** A whole appeal (no department): the unit-only table. */
const whole = (r: string) => ['1', ...COUNTS.map(([, , when]) => counted(when(r)))];

const keyOf = (k: string, r: string, dept: string) => (k === 'department_id' ? dept : KEY_VALUE[k](r));
const tableKey = (table: string) => COUNT_TABLES.find((t) => t.table === table)!.key;

/** The upserts adding `factor` × the contribution of row `r` to every cell table. */
function upserts(r: string, factor: string, attributed: boolean): string {
  const out: string[] = [];
  for (const { table, key } of COUNT_TABLES) {
    const rows: [string, string, string[]][] = key.includes('department_id') ? parts(r, attributed) : [['', '1 = 1', whole(r)]];
    for (const [dept, where, values] of rows) {
      out.push(`insert into ${table} (${[...key, ...COLUMNS].join(', ')})
        select ${[...key.map((k) => keyOf(k, r, dept)), ...values.map((v) => `${factor} * ${v}`)].join(', ')} where ${where}
        on conflict (${key.join(', ')}) do update set ${COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`);
    }
  }
  for (const { table, key, value } of ACCEPTANCE_TABLES) {
    out.push(`insert into ${table} (month, ${key[1]}, unit_id, n)
      select ${KEY_VALUE.month(r)}, ${value(r)}, ${r}.unit_id, ${factor} where ${r}.accept_work_tenths is not null and ${NOT_MERGED(r)}
      on conflict (${key.join(', ')}) do update set n = ${table}.n + excluded.n`);
  }
  return out.join(';\n');
}

/** Recomputes the cells from the appeals. */
function rebuildStatements(attributed: boolean): string[] {
  const cut = (table: 'appeal_cells' | 'appeal_cells_by_department') => {
    const key = tableKey(table);
    const union = parts('a', attributed)
      .map(
        ([dept, where, values]) =>
          `select ${[...key.map((k) => `${keyOf(k, 'a', dept)} as ${k}`), ...values.map((v, i) => `${v} as ${COLUMNS[i]}`)].join(', ')} from appeals a where ${where}`,
      )
      .join('\nunion all\n');
    return `insert into ${table} (${[...key, ...COLUMNS].join(', ')})
      select ${key.join(', ')}, ${COLUMNS.map((c) => `sum(${c})`).join(', ')} from (${union}) p group by ${key.join(', ')}`;
  };
  const byCategory = tableKey('appeal_cells_by_category');
  return [
    ...[...COUNT_TABLES, ...ACCEPTANCE_TABLES].map(({ table }) => `delete from ${table}`),
    cut('appeal_cells'),
    cut('appeal_cells_by_department'),
    `insert into appeal_cells_by_category (${[...byCategory, ...COLUMNS].join(', ')})
      select ${byCategory.map((k) => KEY_VALUE[k]('a')).join(', ')}, ${whole('a')
        .map((v) => `sum(${v})`)
        .join(', ')}
      from appeals a group by ${byCategory.map((k) => KEY_VALUE[k]('a')).join(', ')}`,
    ...ACCEPTANCE_TABLES.map(
      ({ table, key, value }) => `insert into ${table} (month, ${key[1]}, unit_id, n)
       select ${KEY_VALUE.month('a')}, ${value('a')}, a.unit_id, count(*) from appeals a where a.accept_work_tenths is not null and ${NOT_MERGED('a')}
       group by ${KEY_VALUE.month('a')}, ${value('a')}, a.unit_id`,
    ),
  ];
}

/** The cells recounted with attribution: the backfill, and the bench's bulk load. */
export const REBUILD_STATEMENTS = rebuildStatements(true);

/** The appeal columns the counts read. */
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

function triggers(engine: 'sqlite' | 'postgres', attributed: boolean): string[] {
  const watched = [...WATCHED, ...(attributed ? ['first_answer_department_id', 'rated_department_id'] : [])].join(', ');
  if (engine === 'postgres') {
    return [
      `create or replace function appeal_cells_add(r appeals, factor integer) returns void language plpgsql as $$
       begin
         ${upserts('r', 'factor', attributed)};
       end $$`,
      `create or replace function appeal_cells_apply() returns trigger language plpgsql as $$
       begin
         if tg_op <> 'INSERT' then perform appeal_cells_add(old, -1); end if;
         if tg_op <> 'DELETE' then perform appeal_cells_add(new, 1); end if;
         return null;
       end $$`,
      `create trigger appeal_cells_insert_delete after insert or delete on appeals for each row execute function appeal_cells_apply()`,
      `create trigger appeal_cells_update after update of ${watched} on appeals for each row execute function appeal_cells_apply()`,
    ];
  }
  return [
    `create trigger appeal_cells_insert after insert on appeals begin
       ${upserts('new', '1', attributed)};
     end`,
    `create trigger appeal_cells_update after update of ${watched} on appeals begin
       ${upserts('old', '-1', attributed)};
       ${upserts('new', '1', attributed)};
     end`,
    `create trigger appeal_cells_delete after delete on appeals begin
       ${upserts('old', '-1', attributed)};
     end`,
  ];
}

/** The SQL that creates the attributed triggers, under 20261126_0900's names (the bench's bulk loader recreates them). */
export const triggerStatements = (engine: 'sqlite' | 'postgres') => triggers(engine, true);

async function dropTriggers(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  for (const name of TRIGGERS[engine]) await sql.raw(`drop trigger if exists ${name}${engine === 'postgres' ? ' on appeals' : ''}`).execute(db);
}

async function run(db: Kysely<any>, statements: readonly string[]) {
  for (const s of statements) await sql.raw(s).execute(db);
}

/** The department an appeal had at `at`: its last 'assigned' event by then (null before any); `fallback` when it has none at all. */
function departmentAt(assigned: { at: string; department: string }[], at: string, fallback: string | null): string | null {
  if (!assigned.length) return fallback;
  let out: string | null = null;
  for (const e of assigned) if (e.at <= at) out = e.department;
  return out;
}

async function backfill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('appeals')
      .select(['id', 'department_id', 'first_answered_at', 'rating', 'rated_at'])
      .where((eb) => eb.or([eb('first_answered_at', 'is not', null), eb('rating', 'is not', null)]))
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!rows.length) return;
    const events = await db
      .selectFrom('appeal_events')
      .select(['appeal_id', 'at', 'data'])
      .where('kind', '=', 'assigned')
      .where(
        'appeal_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('at')
      .execute();
    const assigned = new Map<string, { at: string; department: string }[]>();
    for (const e of events) {
      const department = JSON.parse(e.data ?? '{}').departmentId;
      if (typeof department === 'string') assigned.set(e.appeal_id, [...(assigned.get(e.appeal_id) ?? []), { at: e.at, department }]);
    }
    const write = async (tx: Kysely<any>) => {
      for (const r of rows) {
        const history = assigned.get(r.id) ?? [];
        await tx
          .updateTable('appeals')
          .set({
            first_answer_department_id: r.first_answered_at ? departmentAt(history, r.first_answered_at, r.department_id) : null,
            rated_department_id: r.rating ? departmentAt(history, r.rated_at ?? r.first_answered_at ?? '', r.department_id) : null,
          })
          .where('id', '=', r.id)
          .execute();
      }
    };
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    after = rows[rows.length - 1].id;
  }
}

/** The dashboard's row path reads the two departments off the index too (see 20261126_0900). */
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

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('first_answer_department_id', 'text').execute();
  await db.schema.alterTable('appeals').addColumn('rated_department_id', 'text').execute();
  // The backfill's updates must not reach the old triggers: the cells are recounted after it.
  await dropTriggers(db);
  await backfill(db);
  await run(db, REBUILD_STATEMENTS);
  await run(db, triggers(engineOf(db), true));
  await db.schema.dropIndex('appeals_indicators').execute();
  await db.schema
    .createIndex('appeals_indicators')
    .on('appeals')
    .columns([...INDICATOR_COLUMNS, 'first_answer_department_id', 'rated_department_id'])
    .execute();
  // A department's 满意率 and 重办率 drill into the list by these (issue #16: every list filter is read through an index).
  for (const [name, column] of DRILL_INDEXES) await sql.raw(`create index ${name} on appeals (${column}, org_path) where ${column} is not null`).execute(db);
}

const DRILL_INDEXES = [
  ['appeals_rated_department', 'rated_department_id'],
  ['appeals_first_answer_department', 'first_answer_department_id'],
] as const;

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of DRILL_INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
  await dropTriggers(db);
  await run(db, triggers(engineOf(db), false));
  await db.schema.dropIndex('appeals_indicators').execute();
  await db.schema.createIndex('appeals_indicators').on('appeals').columns(INDICATOR_COLUMNS).execute();
  await run(db, rebuildStatements(false));
  await db.schema.alterTable('appeals').dropColumn('rated_department_id').execute();
  await db.schema.alterTable('appeals').dropColumn('first_answer_department_id').execute();
}
