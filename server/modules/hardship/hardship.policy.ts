/**
 * Need-to-know (issue #19): a hardship officer (union chair or staff holding hardship.officer
 * over the worker's org) sees a file and acts on it; the household's own worker sees their
 * application and its state, not the officers' notes; nobody else learns the file exists (404).
 */
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { HARDSHIP_PERMISSIONS as P } from '../../../common/hardship.js';

export interface Relation {
  officer: boolean;
  own: boolean;
  sees: boolean;
}

export function relationTo(actor: Actor, p: { org_path: string; worker_person_id: string }): Relation {
  const officer = hasPermission(actor, P.officer, p.org_path);
  const own = actor.personId !== null && actor.personId === p.worker_person_id && hasPermission(actor, P.apply, p.org_path);
  return { officer, own, sees: officer || own };
}
