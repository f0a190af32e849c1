/**
 * What other modules may ask of the library: the articles behind a list of ids, as a citation
 * shows them (an appeal's answer or decline citing 第N条). The caller checks its own record's
 * access; articles of a library the caller's actor does not reach are left out.
 */
import type { Call } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import type { Actor } from '../../core/rbac/actor.js';
import { reaches, readReach } from './policies.policy.js';
import { articlesByIds } from './policies.repository.js';

export interface CitedArticle {
  articleId: string;
  policyId: string;
  policyTitle: string;
  label: string;
  body: string;
  /** 'effective' | 'superseded' | 'repealed': a citation of an old version is shown marked. */
  policyStatus: string;
}

export function citedArticles(call: Call, articleIds: string[]): Promise<CitedArticle[]> {
  return citedArticlesFor(call.db, call.actor, articleIds);
}

/** The same inside a caller's transaction (a module's write checking the ids it is given). */
export async function citedArticlesFor(db: Db | Tx, actor: Actor, articleIds: string[]): Promise<CitedArticle[]> {
  if (!articleIds.length) return [];
  const reach = readReach(actor);
  const rows = await articlesByIds(db, [...new Set(articleIds)]);
  return rows
    .filter((a) => reaches(reach, a.org_path))
    .map((a) => ({ articleId: a.id, policyId: a.policy_id, policyTitle: a.policy_title, label: a.label, body: a.body, policyStatus: a.policy_status }));
}
