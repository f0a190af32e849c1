/**
 * Who may do what to an appeal. Three relations give rights:
 * - the author (or the worker it was registered for) reads, rates and reopens their own;
 *   for appeals staff registered from a visit or call, staff may record the rating the
 *   worker gives on the follow-up call (回访);
 * - union staff (appeals.manage) act on appeals raised in their org subtree;
 * - department handlers (appeals.handle) act on appeals assigned to a department in theirs.
 * An appeal none of these relations reaches does not exist for the caller (404); an
 * action the caller's relation does not allow is 403; an action the state does not
 * allow is 409 (see APPEAL_TRANSITIONS).
 */
import { hasPermission, scopeOf, type Actor } from '../../core/rbac/actor.js';
import { APPEAL_PERMISSIONS as P, APPEAL_TRANSITIONS, type AppealAction, type AppealStatus } from '../../../common/appeals.js';
import type { Visibility } from './appeals.visibility.js';

export interface AppealRef {
  isMine: boolean;
  orgPath: string;
  departmentPath: string | null;
  status: string;
  anonymous: boolean;
  /** Registered by union staff from a visit, call or letter. */
  registered: boolean;
  /** The deadline of the stage it is in (a Shanghai date); null when nothing is pending. */
  currentDue: string | null;
  /** The org setting that lets the union chair reveal too (default off); read where a reveal is possible. */
  chairMayReveal?: boolean;
}

export interface Relation {
  author: boolean;
  staff: boolean;
  handler: boolean;
}

export function relationTo(actor: Actor, appeal: AppealRef): Relation {
  return {
    author: appeal.isMine,
    staff: hasPermission(actor, P.manage, appeal.orgPath),
    handler: appeal.departmentPath !== null && hasPermission(actor, P.handle, appeal.departmentPath),
  };
}

const BY_RELATION: Record<Exclude<AppealAction, 'read'>, (r: Relation, actor: Actor, a: AppealRef) => boolean> = {
  accept: (r) => r.staff,
  decline: (r) => r.staff,
  setUrgency: (r) => r.staff,
  assign: (r) => r.staff,
  merge: (r) => r.staff,
  supervise: (r) => r.staff,
  close: (r) => r.staff,
  decideExtension: (r) => r.staff,
  reveal: (r, actor, a) => r.staff && mayReveal(actor, a.orgPath, a.chairMayReveal ?? false),
  note: (r) => r.staff || r.handler,
  answer: (r) => r.staff || r.handler,
  requestExtension: (r) => r.handler,
  // Staff record the rating of an appeal they registered for a worker, from a follow-up call (回访).
  rate: (r, _actor, a) => r.author || (r.staff && a.registered),
};

/**
 * Who may lift anonymity: union staff (工会干事) over the appeal's org, as the domain says —
 * by role, not by permission, because the system admin holds every permission and IT is not
 * the union; the union chair only where the org's settings allow it.
 */
export function mayReveal(actor: Actor, orgPath: string, chairMayReveal: boolean): boolean {
  return actor.grants.some(
    (g) => (g.role === 'unionStaff' || (g.role === 'unionChair' && chairMayReveal)) && hasPermission({ ...actor, grants: [g] }, P.reveal, orgPath),
  );
}

/** Whether the caller may see the appeal at all. */
export function canRead(actor: Actor, appeal: AppealRef): boolean {
  const r = relationTo(actor, appeal);
  return r.author || r.staff || r.handler;
}

/** Whether the caller's relation allows the action (regardless of the appeal's state). */
export function can(actor: Actor, action: AppealAction, appeal: AppealRef): boolean {
  if (action === 'read') return canRead(actor, appeal);
  return BY_RELATION[action](relationTo(actor, appeal), actor, appeal);
}

/** Whether the appeal's state allows the action. */
export function allowedIn(action: Exclude<AppealAction, 'read'>, status: string): boolean {
  return (APPEAL_TRANSITIONS[action] as readonly string[]).includes(status as AppealStatus);
}

/** Overdue: the deadline day has passed (the red light). Only overdue appeals may be supervised (督办). */
export function isOverdue(appeal: Pick<AppealRef, 'currentDue'>, today: string): boolean {
  return appeal.currentDue !== null && appeal.currentDue < today;
}

/**
 * What the appeal itself must satisfy for an action beyond its status: the service checks
 * this before acting and `abilities` before offering, so the two cannot disagree.
 */
export function conditionFails(action: Exclude<AppealAction, 'read'>, appeal: AppealRef, today: string): 'notOverdue' | 'notAnonymous' | 'pastDeadline' | null {
  if (action === 'supervise' && !isOverdue(appeal, today)) return 'notOverdue';
  // Past its deadline an appeal is a 督办 matter: a late extension would erase the lateness.
  if (action === 'requestExtension' && isOverdue(appeal, today)) return 'pastDeadline';
  if (action === 'reveal' && !appeal.anonymous) return 'notAnonymous';
  return null;
}

/** What the caller may do right now (`today`: the Shanghai date), for the UI. */
export function abilities(actor: Actor, appeal: AppealRef, today: string): string[] {
  return (Object.keys(BY_RELATION) as Exclude<AppealAction, 'read'>[]).filter(
    (a) => allowedIn(a, appeal.status) && can(actor, a, appeal) && conditionFails(a, appeal, today) === null,
  );
}

/** The list scope: one's own appeals plus the subtrees where one is staff or handler. */
export function visibilityOf(actor: Actor): Visibility {
  return { accountId: actor.accountId, personId: actor.personId, staff: scopeOf(actor, P.manage), handler: scopeOf(actor, P.handle) };
}

export function isStaffSomewhere(actor: Actor): boolean {
  return hasPermission(actor, P.manage);
}

export function mayConfigure(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, P.configure, orgPath);
}

export function maySubmit(actor: Actor): boolean {
  return hasPermission(actor, P.submit);
}
