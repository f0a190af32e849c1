/**
 * Who reaches what. A survey belongs to the org that runs it: the union office (surveys.manage)
 * over that org builds, opens and reads it; a worker reaches only the surveys they are a frozen
 * recipient of, and only the form — never results. A screening item is seen by the office over
 * its unit and by its owner. Anything else is 404, so ids reveal nothing.
 */
import { SURVEY_PERMISSIONS as P } from '../../../common/surveys.js';
import { forbidden } from '../../core/errors.js';
import { inScope, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';

export const manageScope = (actor: Actor): Scope => scopeOf(actor, P.manage);

export function mayManage(actor: Actor, orgPath: string): boolean {
  return inScope(manageScope(actor), orgPath);
}

/** The office's own acts (build a survey, raise a problem, the per-unit view): 403 for a role that holds surveys.manage nowhere. */
export function demandOffice(actor: Actor): void {
  const s = manageScope(actor);
  if (!s.all && s.paths.length === 0) throw forbidden();
}

export function mayAnswer(actor: Actor): boolean {
  const s = scopeOf(actor, P.answer);
  return actor.personId !== null && (s.all || s.paths.length > 0);
}

export function seesScreening(actor: Actor, item: { org_path: string; owner_account_id: string }): boolean {
  return mayManage(actor, item.org_path) || item.owner_account_id === actor.accountId;
}
