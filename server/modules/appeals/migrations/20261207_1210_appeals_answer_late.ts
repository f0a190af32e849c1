/**
 * A department is judged on its own answer's lateness (issue #13, docs/architecture.md 指标口径).
 *
 * `late` is the appeal's: late in any round, never cleared. A department that received a
 * reopened (or reassigned) appeal and answered it within its round's deadline still counted
 * late on its own 按时办结率 when an earlier round — another department's — was late. The
 * appeal now also keeps `last_answer_late`: whether its latest answer came after the end of
 * the deadline day of the round it answered (null: never answered). It is written by each
 * answer (the round's lateness, as the 'answered' event's data records it) and left alone by
 * a reopen or a reassignment. An answered or closed appeal cannot be reassigned, so its
 * current department is the one that gave that answer.
 *
 * Two counts join the cells, in the case's group (the current department): `done_last_on_time`
 * (answered or closed, the latest answer on time) and `closed_last_on_time` (closed, the
 * latest answer on time). A department's 按时答复率 and 按时办结率 are ratios of these; the
 * figures of a unit or of the whole org keep `done_on_time` / `closed_on_time` (every round
 * on time).
 *
 * The triggers of 20261207_0900 are replaced under the same names (the earlier down()s and
 * the bench's bulk loader drop them by those names), now also watching `last_answer_late`;
 * the cells are recounted once. A migration imports no module code, nor another migration:
 * the tables, the counts and the trigger shape are copied from 20261207_0900, frozen.
 * Backfill: the `late` flag of the appeal's latest 'answered' event; an answered appeal with
 * no such event (a bulk load without history) takes the appeal's `late`.
 * down() writes 20261207_0900's triggers back with the same generator, drops the two cell
 * columns and the appeal's column; the other columns were kept by either trigger set.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';

const NOT_MERGED = (r: string) => `${r}.status <> 'merged'`;
const ACCEPTED = `('accepted', 'assigned', 'handling', 'answered', 'closed')`;
const DONE = `('answered', 'closed')`;
const OPEN = `('submitted', 'accepted', 'assigned', 'handling')`;
const SATISFIED = `('satisfied', 'basicallySatisfied')`;

type Group = 'case' | 'answer' | 'rating';
type Count = [column: string, group: Group, when: (r: string) => string];

/** The counts of 20261207_0900: column → its attribution group and whether the appeal `r` counts in it. */
const BEFORE: Count[] = [
  ['submitted', 'case', (r) => NOT_MERGED(r)],
  ['accepted', 'case', (r) => `${r}.status in ${ACCEPTED}`],
  ['done', 'case', (r) => `${r}.status in ${DONE}`],
  ['done_on_time', 'case', (r) => `${r}.status in ${DONE} and ${r}.late = 0`],
  ['rated', 'rating', (r) => `${NOT_MERGED(r)} and ${r}.rating is not null`],
  ['satisfied', 'rating', (r) => `${NOT_MERGED(r)} and ${r}.rating in ${SATISFIED}`],
  ['answered', 'answer', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null`],
  ['reopened', 'answer', (r) => `${NOT_MERGED(r)} and ${r}.first_answered_at is not null and ${r}.reopen_count > 0`],
  ['open', 'case', (r) => `${r}.status in ${OPEN}`],
  ['closed', 'case', (r) => `${r}.status = 'closed'`],
  ['closed_on_time', 'case', (r) => `${r}.status = 'closed' and ${r}.late = 0`],
  [
    'accepted_on_time',
    'case',
    (r) => `${r}.status in ${ACCEPTED} and ${r}.accepted_at is not null and ${r}.accepted_at < (${r}.accept_due_date || 'T16:00:00.000Z')`,
  ],
  ['fully_satisfied', 'rating', (r) => `${NOT_MERGED(r)} and ${r}.rating = 'satisfied'`],
];
/** The two this migration adds. */
export const ADDED: Count[] = [
  ['done_last_on_time', 'case', (r) => `${r}.status in ${DONE} and ${r}.last_answer_late = 0`],
  ['closed_last_on_time', 'case', (r) => `${r}.status = 'closed' and ${r}.last_answer_late = 0`],
];

/** The count tables of 20261126_0900 and their keys (primary-key order). */
export const COUNT_TABLES: readonly { table: string; key: string[] }[] = [
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

/** The department ('' = none) each group of the appeal `r` is attributed to; a group with no fact yet stays with the case. */
function departmentOf(g: Group, r: string): string {
  const current = `coalesce(${r}.department_id, '')`;
  if (g === 'case') return current;
  if (g === 'answer') return `(case when ${r}.first_answered_at is null then ${current} else coalesce(${r}.first_answer_department_id, '') end)`;
  return `(case when ${r}.rating is null then ${current} else coalesce(${r}.rated_department_id, '') end)`;
}

const KEY_VALUE: Record<string, (r: string) => string> = {
  month: (r) => `substr(${r}.submitted_date, 1, 7)`,
  unit_id: (r) => `${r}.unit_id`,
  category: (r) => `${r}.category`,
  author_category: (r) => `coalesce(${r}.author_category, '')`,
};

const counted = (when: string) => `(case when ${when} then 1 else 0 end)`;

/** The trigger and recount SQL for a list of counts: 20261207_0900's with `BEFORE`, this one's with `BEFORE` + `ADDED`. */
function generator(COUNTS: Count[]) {
  const COLUMNS = ['total', ...COUNTS.map(([c]) => c)];

  /**
   * The appeal's parts, one per distinct department it touches: [department, where, values
   * of COLUMNS]. The case's department takes every group attributed to the same department;
   * the first answer's, when another, takes its group and the rating when that is its too;
   * the rating's, when neither, takes the rating alone.
   */
  function parts(r: string): [string, string, string[]][] {
    const d = (g: Group) => departmentOf(g, r);
    // Whether a column of group `g` goes to the part of `here`'s department (SQL, or a constant).
    const goes = (g: Group, here: Group): string | boolean => {
      if (g === here) return true;
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
    return [
      [d('case'), '1 = 1', values('case')],
      [d('answer'), `${d('answer')} <> ${d('case')}`, values('answer')],
      [d('rating'), `${d('rating')} <> ${d('case')} and ${d('rating')} <> ${d('answer')}`, values('rating')],
    ];
  }

  /** A whole appeal (no department): the unit-only table. */
  const whole = (r: string) => ['1', ...COUNTS.map(([, , when]) => counted(when(r)))];
  const keyOf = (k: string, r: string, dept: string) => (k === 'department_id' ? dept : KEY_VALUE[k](r));
  const tableKey = (table: string) => COUNT_TABLES.find((t) => t.table === table)!.key;

  /** The upserts adding `factor` × the contribution of row `r` to every cell table. */
  function upserts(r: string, factor: string): string {
    const out: string[] = [];
    for (const { table, key } of COUNT_TABLES) {
      const rows: [string, string, string[]][] = key.includes('department_id') ? parts(r) : [['', '1 = 1', whole(r)]];
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
  function rebuild(): string[] {
    const cut = (table: 'appeal_cells' | 'appeal_cells_by_department') => {
      const key = tableKey(table);
      const union = parts('a')
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

  /** The appeal columns the counts read (the latest answer's lateness when the counts include it). */
  const watched = [
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
    'first_answer_department_id',
    'rated_department_id',
    'accepted_at',
    'accept_due_date',
    ...(COUNTS.some(([c]) => c === 'closed_last_on_time') ? ['last_answer_late'] : []),
  ].join(', ');

  function triggers(engine: 'sqlite' | 'postgres'): string[] {
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
        `create trigger appeal_cells_update after update of ${watched} on appeals for each row execute function appeal_cells_apply()`,
      ];
    }
    return [
      `create trigger appeal_cells_insert after insert on appeals begin
         ${upserts('new', '1')};
       end`,
      `create trigger appeal_cells_update after update of ${watched} on appeals begin
         ${upserts('old', '-1')};
         ${upserts('new', '1')};
       end`,
      `create trigger appeal_cells_delete after delete on appeals begin
         ${upserts('old', '-1')};
       end`,
    ];
  }
  return { rebuild, triggers };
}

const now = generator([...BEFORE, ...ADDED]);
const before = generator(BEFORE);

/** The cells recounted with the two counts: the bench's bulk load. */
export const REBUILD_STATEMENTS = now.rebuild();
/** The SQL that creates the triggers, under 20261126_0900's names (the bench's bulk loader recreates them). */
export const triggerStatements = (engine: 'sqlite' | 'postgres') => now.triggers(engine);

/** A department's 按时办结率 drills into the list by it (issue #16: every list filter is read through an index). */
const LATE_INDEX = 'appeals_last_answer_late_scope';

async function dropTriggers(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  for (const name of TRIGGERS[engine]) await sql.raw(`drop trigger if exists ${name}${engine === 'postgres' ? ' on appeals' : ''}`).execute(db);
}

async function run(db: Kysely<any>, statements: readonly string[]) {
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Each answered appeal's latest answer's lateness, from its 'answered' events; the appeal's `late` when it has none. */
async function backfill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('appeals')
      .select(['id', 'late'])
      .where('first_answered_at', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!rows.length) return;
    const events = await db
      .selectFrom('appeal_events')
      .select(['appeal_id', 'at', 'data'])
      .where('kind', '=', 'answered')
      .where(
        'appeal_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('at')
      .execute();
    // Ordered by time: the last one seen is the latest answer.
    const latest = new Map<string, number>();
    for (const e of events) {
      const late = JSON.parse(e.data ?? '{}').late;
      if (typeof late === 'boolean') latest.set(e.appeal_id, late ? 1 : 0);
    }
    const write = async (tx: Kysely<any>) => {
      for (const r of rows) {
        await tx
          .updateTable('appeals')
          .set({ last_answer_late: latest.get(r.id) ?? Number(r.late) })
          .where('id', '=', r.id)
          .execute();
      }
    };
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    after = rows[rows.length - 1].id;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('last_answer_late', 'integer').execute();
  for (const { table } of COUNT_TABLES) {
    for (const [column] of ADDED)
      await db.schema
        .alterTable(table)
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
  }
  // The backfill's updates must not reach the old triggers: the cells are recounted after it.
  await dropTriggers(db);
  await backfill(db);
  await run(db, REBUILD_STATEMENTS);
  await run(db, triggerStatements(engineOf(db)));
  await sql.raw(`create index ${LATE_INDEX} on appeals (org_path) where last_answer_late = 1`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop index if exists ${LATE_INDEX}`).execute(db);
  await dropTriggers(db);
  await run(db, before.triggers(engineOf(db)));
  for (const { table } of COUNT_TABLES) {
    for (const [column] of ADDED) await db.schema.alterTable(table).dropColumn(column).execute();
  }
  await db.schema.alterTable('appeals').dropColumn('last_answer_late').execute();
}
