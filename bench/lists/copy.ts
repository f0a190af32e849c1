/**
 * The same data on PostgreSQL: every table of a migrated SQLite bench file copied into a
 * migrated PostgreSQL database, so both engines answer over identical rows. Triggers and
 * foreign keys are off while copying (session_replication_role = replica): the rows are
 * already consistent, and the triggers' derived rows (dashboard cells, org paths) are copied
 * as they are. Columns PostgreSQL generates itself (the search tsvector) are left to it.
 */
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';

/** Parameters per INSERT stay well under PostgreSQL's 65 535. */
const PARAMS = 30_000;

export async function copySqliteToPostgres(file: string, db: Kysely<any>, log: (s: string) => void = () => {}): Promise<void> {
  const src = new Database(file, { readonly: true });
  try {
    const pgTables = (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.t);
    const srcTables = new Set((src.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const tables = pgTables.filter((t) => srcTables.has(t) && !t.startsWith('kysely_'));
    await db.connection().execute(async (c) => {
      await sql`set session_replication_role = replica`.execute(c);
      await sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`).execute(c);
      for (const t of tables) {
        const pgCols = (
          await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = ${t} and is_generated = 'NEVER'`.execute(c)
        ).rows.map((r) => r.c);
        const srcCols = new Set((src.prepare(`select name from pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => r.name));
        const cols = pgCols.filter((x) => srcCols.has(x));
        const per = Math.max(1, Math.floor(PARAMS / cols.length));
        const started = Date.now();
        let batch: unknown[][] = [];
        let n = 0;
        const flush = async () => {
          if (!batch.length) return;
          const values = batch.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`);
          await sql`insert into ${sql.table(t)} (${sql.join(cols.map((x) => sql.id(x)))}) overriding system value values ${sql.join(values)}`.execute(c);
          n += batch.length;
          batch = [];
        };
        for (const row of src.prepare(`select ${cols.map((x) => `"${x}"`).join(', ')} from "${t}"`).raw().iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length >= per) await flush();
        }
        await flush();
        if (n >= 10_000) log(`  ${t}: ${n.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      // Serial and identity columns continue after the copied ids.
      const serials = (
        await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(c)
      ).rows;
      for (const s of serials.filter((x) => tables.includes(x.t))) {
        await sql.raw(`select setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`).execute(c);
      }
      await sql`set session_replication_role = origin`.execute(c);
    });
    await sql`analyze`.execute(db);
  } finally {
    src.close();
  }
}
