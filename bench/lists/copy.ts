/**
 * The same data on PostgreSQL: every table of a migrated SQLite bench file copied into a
 * migrated PostgreSQL database, so both engines answer over identical rows. Triggers and
 * foreign keys are off while copying (session_replication_role = replica): the rows are
 * already consistent, and the triggers' derived rows (dashboard cells, org paths) are copied
 * as they are. Columns PostgreSQL generates itself (the search tsvector) are left to it.
 *
 * Each table goes through a CSV file and a server-side `COPY … FROM '<file>'` (the server runs
 * on this machine, as the embedded one does): at scale L (millions of rows) multi-row INSERTs
 * took many minutes; COPY parses the rows inside the server. Pass `{ insert: true }` for a
 * server on another machine, which cannot read the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';

/** Parameters per INSERT stay well under PostgreSQL's 65 535. */
const PARAMS = 30_000;

/** One value as PostgreSQL's CSV reads it: an unquoted empty field is NULL, so an empty string is quoted. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `\\x${v.toString('hex')}`;
  return `"${String(v).replace(/"/g, '""')}"`;
}

export async function copySqliteToPostgres(file: string, db: Kysely<any>, log: (s: string) => void = () => {}, opts: { insert?: boolean } = {}): Promise<void> {
  const src = new Database(file, { readonly: true });
  // The server process (another OS user for the embedded one) reads the files: world-readable.
  const dir = opts.insert ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'xq-copy-'));
  if (dir) fs.chmodSync(dir, 0o755);
  try {
    const pgTables = (
      await sql<{
        t: string;
      }>`select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    ).rows.map((r) => r.t);
    const srcTables = new Set((src.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const tables = pgTables.filter((t) => srcTables.has(t) && !t.startsWith('kysely_'));
    await db.connection().execute(async (c) => {
      await sql`set session_replication_role = replica`.execute(c);
      await sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`).execute(c);
      for (const t of tables) {
        const pgCols = (
          await sql<{
            c: string;
          }>`select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = ${t} and is_generated = 'NEVER'`.execute(
            c,
          )
        ).rows.map((r) => r.c);
        const srcCols = new Set((src.prepare(`select name from pragma_table_info(?)`).all(t) as { name: string }[]).map((r) => r.name));
        const cols = pgCols.filter((x) => srcCols.has(x));
        const started = Date.now();
        const rows = src
          .prepare(`select ${cols.map((x) => `"${x}"`).join(', ')} from "${t}"`)
          .raw()
          .iterate() as Iterable<unknown[]>;
        const n = dir ? await viaCopy(c, dir, t, cols, rows) : await viaInsert(c, t, cols, rows);
        if (n >= 10_000) log(`  ${t}: ${n.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      // Serial and identity columns continue after the copied ids.
      const serials = (
        await sql<{
          t: string;
          c: string;
        }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(
          c,
        )
      ).rows;
      for (const s of serials.filter((x) => tables.includes(x.t))) {
        await sql.raw(`select setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`).execute(c);
      }
      await sql`set session_replication_role = origin`.execute(c);
    });
    await sql`analyze`.execute(db);
  } finally {
    src.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the rows as CSV in chunks of ~1M rows (bounded file size) and has the server COPY each. */
async function viaCopy(c: Kysely<any>, dir: string, t: string, cols: string[], rows: Iterable<unknown[]>): Promise<number> {
  const file = path.join(dir, `${t}.csv`);
  let n = 0;
  let fd = -1;
  let inFile = 0;
  let buf: string[] = [];
  const flushBuf = () => {
    if (!buf.length) return;
    fs.writeSync(fd, buf.join(''));
    buf = [];
  };
  const load = async () => {
    if (fd < 0) return;
    flushBuf();
    fs.closeSync(fd);
    fd = -1;
    fs.chmodSync(file, 0o644);
    await sql.raw(`copy "${t}" (${cols.map((x) => `"${x}"`).join(', ')}) from '${file}' with (format csv)`).execute(c);
    inFile = 0;
  };
  for (const row of rows) {
    if (fd < 0) fd = fs.openSync(file, 'w');
    buf.push(`${row.map(csvField).join(',')}\n`);
    n++;
    if (buf.length >= 5_000) flushBuf();
    if (++inFile >= 1_000_000) await load();
  }
  await load();
  return n;
}

async function viaInsert(c: Kysely<any>, t: string, cols: string[], rows: Iterable<unknown[]>): Promise<number> {
  const per = Math.max(1, Math.floor(PARAMS / cols.length));
  let batch: unknown[][] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    const values = batch.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`);
    await sql`insert into ${sql.table(t)} (${sql.join(cols.map((x) => sql.id(x)))}) overriding system value values ${sql.join(values)}`.execute(c);
    n += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= per) await flush();
  }
  await flush();
  return n;
}
