/**
 * The nominations list on the kit's paged list (core/db/pagedList.ts): a bounded count, the page's
 * ids first, newest first walking the (created_at, id) index past the counted pages by cursor, and the
 * same filters, order and masking streamed as .xlsx or .csv in batches (keyset on the sort, no OFFSET).
 * Union readers see the nominations of their subtree (by unit or by honour); anyone else the ones they made.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  HONOURS_PERMISSIONS as P,
  NOMINATION_STATUS_LABELS,
  DISQUALIFIER_LABELS,
  type DisqualifierReason,
  type NominationStatus,
} from '../../../common/honours.js';
import type { NominationFilter } from '../../../common/schemas/honours.js';
import type { Call } from '../../core/call.js';
import { indexedWalk, pagedList, sortKey } from '../../core/db/pagedList.js';
import type { Column, ListExport } from '../../core/excel/export.js';
import { scopeOf, type Scope } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { hq } from './honours.tables.js';

export const EXPORT_CAP = 50_000;

type Row = Awaited<ReturnType<typeof loadRows>>[number];

/** The filtered nominations with their honour (the honour's org is part of who may see them). */
function filtered(call: Call, f: NominationFilter, read: Scope, walk = false) {
  let q = indexedWalk(call.db, 'honour_nominations as n', 'honour_nominations_created', walk)
    .innerJoin('honours as h', 'h.id', 'n.honour_id')
    .where((eb: any) =>
      eb.or([pathInScope(eb, 'n.unit_path', read), pathInScope(eb, 'h.org_path', read), eb('n.nominated_by', '=', call.actor.accountId)]),
    ) as any;
  if (f.mine === '1') q = q.where('n.nominated_by', '=', call.actor.accountId);
  if (f.honourId) q = q.where('n.honour_id', '=', f.honourId);
  if (f.year) q = q.where('n.year', '=', f.year);
  if (f.unitId) q = q.where('n.unit_id', '=', f.unitId);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.from) q = q.where('n.nominated_on', '>=', f.from);
  if (f.to) q = q.where('n.nominated_on', '<=', f.to);
  if (f.awarded === '1') q = q.where('n.status', 'in', ['awarded', 'published']);
  // The reason filter reads the union's evidence: it narrows only to what the caller oversees.
  if (f.reason)
    q = q
      .where('n.id', 'in', (eb: any) => eb.selectFrom('honour_findings').select('nomination_id').where('reason', '=', f.reason!))
      .where((eb: any) => eb.or([pathInScope(eb, 'n.unit_path', read), pathInScope(eb, 'h.org_path', read)]));
  // The team's name is a sort key: joined only when it is.
  if (f.sort === 'teamName') q = q.innerJoin('orgs as t', 't.id', 'n.team_id');
  return q as ReturnType<typeof indexedWalk>;
}

/** The sort's key: newest first by default; unassessed nominations sort as below every score on both engines. */
function sortOf(f: NominationFilter): { column: string | RawBuilder<unknown>; order: 'asc' | 'desc' } {
  if (f.sort === 'teamName') return { column: 't.name', order: f.order };
  if (f.sort === 'score') return { column: sql`coalesce(n.assessment_total, -1)`, order: f.order };
  return { column: 'n.created_at', order: f.sort ? f.order : 'desc' };
}

/** A nomination with its honour, unit and team names: the one select the list, the export and the detail read. */
export function nominationRows(call: Call) {
  return hq(call.db)
    .selectFrom('honour_nominations as n')
    .innerJoin('honours as h', 'h.id', 'n.honour_id')
    .innerJoin('orgs as u', 'u.id', 'n.unit_id')
    .innerJoin('orgs as t', 't.id', 'n.team_id')
    .select([
      'n.id',
      'n.honour_id',
      'h.name as honour_name',
      'n.year',
      'n.unit_id',
      'u.name as unit_name',
      'n.team_id',
      't.name as team_name',
      'n.status',
      'n.created_at',
      'n.nominated_by',
      'n.unit_path',
      'n.assessment_total',
      'h.org_path as honour_path',
    ]);
}

function loadRows(call: Call, ids: string[]) {
  return nominationRows(call).where('n.id', 'in', ids).execute();
}

async function reasonsOf(call: Call, ids: string[]): Promise<Map<string, DisqualifierReason[]>> {
  const out = new Map<string, DisqualifierReason[]>();
  if (!ids.length) return out;
  for (const r of await hq(call.db)
    .selectFrom('honour_findings')
    .select(['nomination_id', 'reason'])
    .where('nomination_id', 'in', ids)
    .orderBy('reason')
    .execute()) {
    out.set(r.nomination_id, [...(out.get(r.nomination_id) ?? []), r.reason as DisqualifierReason]);
  }
  return out;
}

