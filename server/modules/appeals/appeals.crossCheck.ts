/**
 * For hardship's cross-check panel: a worker's own appeals about wages or medical costs (work
 * injuries are raised as medical). Read-only. Anonymous appeals are never returned: an
 * anonymous appeal must never be attributed to its author, not even to the union's officers.
 */
import type { Tx } from '../../core/db/database.js';
import { adb } from './appeals.tables.js';

export const CROSS_CHECK_CATEGORIES = ['wages', 'medical'] as const;

export async function namedAppealsOf(db: Tx, personId: string, limit = 20) {
  return adb(db)
    .selectFrom('appeals')
    .select(['id', 'code', 'title', 'category', 'status', 'submitted_date'])
    .where('author_person_id', '=', personId)
    .where('anonymous', '=', 0)
    .where('category', 'in', [...CROSS_CHECK_CATEGORIES])
    .orderBy('submitted_date', 'desc')
    .limit(limit)
    .execute();
}
