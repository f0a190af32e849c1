/**
 * A reader's scope narrowed to one org's subtree (a figure's drill carries the `orgId` its figure was computed for),
 * so the drilled list counts what the figure counted and nothing of the reader's other orgs.
 */
import type { Db } from '../db/database.js';
import { inScope, type Scope } from './actor.js';

/** The parts of `scope` under `orgId`. An org outside the scope, or no such org, narrows to nothing: the same empty answer either way. */
export async function narrowScope(db: Db, scope: Scope, orgId: string | undefined): Promise<Scope> {
  if (!orgId) return scope;
  const org = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst();
  if (!org) return { all: false, paths: [] };
  if (inScope(scope, org.path)) return { all: false, paths: [org.path] };
  return { all: false, paths: scope.paths.filter((p) => p.startsWith(org.path)) };
}
