/**
 * Orgs by name from the top of the tree (「华能煤业集团/一号矿/生产部」): how a roster names
 * them, so an exported roster reads back into the same orgs.
 */
import type { Tx } from '../db/database.js';

const idsOf = (path: string) => path.split('/').filter(Boolean);

/** For each org path ('/id/id/'), the names along it, top first. */
export async function namesAlong(db: Tx, paths: Iterable<string>): Promise<Map<string, string[]>> {
  const unique = [...new Set(paths)];
  const ids = [...new Set(unique.flatMap(idsOf))];
  const names = new Map<string, string>();
  // Chunked: a 50,000-row export can touch a few thousand orgs, beyond one statement's parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return new Map(unique.map((p) => [p, idsOf(p).map((id) => names.get(id) ?? '')]));
}
