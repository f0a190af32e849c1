/**
 * The one place that knows which engine is underneath. Everything above talks Kysely<DB>.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import type { DB } from './schema.js';
import { withStatementCache } from './statement-cache.js';
import { WalSync } from './wal-sync.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file?: string;
  /** Group commit of the SQLite file (undefined on PostgreSQL, which flushes at COMMIT). */
  wal?: WalSync;
  /** Liveness probe used by /health and the 503 guard. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… or a SQLite file path. */
  url: string;
  poolSize?: number;
  /** SQLite: how long a query may wait for the one connection before it fails as busy (503). */
  acquireTimeoutMs?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(opts.url)) return openPostgres(opts);
  return openSqlite(opts.url, opts.acquireTimeoutMs);
}

async function openSqlite(file: string, acquireTimeoutMs = 10_000): Promise<Database> {
  const { default: SQLite } = await import('better-sqlite3');
  const raw = new SQLite(file);
  // WAL lets readers run beside the writer. Commits are made durable by group commit
  // (wal-sync.ts) before anyone is told they happened: synchronous=NORMAL keeps SQLite from
  // flushing the WAL inside each COMMIT, on the one thread that serves every request.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  raw.pragma('temp_store = MEMORY');
  // Statements compiled once per SQL text (statement-cache.ts), not once per query.
  const wal = new WalSync(file);
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw, { onWrite: () => wal.wrote() }) }, wal, acquireTimeoutMs),
  });
  return {
    db,
    engine: 'sqlite',
    file,
    wal,
    async ping() {
      raw.prepare('select 1').get();
    },
    async close() {
      await db.destroy();
      await wal.close();
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
  constructor(
    config: SqliteDialectConfig,
    private readonly wal: WalSync,
    private readonly acquireTimeoutMs: number,
  ) {
    super(config);
  }
  /** Acquisitions not yet released (holder and waiters): only when some are can one wait. */
  private claims = 0;
  /**
   * There is one connection; a query on the root handle issued inside an open transaction
   * (instead of on the transaction) would wait for it for ever. Past the timeout the query
   * fails as busy (a 503 for a request) and the connection, when it comes, is handed back.
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    // Free (the usual case on every query): no timer to arm.
    if (this.claims++ === 0) return super.acquireConnection();
    const acquiring = super.acquireConnection();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`SQLite connection not free after ${this.acquireTimeoutMs} ms (a query on the root handle inside a transaction?)`), {
              code: 'SQLITE_BUSY',
            }),
          ),
        this.acquireTimeoutMs,
      );
    });
    try {
      return await Promise.race([acquiring, timeout]);
    } catch (err) {
      void acquiring.then(() => {
        this.claims--;
        return super.releaseConnection();
      });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  /**
   * The connection goes back first, so the next request's statements run while this one's
   * commit is flushed; the caller's query or transaction resolves only once it is durable.
   */
  override async releaseConnection(): Promise<void> {
    const wrote = this.wal.takeWrites();
    this.claims--;
    await super.releaseConnection();
    if (wrote) await this.wal.sync();
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly wal: WalSync,
    private readonly acquireTimeoutMs: number,
  ) {
    super(settings);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.settings, this.wal, this.acquireTimeoutMs);
  }
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says it is not, so its Migrator ran
 * SQLite migrations outside any transaction: a migration failing half-way left its first
 * tables behind, unrecorded, and the next start failed on them. Saying yes makes the
 * Migrator run the pending migrations and their records in one transaction, as on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl() {
    return true;
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
  // A dropped server connection must not crash the process; the pool reconnects. The pool's own
  // listener covers idle clients only: a client checked out when PostgreSQL shuts down ("terminating
  // connection due to administrator command") emitted an unhandled 'error' and ended the process —
  // every client gets a listener of its own; the query in flight still fails, and the pool drops the client.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
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
