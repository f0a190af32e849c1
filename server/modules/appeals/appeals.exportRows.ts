/** The rows of an appeals export, read in batches. */
import type { Tx } from '../../core/db/database.js';
import { decodeCursor, type Cursor } from '../../core/db/keyset.js';
import { listAppeals, type ExportRow } from './appeals.lists.js';
import type { LightClock, RepoFilter, Visibility } from './appeals.visibility.js';

/**
 * The rows of an export in batches, newest first, detail columns included: each batch is a
 * list page read by cursor, so no batch re-reads the rows before it and only one batch is
 * held at a time however many rows the export has. Capped by the caller.
 */
export async function* exportAppeals(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock, limit: number, batch = 500): AsyncGenerator<ExportRow[]> {
  let after: Cursor | undefined;
  let known: number | undefined;
  for (let left = limit; left > 0;) {
    const r = await listAppeals(
      db,
      vis,
      f,
      clock,
      { limit: Math.min(batch, left), offset: 0, sort: 'submittedAt', order: 'desc', after },
      { known, detail: true },
    );
    if (r.rows.length) yield r.rows as ExportRow[];
    left -= r.rows.length;
    known = r.counted;
    if (!r.nextCursor) return;
    after = decodeCursor(r.nextCursor);
  }
}
