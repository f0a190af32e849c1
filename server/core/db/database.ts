/**
 * The one place that knows which engine is underneath. Everything above talks Kysely<DB>.
 */
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type SqliteDialectConfig, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file?: string;
  /** Liveness probe used by /health and the 503 guard. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… or a SQLite file path. */
  url: string;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(opts.url)) return openPostgres(opts);
  return openSqlite(opts.url);
}

async function openSqlite(file: string): Promise<Database> {
  const { default: SQLite } = await import('better-sqlite3');
  const raw = new SQLite(file);
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged
  // commit survive a killed process and a power cut, which the appeal intake promises.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  raw.pragma('temp_store = MEMORY');
  // Statements compiled once per SQL text (statement-cache.ts), not once per query.
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    engine: 'sqlite',
    file,
    async ping() {
      raw.prepare('select 1').get();
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE) and so wait for it under
 * busy_timeout. A deferred BEGIN that reads and then writes fails at once with SQLITE_BUSY when
 * another process wrote in between (its snapshot is stale), and no timeout helps — which two
 * instances on one file (a rolling restart, the scale-out suite) would see as spurious 503s.
 * Every transaction here writes, so taking the lock up front costs nothing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.settings);
  }
}

async function openPostgres(opts: DatabaseOptions): Promise<Database> {
  const pg = await import('pg');
  const Pool = pg.default.Pool;
  const pool = new Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped server connection must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
