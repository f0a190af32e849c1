/**
 * An appeal's answer or decline citing articles of the policy library ("out of scope:
 * answered with a policy explanation", issue #19). The library decides what the caller may
 * cite (articles they may read); a citation whose policy has since been amended or repealed
 * is shown for review, read live from the library so it cannot fall behind it.
 */
import type { Tx } from '../../core/db/database.js';
import { invalid } from '../../core/errors.js';
import type { Actor } from '../../core/rbac/actor.js';
import { citedArticlesFor } from '../policies/index.js';
import { AM } from './appeals.messages.js';
import { adb } from './appeals.tables.js';

export type CitationKind = 'answer' | 'decline';

/** Records the articles `actor` cites; 422 on `body.citedArticleIds` when one is unknown or out of reach. */
export async function cite(tx: Tx, actor: Actor, appealId: string, kind: CitationKind, articleIds: readonly string[] | undefined, iso: string): Promise<void> {
  const ids = [...new Set(articleIds ?? [])];
  if (!ids.length) return;
  const found = await citedArticlesFor(tx, actor, ids);
  if (found.length !== ids.length) throw invalid('body.citedArticleIds', AM['appeals.citationUnknown']);
  // A new answer (after a reopening) replaces the old one's citations.
  await adb(tx).deleteFrom('appeal_citations').where('appeal_id', '=', appealId).where('kind', '=', kind).execute();
  await adb(tx)
    .insertInto('appeal_citations')
    .values(ids.map((article_id) => ({ appeal_id: appealId, article_id, kind, created_at: iso })))
    .execute();
}

/** The cited articles as the viewer may read them, oldest citation first. */
export async function citationsOf(tx: Tx, actor: Actor, appealId: string) {
  const rows = await adb(tx)
    .selectFrom('appeal_citations')
    .select(['article_id', 'kind'])
    .where('appeal_id', '=', appealId)
    .orderBy('created_at')
    .orderBy('article_id')
    .execute();
  const articles = new Map(
    (
      await citedArticlesFor(
        tx,
        actor,
        rows.map((r) => r.article_id),
      )
    ).map((a) => [a.articleId, a]),
  );
  return rows.flatMap((r) => {
    const a = articles.get(r.article_id);
    return a ? [{ kind: r.kind as CitationKind, ...a, review: a.policyStatus !== 'effective' }] : [];
  });
}
