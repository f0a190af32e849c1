/**
 * Who stands in what relation to a nomination. The union of the honour's org reviews and
 * awards; union readers of the nominated unit (or of the honour's org) see the nomination and
 * its evidence; the account that nominated follows its own nomination, without the evidence
 * (appeals and mediation cases of the unit's workers are the union's to see, not the department's).
 */
import { HONOURS_PERMISSIONS as P } from '../../../common/honours.js';
import { forbidden, notFound } from '../../core/errors.js';
import { inScope, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';

export interface NominationRelation {
  overseer: boolean;
  reviewer: boolean;
  awarder: boolean;
  nominator: boolean;
}

export function relationTo(actor: Actor, n: { unit_path: string; nominated_by: string }, honourPath: string): NominationRelation {
  const read = scopeOf(actor, P.read);
  return {
    overseer: inScope(read, n.unit_path) || inScope(read, honourPath),
    reviewer: inScope(scopeOf(actor, P.manage), honourPath),
    awarder: inScope(scopeOf(actor, P.award), honourPath),
    nominator: n.nominated_by === actor.accountId,
  };
}

export function assertVisible(r: NominationRelation): void {
  if (!r.overseer && !r.nominator) throw notFound();
}
export function assertReviewer(r: NominationRelation): void {
  assertVisible(r);
  if (!r.reviewer) throw forbidden();
}
export function assertAwarder(r: NominationRelation): void {
  assertVisible(r);
  if (!r.awarder) throw forbidden();
}

/** An org at `path` reaches the holders of `scope` at it, above it or below it (a published award or a competition concerns the whole line). */
export function alongLine(scope: Scope, path: string): boolean {
  return scope.all || scope.paths.some((p) => p.startsWith(path) || path.startsWith(p));
}

/** The caller holds `permission` somewhere: anyone else hears 403 before their input is looked at. */
export function assertHolds(actor: Actor, permission: string): void {
  const s = scopeOf(actor, permission);
  if (!s.all && !s.paths.length) throw forbidden();
}
