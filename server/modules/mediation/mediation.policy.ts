/**
 * Who sees a mediationCase and who may act on it. Confidential (issue #19): the committee's
 * union side (chair, staff) of the applicant's union, the mediators named on the case, and the
 * applicant; mediators of the union also see new applications, which they are there to accept.
 * Nobody else — another union, a handler, another worker — learns the case exists (404).
 */
import { hasPermission, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';
import { forbidden } from '../../core/errors.js';
import { MEDIATION_PERMISSIONS as P } from '../../../common/mediation.js';

export interface Visibility {
  accountId: string;
  personId: string | null;
  oversee: Scope;
  mediate: Scope;
}

export function visibilityOf(actor: Actor): Visibility {
  return { accountId: actor.accountId, personId: actor.personId, oversee: scopeOf(actor, P.oversee), mediate: scopeOf(actor, P.mediate) };
}

export interface CaseRelation {
  org_path: string;
  status: string;
  applicant_person_id: string;
  /** Accounts named as its mediators. */
  mediators: readonly string[];
}

export interface Relation {
  sees: boolean;
  oversees: boolean;
  named: boolean;
  applicant: boolean;
  /** A mediator of the applicant's union (may accept a new application). */
  mediatorHere: boolean;
}

export function relationTo(actor: Actor, c: CaseRelation): Relation {
  const oversees = hasPermission(actor, P.oversee, c.org_path);
  const mediatorHere = hasPermission(actor, P.mediate, c.org_path);
  const named = mediatorHere && c.mediators.includes(actor.accountId);
  const applicant = actor.personId !== null && actor.personId === c.applicant_person_id;
  const sees = oversees || named || applicant || (mediatorHere && c.status === 'applied');
  return { sees, oversees, named, applicant, mediatorHere };
}

/** Accept or refuse a new application: the union side or a mediator of the union. */
export const mayDecide = (r: Relation) => r.oversees || r.mediatorHere;
/** Sessions, extensions, the outcome and its performance: the union side or a named mediator. */
export const mayConduct = (r: Relation) => r.oversees || r.named;
/** Withdraw: the applicant, or those conducting it on the applicant's word. */
export const mayWithdraw = (r: Relation) => r.applicant || mayConduct(r);

/**
 * Evidence: the applicant, those conducting the case, and — while it waits for acceptance — a
 * mediator of the union, who often receives the worker's paper documents at the desk and scans them.
 */
export const mayAddEvidence = (r: Relation) => r.applicant || mayConduct(r) || r.mediatorHere;

export function demand(ok: boolean): void {
  if (!ok) throw forbidden();
}
