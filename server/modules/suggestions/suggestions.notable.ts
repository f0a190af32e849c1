/**
 * The suggestion campaign's notable cases for the work report: the adopted suggestions decided or
 * verified in the period, those whose benefit was verified first and the largest benefit first —
 * the 金点子 a union reports. Named by the lead author's unit and the suggestion's own words;
 * never an author, a team or a reward.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { NotableCaseQuery } from '../../core/indicators/notableCases.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import type { NotableCase } from '../../../common/notableCase.js';
import {
  ADOPTED_STATUSES,
  BENEFIT_KIND_LABELS,
  IMPLEMENTED_STATUSES,
  SUGGESTION_STATUS_LABELS,
  type BenefitKind,
  type SuggestionStatus,
} from '../../../common/suggestions.js';
import { sdb } from './suggestions.tables.js';

const PROPOSAL_CHARS = 150;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const day = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export async function suggestionNotableCases(db: Db, q: NotableCaseQuery): Promise<NotableCase[]> {
  if (!q.scope.all && q.scope.paths.length === 0) return [];
  const rows = await sdb(db)
    .selectFrom('suggestions as s')
    .innerJoin('orgs as u', 'u.id', 's.org_id')
    .select([
      's.id',
      's.title',
      's.proposal',
      's.status',
      's.decided_on',
      's.implemented_on',
      's.benefit_kind',
      's.benefit_fen',
      's.verified_on',
      'u.name as unit_name',
    ])
    .where('s.status', 'in', [...ADOPTED_STATUSES])
    .where((eb) => pathInScope(eb, 's.org_path', q.scope))
    .where((eb) =>
      eb.or([
        eb.and([eb('s.decided_on', '>=', q.from), eb('s.decided_on', '<=', q.to)]),
        eb.and([eb('s.verified_on', '>=', q.from), eb('s.verified_on', '<=', q.to)]),
      ]),
    )
    .orderBy(sql`case when s.verified_on is null then 1 else 0 end`)
    .orderBy(sql`coalesce(s.benefit_fen, 0)`, 'desc')
    .orderBy('s.decided_on', 'desc')
    .orderBy('s.id')
    .limit(3)
    .execute();
  return rows.map((r) => {
    const proposal = r.proposal
      .trim()
      .replace(/^建议/, '')
      .replace(/[。；;.\s]+$/, '');
    const done = (IMPLEMENTED_STATUSES as readonly string[]).includes(r.status) ? `，${r.implemented_on ? `${day(r.implemented_on)}起` : ''}实施` : '';
    const benefit =
      r.verified_on && r.benefit_fen !== null
        ? `，经核实${BENEFIT_KIND_LABELS[r.benefit_kind as BenefitKind]?.zh ?? '创造效益'} ${yuan(Number(r.benefit_fen))} 元`
        : `，目前${SUGGESTION_STATUS_LABELS[r.status as SuggestionStatus]?.zh ?? r.status}`;
    return {
      key: `suggestion:${r.id}`,
      kind: r.verified_on ? { zh: '效益最大的合理化建议', en: 'Suggestion with the largest benefit' } : { zh: '采纳的合理化建议', en: 'Adopted suggestion' },
      title: `${r.unit_name}职工建议“${r.title}”`,
      summary: `建议${proposal.length > PROPOSAL_CHARS ? `${proposal.slice(0, PROPOSAL_CHARS)}……` : proposal}。${r.decided_on ? `${day(r.decided_on)}采纳` : '已采纳'}${done}${benefit}。`,
    };
  });
}
