/**
 * The modules' notable-case suggestions, filled by the composition root from the declarations
 * (`notableCases` in defineModule), as the indicators are: the work report asks every module
 * for its cases of a period without importing one.
 */
import type { Db } from '../db/database.js';
import type { Scope } from '../rbac/actor.js';
import type { NotableCase } from '../../../common/notableCase.js';

/** The org subtree and dates [from, to] (YYYY-MM-DD, inclusive) the cases are chosen from. */
export interface NotableCaseQuery {
  scope: Scope;
  from: string;
  to: string;
}

export interface NotableCaseSource {
  module: string;
  suggest(db: Db, q: NotableCaseQuery): Promise<NotableCase[]>;
}

let sources: readonly NotableCaseSource[] = [];

export function installNotableCases(list: readonly NotableCaseSource[]): void {
  sources = list;
}

export function notableCaseSources(): readonly NotableCaseSource[] {
  return sources;
}
