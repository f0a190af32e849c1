/**
 * The congress's notable cases for the work report: the adopted proposals (立案) of the sessions
 * held in the period with the widest reach — the most representatives behind them (seconds, and
 * the proposals merged into them) — and how each was handled. A proposal is the representatives'
 * collective voice: the case names its session, number, departments and answer, never the
 * proposer or a seconder.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { NotableCaseQuery } from '../../core/indicators/notableCases.js';
import type { NotableCase } from '../../../common/notableCase.js';
import { PROPOSAL_GRADE_LABELS, type ProposalGrade } from '../../../common/congress.js';
import { sessionsIn } from './congress.proposals.repository.js';
import { cdb } from './congress.tables.js';

const ANSWER_CHARS = 200;
const day = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
};

export async function congressNotableCases(db: Db, q: NotableCaseQuery): Promise<NotableCase[]> {
  if (!q.scope.all && q.scope.paths.length === 0) return [];
  const seconds = sql<number>`(select count(*) from congress_seconds s2 where s2.proposal_id = x.id)`;
  const merged = sql<number>`(select count(*) from congress_proposals m where m.merged_into_id = x.id)`;
  const rows = await cdb(db)
    .selectFrom('congress_proposals as x')
    .innerJoin('congress_sessions as s', 's.id', 'x.session_id')
    .leftJoin('orgs as d', 'd.id', 'x.department_id')
    .select([
      'x.id',
      'x.title',
      'x.number',
      'x.co_department_ids',
      'x.answer',
      'x.answered_at',
      'x.grade',
      's.name as session_name',
      'd.name as department_name',
      seconds.as('seconds'),
      merged.as('merged'),
    ])
    .where('x.session_id', 'in', (eb) => sessionsIn(eb, q.scope, q.from, q.to))
    .where('x.number', 'is not', null)
    .where('x.status', '!=', 'merged')
    .orderBy(sql`${seconds} + ${merged}`, 'desc')
    .orderBy('s.starts_on')
    .orderBy('x.number')
    .orderBy('x.id')
    .limit(3)
    .execute();
  return rows.map((r) => {
    const co = (JSON.parse(r.co_department_ids) as string[]).length;
    const backers = `${Number(r.seconds)} 名代表附议${Number(r.merged) ? `，并入同类提案 ${Number(r.merged)} 件` : ''}`;
    const handled = r.department_name ? `，交${r.department_name}${co ? `会同 ${co} 个部门` : ''}办理` : '';
    const answer = (r.answer ?? '').trim();
    const outcome = r.answered_at
      ? `，${day(r.answered_at)}答复：${answer.length > ANSWER_CHARS ? `${answer.slice(0, ANSWER_CHARS)}……` : answer}`
      : '，正在办理。';
    const grade = r.grade
      ? `${/[。！？]$/.test(outcome) ? '' : '。'}落实评定：${PROPOSAL_GRADE_LABELS[r.grade as ProposalGrade]?.zh ?? r.grade}。`
      : /[。！？]$/.test(outcome)
        ? ''
        : '。';
    return {
      key: `proposal:${r.id}`,
      kind: { zh: '影响面最广的提案', en: 'Proposal with the widest reach' },
      title: `${r.session_name}第 ${r.number} 号提案“${r.title}”`,
      summary: `${backers}${handled}${outcome}${grade}`,
    };
  });
}
