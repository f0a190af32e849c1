/**
 * Who sees a suggestion and who may act on it (issue #20): its authors (lead and co-authors),
 * the evaluators assigned to it, and the union side (chair, staff) of the lead author's unit
 * subtree. Nobody else learns it exists (404). Campaigns are seen by those they invite or serve.
 */
import { hasPermission, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';
import { forbidden } from '../../core/errors.js';
import { SUGGESTION_PERMISSIONS as P } from '../../../common/suggestions.js';

export interface Visibility {
  accountId: string;
  personId: string | null;
  oversee: Scope;
}

export const visibilityOf = (actor: Actor): Visibility => ({ accountId: actor.accountId, personId: actor.personId, oversee: scopeOf(actor, P.oversee) });

export interface Relation {
  sees: boolean;
  oversees: boolean;
  author: boolean;
  lead: boolean;
  evaluator: boolean;
}

export function relationTo(actor: Actor, s: { org_path: string; lead_person_id: string; authors: readonly string[]; evaluators: readonly string[] }): Relation {
  const oversees = hasPermission(actor, P.oversee, s.org_path);
  const author = actor.personId !== null && s.authors.includes(actor.personId);
  const lead = actor.personId !== null && actor.personId === s.lead_person_id;
  const evaluator = s.evaluators.includes(actor.accountId) && hasPermission(actor, P.evaluate);
  return { sees: oversees || author || evaluator, oversees, author, lead, evaluator };
}

/**
 * The org paths from which a campaign reaches the actor: a campaign of an ancestor of any of
 * the actor's suggestion grants (it invites their unit), or one inside the subtree they oversee.
 */
export function campaignReach(actor: Actor): { ancestors: string[]; all: boolean; oversee: Scope } {
  const ancestors = new Set<string>();
  let all = false;
  for (const p of Object.values(P)) {
    const s = scopeOf(actor, p);
    if (s.all) all = true;
    for (const path of s.paths) {
      const parts = path.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) ancestors.add(`/${parts.slice(0, i).join('/')}/`);
    }
  }
  return { ancestors: [...ancestors], all, oversee: scopeOf(actor, P.oversee) };
}

export function reachesCampaign(actor: Actor, orgPath: string): boolean {
  const r = campaignReach(actor);
  return r.all || r.ancestors.includes(orgPath) || hasPermission(actor, P.oversee, orgPath);
}

export function demand(ok: boolean): void {
  if (!ok) throw forbidden();
}
