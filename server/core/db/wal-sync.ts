/**
 * Group commit for the embedded SQLite database.
 *
 * With synchronous=FULL every COMMIT flushes the WAL to disk inside better-sqlite3, on the
 * one thread that serves every request: under load each write waited for its own fsync and
 * nothing else ran meanwhile. Here SQLite commits with synchronous=NORMAL (the WAL is
 * written, not flushed) and the driver, once it has given the connection back, awaits
 * `sync()` before the caller's query or transaction resolves. `sync()` flushes the WAL file
 * on libuv's thread pool; every commit made while one flush runs shares the next flush.
 *
 * So an acknowledged write is on disk exactly as before — the route answers only after the
 * flush that covers its commit — but one flush now serves many writes, and the event loop
 * keeps serving requests while the disk works. A killed process loses nothing either way
 * (committed frames are in the operating system's cache); what a power cut can take is a
 * commit nobody was told about yet. Readers may see such a commit a moment before it is
 * durable; any write built on it is flushed with it or after it, since the WAL is appended
 * in order.
 */
import fs from 'node:fs/promises';

export class WalSync {
  private handle: Promise<fs.FileHandle> | null = null;
  private writes = false;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** Flushes so far (diagnostics and the test that proves commits share them). */
  flushes = 0;

  /** `file` is the database file; an in-memory database has nothing to flush. */
  constructor(private readonly file: string) {}

  private get durable(): boolean {
    return this.file !== '' && this.file !== ':memory:';
  }

  /** A statement that may write ran on the connection since it was last taken. */
  wrote(): void {
    this.writes = true;
  }

  takeWrites(): boolean {
    const w = this.writes;
    this.writes = false;
    return w && this.durable;
  }

  /** Resolves once every commit made before the call is on disk. */
  sync(): Promise<void> {
    // A flush already running may have started before our commit: wait for the one after it.
    if (this.next) return this.next;
    if (!this.running) return (this.running = this.flush());
    this.next = this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<void> {
    this.next = null;
    return (this.running = this.flush());
  }

  private async flush(): Promise<void> {
    try {
      this.flushes++;
      this.handle ??= fs.open(`${this.file}-wal`, 'r');
      await (await this.handle).datasync();
    } catch (e) {
      this.handle = null;
      // No WAL file: nothing was committed through one, so there is nothing to flush.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    } finally {
      this.running = null;
    }
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h) await (await h).close().catch(() => {});
  }
}
