/**
 * Scope as SQL: the org subtrees an actor may reach become prefix range scans on the
 * materialised path, which both engines answer from the path index.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { prefixUpper } from '../db/dialect.js';
import type { Scope } from './actor.js';

export function pathInScope(eb: ExpressionBuilder<any, any>, pathColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.paths.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(scope.paths.map((p) => eb.and([eb(pathColumn, '>=', p), eb(pathColumn, '<', prefixUpper(p))])));
}

export function pathUnder(eb: ExpressionBuilder<any, any>, pathColumn: string, prefix: string): Expression<SqlBool> {
  return eb.and([eb(pathColumn, '>=', prefix), eb(pathColumn, '<', prefixUpper(prefix))]);
}
