/**
 * The appeals a registry figure counted, named by id (the work report's snapshot keeps them): one
 * read of the period's appeals per batch — the id and the columns `count()` looks at, by the same
 * condition the figures' row fold reads (`indicatorRows`) — which each figure then sorts into its
 * numerator and denominator by its own counting function (appeals.indicators.ts). Ids only: an
 * anonymous appeal stays as masked as every list shows it.
 */
import type { Db } from '../../core/db/database.js';
import type { IndicatorQuery } from '../../core/indicators/indicator.js';
import { adb } from './appeals.tables.js';
import type { IndicatorRow } from './appeals.indicatorRows.js';
import { INDICATOR_COLUMNS } from './appeals.indicatorRows.js';
import { conditions, type Eb } from './appeals.visibility.js';

export type RecordRow = IndicatorRow & { id: string };

const NOBODY = { all: false, paths: [] };

/** The period's appeals by authors in the scope, with their ids (the caller shares it across a batch's figures). */
export async function periodRows(db: Db, q: IndicatorQuery): Promise<RecordRow[]> {
  if (!q.scope.all && q.scope.paths.length === 0) return [];
  const vis = { accountId: '', personId: null, staff: q.scope, handler: NOBODY };
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .where(((eb: Eb) => conditions(db, eb, vis, { from: q.from, to: q.to }, { today: q.to, soon: q.to }, false)) as any)
    .select([...INDICATOR_COLUMNS, 'a.id'])
    .execute();
  return rows.map((r) => ({ ...r, accepted_on_time: Number(r.accepted_on_time) })) as RecordRow[];
}
