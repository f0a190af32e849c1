/**
 * Who stands in what relation to a contract. Union chair and staff reach every contract of
 * their subtree (the chair also signs); once published, the workers of the contract's org and
 * below read it. Everyone else hears 404.
 */
import { CONTRACTS_PERMISSIONS as P } from '../../../common/contracts.js';
import { forbidden, notFound } from '../../core/errors.js';
import { inScope, scopeOf, type Actor } from '../../core/rbac/actor.js';
import type { ContractTable } from './contracts.tables.js';

export interface ContractRelation {
  overseer: boolean;
  manager: boolean;
  signer: boolean;
  publicReader: boolean;
}

/** A published contract of an org reaches whoever holds readPublished at that org or below it. */
export function publishedReaches(actor: Actor, orgPath: string): boolean {
  const s = scopeOf(actor, P.readPublished);
  return s.all || s.paths.some((p) => p.startsWith(orgPath));
}

export function relationTo(actor: Actor, c: Pick<ContractTable, 'org_path' | 'status'>): ContractRelation {
  return {
    overseer: inScope(scopeOf(actor, P.read), c.org_path),
    manager: inScope(scopeOf(actor, P.manage), c.org_path),
    signer: inScope(scopeOf(actor, P.sign), c.org_path),
    publicReader: c.status === 'published' && publishedReaches(actor, c.org_path),
  };
}

export function assertVisible(r: ContractRelation): void {
  if (!r.overseer && !r.publicReader) throw notFound();
}
/** Monitoring and negotiation details are the union's: a worker reading the published text hears 404 there. */
export function assertOverseer(r: ContractRelation): void {
  if (!r.overseer) throw notFound();
}
export function assertManager(r: ContractRelation): void {
  assertOverseer(r);
  if (!r.manager) throw forbidden();
}
export function assertSigner(r: ContractRelation): void {
  assertOverseer(r);
  if (!r.signer) throw forbidden();
}

/** The contracts the actor oversees; who oversees none may not ask for figures or lists across them (403). */
export function overseenScope(actor: Actor) {
  const s = scopeOf(actor, P.read);
  if (!s.all && !s.paths.length) throw forbidden();
  return s;
}
