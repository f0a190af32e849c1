import type { Actor } from '../rbac/actor.js';
import { hasPermission, scopeOf } from '../rbac/actor.js';

export const WEBHOOKS_MANAGE = 'webhooks.manage';

export const webhookScope = (actor: Actor) => scopeOf(actor, WEBHOOKS_MANAGE);

/**
 * Outcome for acting on webhooks of an org: 'ok'; 'forbidden' when the caller can see
 * the org but may not manage its robots; 'hidden' when the org is none of their business.
 */
export function webhookAccess(actor: Actor, orgPath: string): 'ok' | 'forbidden' | 'hidden' {
  if (hasPermission(actor, WEBHOOKS_MANAGE, orgPath)) return 'ok';
  return hasPermission(actor, 'org.read', orgPath) ? 'forbidden' : 'hidden';
}
