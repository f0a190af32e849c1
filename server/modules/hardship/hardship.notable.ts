/**
 * Hardship's notable cases for the work report: households assisted in the period, those that
 * left hardship (脱困) and stayed out first, then those helped in the most ways. A household's
 * file is need-to-know and the report is printed and passed up, so a case says only what cannot
 * point at a family: the tier, the causes, the kinds of help and the months — never a name, a
 * file code, the unit, the household's size or income, nor an amount. Its key is a digest of
 * the file's id, so the report's stored narrative holds no id either.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { NotableCaseQuery } from '../../core/indicators/notableCases.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import type { NotableCase } from '../../../common/notableCase.js';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  CAUSE_LABELS,
  CAUSES,
  TIER_LABELS,
  type AssistanceKind,
  type Cause,
  type Tier,
} from '../../../common/hardship.js';
import { hdb } from './hardship.tables.js';

const keyOf = (profileId: string) => `household:${createHash('sha256').update(profileId).digest('hex').slice(0, 16)}`;
const month = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;

export async function hardshipNotableCases(db: Db, q: NotableCaseQuery): Promise<NotableCase[]> {
  if (!q.scope.all && q.scope.paths.length === 0) return [];
  const h = hdb(db);
  // Left hardship within the period and not back in it: the outcome a union reports first.
  const out = sql<number>`case when p.exited_on >= ${q.from} and p.exited_on <= ${q.to} and p.relapsed_on is null then 1 else 0 end`;
  const rows = await h
    .selectFrom('hardship_assistance as a')
    .innerJoin('hardship_profiles as p', 'p.id', 'a.profile_id')
    .where('a.given_on', '>=', q.from)
    .where('a.given_on', '<=', q.to)
    .where((eb) => pathInScope(eb, 'a.org_path', q.scope))
    .groupBy(['p.id', 'p.tier', 'p.filed_on', 'p.exited_on', 'p.relapsed_on'])
    .select((eb) => [
      'p.id',
      'p.tier',
      'p.filed_on',
      'p.exited_on',
      'p.relapsed_on',
      out.as('out'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('a.kind').distinct().as('kinds'),
    ])
    .orderBy(sql`max(${out})`, 'desc')
    .orderBy(sql`count(distinct a.kind)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('p.id')
    .limit(3)
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const causes = await h.selectFrom('hardship_causes').select(['profile_id', 'cause']).where('profile_id', 'in', ids).execute();
  const kinds = await h
    .selectFrom('hardship_assistance')
    .select(['profile_id', 'kind'])
    .distinct()
    .where('profile_id', 'in', ids)
    .where('given_on', '>=', q.from)
    .where('given_on', '<=', q.to)
    .execute();
  return rows.map((r) => {
    // In the order the practice lists causes and kinds of help.
    const why = causes
      .filter((c) => c.profile_id === r.id)
      .map((c) => c.cause)
      .sort((a, b) => CAUSES.indexOf(a as Cause) - CAUSES.indexOf(b as Cause))
      .map((c) => CAUSE_LABELS[c as Cause]?.zh ?? c);
    const help = kinds
      .filter((k) => k.profile_id === r.id)
      .map((k) => k.kind)
      .sort((a, b) => ASSISTANCE_KINDS.indexOf(a as AssistanceKind) - ASSISTANCE_KINDS.indexOf(b as AssistanceKind))
      .map((k) => ASSISTANCE_KIND_LABELS[k as AssistanceKind]?.zh ?? k);
    const tier = r.tier ? TIER_LABELS[r.tier as Tier]?.zh : null;
    const left = Number(r.out) === 1;
    const filed = r.filed_on ? `${r.filed_on.slice(0, 4)}年建档${tier ? `（${tier}）` : ''}，` : '';
    return {
      key: keyOf(r.id),
      kind: left
        ? { zh: '帮扶脱困的困难职工家庭', en: 'A household helped out of hardship' }
        : { zh: '持续帮扶的困难职工家庭', en: 'A household under continued assistance' },
      title: `一户${why.length ? why.join('、') : ''}致困的职工家庭`,
      summary: `${filed}期间得到${help.join('、')}共 ${Number(r.n)} 次帮扶，${left ? `${month(r.exited_on!)}脱困，至今未返困。` : '仍在档帮扶。'}`,
    };
  });
}
