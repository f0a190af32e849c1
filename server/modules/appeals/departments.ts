/**
 * Every mine has a 生产部: a department alone is ambiguous, so lists, detail, export and
 * the dashboard name it with its nearest mine or branch union, 「一号矿 / 生产部」. One
 * query for a whole page (the ancestors of all its departments), never one per row.
 */
import type { Tx } from '../../core/db/database.js';
import { ancestorIds, orgsByIds } from '../../core/org/lookups.js';
import { UNIT_KINDS } from '../../../common/appeals.js';

/** Department path → 「unit / department」 (the name alone when no unit is above it). */
export async function departmentLabels(db: Tx, paths: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set([...paths].filter((p): p is string => !!p))];
  const out = new Map<string, string>();
  if (!unique.length) return out;
  const orgs = new Map((await orgsByIds(db, [...new Set(unique.flatMap(ancestorIds))])).map((o) => [o.id, o]));
  for (const path of unique) {
    const chain = ancestorIds(path).map((id) => orgs.get(id));
    const self = chain[chain.length - 1];
    if (!self) continue;
    const unit = chain
      .slice(0, -1)
      .reverse()
      .find((o) => o && UNIT_KINDS.includes(o.kind));
    out.set(path, unit ? `${unit.name} / ${self.name}` : self.name);
  }
  return out;
}

/** Sets `department_label` on rows that carry a department path. */
export async function labelDepartments<R extends { department_path: string | null; department_name: string | null; department_label?: string | null }>(
  db: Tx,
  rows: R[],
): Promise<R[]> {
  const labels = await departmentLabels(
    db,
    rows.map((r) => r.department_path),
  );
  for (const r of rows) r.department_label = r.department_path ? (labels.get(r.department_path) ?? r.department_name) : null;
  return rows;
}
