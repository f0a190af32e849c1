/**
 * The appeals' notable cases for the work report: the group alerts answered as one in the
 * period, the most workers first — a group dispute settled is the case a union reports.
 * De-identified: the unit, the category and the counts, never a worker or an appeal's text;
 * the answer is the one the union gave the whole group.
 */
import type { Db } from '../../core/db/database.js';
import type { NotableCaseQuery } from '../../core/indicators/notableCases.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import type { NotableCase } from '../../../common/notableCase.js';
import { APPEAL_CATEGORY_LABELS, type AppealCategory } from '../../../common/appeals.js';
import { adb } from './appeals.tables.js';

/** The first and last instant of Beijing dates, as stored timestamps (UTC ISO). */
const startOf = (date: string) => new Date(Date.parse(`${date}T00:00:00.000+08:00`)).toISOString();
const endOf = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
const ANSWER_CHARS = 300;

export async function appealNotableCases(db: Db, q: NotableCaseQuery): Promise<NotableCase[]> {
  const rows = await adb(db)
    .selectFrom('appeal_group_alerts as g')
    .innerJoin('orgs as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.category', 'g.worker_count', 'g.appeal_count', 'g.answer', 'g.answered_at', 'u.name as unit_name'])
    .where('g.status', '=', 'answered')
    .where((eb) => pathInScope(eb, 'u.path', q.scope))
    .where('g.answered_at', '>=', startOf(q.from))
    .where('g.answered_at', '<=', endOf(q.to))
    .orderBy('g.worker_count', 'desc')
    .orderBy('g.appeal_count', 'desc')
    .orderBy('g.id')
    .limit(3)
    .execute();
  return rows.map((r) => {
    const category = APPEAL_CATEGORY_LABELS[r.category as AppealCategory]?.zh ?? r.category;
    const answer = (r.answer ?? '').trim();
    const day = new Date(Date.parse(r.answered_at!) + 8 * 3_600_000).toISOString().slice(0, 10);
    return {
      key: `groupAlert:${r.id}`,
      kind: { zh: '化解人数最多的群体诉求', en: 'Largest group dispute settled' },
      title: `${r.unit_name}${category}群体诉求`,
      summary: `${r.worker_count} 名职工先后反映的 ${r.appeal_count} 件同类诉求，经群体预警研判后于 ${day} 统一答复：${answer.length > ANSWER_CHARS ? `${answer.slice(0, ANSWER_CHARS)}……` : answer}`,
    };
  });
}
