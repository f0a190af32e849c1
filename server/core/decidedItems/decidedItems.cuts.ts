/**
 * Decided-item figures cut per owner, per source and per kind of source (督办事项分责任人、分来源统计): the items
 * due in the period, dropped left out — the same items the indicators count — over what the caller's board holds
 * (the subtrees overseen, and the caller's own or co-owned items). Each row names the board filter that lists
 * exactly its items, so a row's count is the board's total under its drill.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Call } from '../call.js';
import { forbidden } from '../errors.js';
import { hasPermission, scopeOf } from '../rbac/actor.js';
import { pathInScope } from '../rbac/scope-sql.js';
import type { DECIDED_CUTS } from '../../../common/schemas/decidedItems.js';
import { onTime } from './decidedItems.repository.js';
import { dq } from './decidedItems.tables.js';

type Query = { from: string; to: string; cut: (typeof DECIDED_CUTS)[number] };

/** The groups of each cut: the columns grouped by, the row's key and label, and its drill. */
const GROUPS = {
  owner: { cols: ['d.owner_account_id', 'a.display_name'] },
  source: { cols: ['d.source_kind', 'd.source_id', 'd.source_label'] },
  sourceKind: { cols: ['d.source_kind'] },
} as const;

export async function decidedCuts(call: Call, q: Query) {
  // The board's people: those who oversee items, and department handlers, who own them. Anyone else is refused outright.
  if (!hasPermission(call.actor, 'decidedItems.read') && !call.actor.grants.some((g) => g.role === 'handler')) throw forbidden();
  const scope = scopeOf(call.actor, 'decidedItems.read');
  const me = call.actor.accountId;
  const sum = (e: Expression<SqlBool>) => sql<number>`sum(case when ${e} then 1 else 0 end)`;
  const rows = await dq(call.db)
    .selectFrom('decided_items as d')
    .innerJoin('accounts as a', 'a.id', 'd.owner_account_id')
    .where('d.due_date', '>=', q.from)
    .where('d.due_date', '<=', q.to)
    .where('d.status', '!=', 'dropped')
    // What the board shows: the subtrees overseen, or one's own and co-owned items.
    .where((eb) =>
      eb.or([
        ...(scope.all || scope.paths.length ? [pathInScope(eb, 'd.org_path', scope)] : []),
        eb('d.owner_account_id', '=', me),
        eb('d.id', 'in', eb.selectFrom('decided_item_co_owners as c').select('c.item_id').where('c.account_id', '=', me)),
      ]),
    )
    .groupBy([...GROUPS[q.cut].cols])
    .select([...GROUPS[q.cut].cols])
    .select((eb) => [
      eb.fn.countAll<number>().as('items'),
      sum(eb('d.status', '=', 'done')).as('done'),
      sum(eb.and([eb('d.status', '=', 'done'), onTime])).as('on_time'),
      sum(eb('d.status', '=', 'overdue')).as('overdue'),
      eb.fn.sum<number>('d.progress').as('progress'),
    ])
    .execute();
  const base = { dueFrom: q.from, dueTo: q.to, counted: '1' };
  const out = (rows as Record<string, unknown>[]).map((r) => {
    const items = Number(r.items);
    const n = { items, done: Number(r.done ?? 0), onTime: Number(r.on_time ?? 0), overdue: Number(r.overdue ?? 0) };
    const averageProgress = items ? Math.round((Number(r.progress ?? 0) / (items * 100)) * 10_000) / 10_000 : null;
    if (q.cut === 'owner')
      return {
        key: String(r.owner_account_id),
        label: String(r.display_name),
        ...n,
        averageProgress,
        drill: { ...base, ownerAccountId: String(r.owner_account_id) },
      };
    if (q.cut === 'source')
      return {
        key: `${String(r.source_kind)}:${String(r.source_id)}`,
        label: String(r.source_label),
        ...n,
        averageProgress,
        drill: { ...base, sourceKind: String(r.source_kind), sourceId: String(r.source_id) },
      };
    return { key: String(r.source_kind), label: String(r.source_kind), ...n, averageProgress, drill: { ...base, sourceKind: String(r.source_kind) } };
  });
  // Most items first, then by label, so the heaviest owners and meetings lead.
  out.sort((x, y) => y.items - x.items || x.label.localeCompare(y.label, 'zh-CN') || x.key.localeCompare(y.key));
  return { by: q.cut, rows: out };
}