/** Rows as the caller may see them: a nominator sees reasons only of a disqualification, a score only once the review decided. */
async function present(call: Call, read: Scope, rows: Row[]) {
  const reasons = await reasonsOf(
    call,
    rows.map((r) => r.id),
  );
  const sees = (r: Row) => read.all || read.paths.some((p) => r.unit_path.startsWith(p) || r.honour_path.startsWith(p));
  return rows.map((r) => ({
    id: r.id,
    honourId: r.honour_id,
    honourName: r.honour_name,
    year: r.year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    teamOrgId: r.team_id,
    teamName: r.team_name,
    status: r.status as NominationStatus,
    reasons: sees(r) || r.status === 'disqualified' ? (reasons.get(r.id) ?? []) : [],
    score: sees(r) || r.status !== 'submitted' ? r.assessment_total : null,
    createdAt: r.created_at,
  }));
}

export async function listNominations(call: Call, f: NominationFilter) {
  const read = scopeOf(call.actor, P.read);
  const { column, order } = sortOf(f);
  const page = await pagedList(call.db, {
    counted: filtered(call, f, read),
    ids: (walk) => filtered(call, f, read, walk),
    sort: { column, id: 'n.id', order },
    keyed: column === 'n.created_at',
    page: f,
    load: (ids) => loadRows(call, ids),
  });
  return {
    items: await present(call, read, page.rows),
    total: page.total,
    totalCapped: page.totalCapped,
    nextCursor: page.nextCursor,
    page: f.page,
    pageSize: f.pageSize,
  };
}

type Presented = Awaited<ReturnType<typeof present>>[number];
const COLUMNS: Column<Presented>[] = [
  { header: '荣誉', value: (r) => r.honourName },
  { header: '年度', value: (r) => r.year },
  { header: '推荐单位', value: (r) => r.unitName },
  { header: '班组', value: (r) => r.teamName },
  { header: '状态', value: (r) => NOMINATION_STATUS_LABELS[r.status].zh },
  { header: '一票否决情形', value: (r) => r.reasons.map((x) => DISQUALIFIER_LABELS[x].zh).join('、') },
  { header: '评分', value: (r) => r.score },
  { header: '推荐时间', value: (r) => r.createdAt.slice(0, 10) },
];

/** The list's filters and order as an export declaration, batch by batch on a keyset of the sort (up to EXPORT_CAP rows; more says `x-truncated`). */
export async function nominationsExport(call: Call, f: NominationFilter): Promise<ListExport<Presented>> {
  const read = scopeOf(call.actor, P.read);
  const nominates = scopeOf(call.actor, P.nominate);
  // A caller who may read no nomination — none of a subtree, and none of their own because they may not nominate — is refused.
  const readsAny = read.all || read.paths.length > 0 || nominates.all || nominates.paths.length > 0;
  if (!readsAny) return { fileName: '荣誉推荐', sheet: '荣誉推荐', columns: COLUMNS, rows: [], readsAny };
  const { column, order } = sortOf(f);
  const key = sortKey(column);
  const past = order === 'desc' ? sql.raw('<') : sql.raw('>');
  const capped = filtered(call, f, read)
    .select(sql<number>`1`.as('x'))
    .limit(EXPORT_CAP + 1)
    .as('k');
  const found = Number(
    (
      await call.db
        .selectFrom(capped)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  async function* batches(batch = 500): AsyncGenerator<Presented[]> {
    let after: { k: string | number; id: string } | undefined;
    for (let left = Math.min(found, EXPORT_CAP); left > 0;) {
      const ids = (await filtered(call, f, read)
        .select([sql.ref('n.id').as('id'), key.as('k')])
        .$if(!!after, (q) => q.where(sql<SqlBool>`(${key}, n.id) ${past} (${after!.k}, ${after!.id})`))
        .orderBy(key, order)
        .orderBy('n.id', order)
        .limit(Math.min(batch, left))
        .execute()) as { id: string; k: string | number }[];
      if (!ids.length) return;
      left -= ids.length;
      const at = new Map(ids.map((r, i) => [r.id, i]));
      const rows = (
        await loadRows(
          call,
          ids.map((r) => r.id),
        )
      ).sort((x, y) => at.get(x.id)! - at.get(y.id)!);
      yield await present(call, read, rows);
      after = ids[ids.length - 1];
    }
  }
  return { fileName: '荣誉推荐', sheet: '荣誉推荐', columns: COLUMNS, rows: batches(), readsAny, truncated: found > EXPORT_CAP };
}
