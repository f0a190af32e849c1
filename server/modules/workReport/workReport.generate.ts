/**
 * Generation: the report's figures counted once and frozen. A queued report is claimed by a
 * conditional update (queued → generating), so two instances or a request and the sweep
 * never both count it; progress is written after each figure for the page to poll. The
 * request that queued it starts it at once; the job picks up what a stopped instance left.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import * as repo from './workReport.repository.js';
import { snapshotFigures } from './workReport.figures.js';
import { saveRecords, type FigureRecords } from './workReport.records.js';
import type { Narrative, Threshold } from '../../../common/schemas/workReport.js';

const inFlight = new Set<Promise<unknown>>();

/** Runs `generate` without making the caller wait; `settleGenerations` waits for all of them (shutdown, tests). */
export function startGeneration(db: Db, id: string, log: { error: (o: object, msg: string) => void } = console): void {
  const p = generate(db, id)
    .catch((err) => log.error({ err, reportId: id }, 'workReport: generation failed'))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

export async function settleGenerations(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

/** Generates a queued report; false when another runner had claimed it. */
export async function generate(db: Db, id: string, clock: () => Date = () => new Date()): Promise<boolean> {
  const claimed = await db
    .transaction()
    .execute((tx) => repo.moveReport(tx, id, ['queued'], { status: 'generating', progress: 0, updated_at: clock().toISOString() }));
  if (!claimed) return false;
  try {
    const r = (await repo.findReport(db, id))!;
    const org = { id: r.org_id, name: r.org_name, path: r.org_path };
    let last = 0;
    const thresholds = new Map((await repo.thresholdsOf(db, r.org_id)).map((t) => [t.indicator, t as Threshold]));
    // One clock for the whole generation: every figure that looks at "today" counts against this instant,
    // which is also the report's generated_at, so a recount of the report uses the same day.
    const asOf = clock();
    const records: FigureRecords[] = [];
    const figures = await snapshotFigures(
      db,
      org,
      r.from_date,
      r.to_date,
      async (done, of) => {
        const pct = Math.floor((done / of) * 99);
        if (pct > last) await repo.setProgress(db, id, (last = pct), clock().toISOString());
      },
      thresholds,
      asOf,
      (rec) => records.push(rec),
    );
    const narrative: Narrative = JSON.parse(r.narrative);
    for (const f of figures) narrative.sections[f.module] ??= '';
    const at = asOf.toISOString();
    await db.transaction().execute(async (tx) => {
      await saveRecords(tx, id, records);
      return repo.moveReport(tx, id, ['generating'], {
        status: 'draft',
        progress: 100,
        figures: JSON.stringify(figures),
        narrative: JSON.stringify(narrative),
        generated_at: at,
        updated_at: at,
      });
    });
    return true;
  } catch (err) {
    await db.transaction().execute((tx) => repo.moveReport(tx, id, ['generating'], { status: 'failed', updated_at: clock().toISOString() }));
    throw err;
  }
}

/** A report 'generating' with no progress for this long was left by an instance that stopped. */
const STALE_MS = 5 * 60_000;

export const workReportJobs: JobDefinition[] = [
  {
    name: 'workReport.generate',
    intervalMs: 60_000,
    async run({ db, now }) {
      for (const id of await repo.pendingReports(db, new Date(now.getTime() - STALE_MS).toISOString())) await generate(db, id);
    },
  },
];
