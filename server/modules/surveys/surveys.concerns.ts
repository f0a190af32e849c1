/**
 * Top concerns by unit: the answers to 'top 3 concerns' questions of the surveys opened in a
 * period, counted per (survey, unit) cell and summed by option text, so one figure and one list
 * cover every survey of the period. An anonymous survey's cell enters only when its results page
 * cut by unit would show it (MIN_CELL and its complement, suppressedCells): any sum, and any
 * difference of two sums, is then made of cells the office may already read.
 */
import { sql } from 'kysely';
import type { ConcernQuery, ConcernRanking } from '../../../common/schemas/surveys.js';
import { suppressedCells } from '../../../common/surveys.js';
import type { Call } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { inScope, type Scope } from '../../core/rbac/actor.js';
import { demandOffice, manageScope } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import { sdb } from './surveys.tables.js';

export interface ConcernFilter {
  scope: Scope;
  from: string;
  to: string;
  /** Only units under this path (the list's orgId). */
  orgPath?: string;
  /** Only this concern (the figure's numerator). */
  concern?: string;
}

interface Cell {
  surveyId: string;
  unitId: string;
  answers: number;
  mentions: Map<string, number>;
}

/** The period's top-3 cells the filter may count, before summing. */
async function cellsOf(db: Tx, f: ConcernFilter): Promise<{ cells: Cell[]; hidden: number }> {
  const top3 = await sdb(db)
    .selectFrom('survey_questions as q')
    .innerJoin('surveys as s', 's.id', 'q.survey_id')
    .select(['q.id', 'q.survey_id', 'q.options', 's.anonymous'])
    .where('q.kind', '=', 'top3')
    .where('s.status', 'in', ['open', 'closed'])
    .where('s.opened_on', '>=', f.from)
    .where('s.opened_on', '<=', f.to)
    .execute();
  if (!top3.length) return { cells: [], hidden: 0 };
  const surveyIds = [...new Set(top3.map((q) => q.survey_id))];
  const options = new Map(top3.map((q) => [q.id, (JSON.parse(q.options) as string[]).map((o) => o.trim())]));

  // Each anonymous survey's unit sizes, as its results page counts them, decide which cells may show.
  const sizes = await sdb(db)
    .selectFrom('survey_responses')
    .select(['survey_id', 'unit_id', sql<number>`count(*)`.as('n')])
    .where('survey_id', 'in', surveyIds)
    .groupBy(['survey_id', 'unit_id'])
    .execute();
  const anonymous = new Set(top3.filter((q) => q.anonymous === 1).map((q) => q.survey_id));
  const hiddenKeys = new Set<string>();
  for (const sid of anonymous) {
    const m = new Map(sizes.filter((r) => r.survey_id === sid).map((r) => [r.unit_id, Number(r.n)]));
    for (const u of suppressedCells(m)) hiddenKeys.add(`${sid}|${u}`);
  }

  const unitIds = [...new Set(sizes.map((r) => r.unit_id))];
  const paths = new Map<string, string>();
  for (let i = 0; i < unitIds.length; i += 500) {
    for (const o of await sdb(db)
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', 'in', unitIds.slice(i, i + 500))
      .execute())
      paths.set(o.id, o.path);
  }
  const counted = (unitId: string) => {
    const p = paths.get(unitId);
    return p !== undefined && inScope(f.scope, p) && (f.orgPath === undefined || p.startsWith(f.orgPath));
  };

  const questionIds = top3.map((q) => q.id);
  const picks = await sdb(db)
    .selectFrom('survey_answers')
    .select(['survey_id', 'unit_id', 'question_id', 'choice', sql<number>`count(*)`.as('n')])
    .where('question_id', 'in', questionIds)
    .where('choice', 'is not', null)
    .groupBy(['survey_id', 'unit_id', 'question_id', 'choice'])
    .execute();
  const answered = await sdb(db)
    .selectFrom('survey_answers')
    .select(['survey_id', 'unit_id', sql<number>`count(distinct response_id)`.as('n'), 'question_id'])
    .where('question_id', 'in', questionIds)
    .where('choice', 'is not', null)
    .groupBy(['survey_id', 'unit_id', 'question_id'])
    .execute();

  const cells = new Map<string, Cell>();
  let hidden = 0;
  for (const r of answered) {
    if (!counted(r.unit_id)) continue;
    const k = `${r.survey_id}|${r.unit_id}`;
    if (hiddenKeys.has(k)) {
      hidden++;
      continue;
    }
    const c = cells.get(k) ?? cells.set(k, { surveyId: r.survey_id, unitId: r.unit_id, answers: 0, mentions: new Map() }).get(k)!;
    c.answers += Number(r.n);
  }
  for (const r of picks) {
    const c = cells.get(`${r.survey_id}|${r.unit_id}`);
    const text = options.get(r.question_id)?.[r.choice!];
    if (!c || text === undefined) continue;
    c.mentions.set(text, (c.mentions.get(text) ?? 0) + Number(r.n));
  }
  return { cells: [...cells.values()], hidden };
}

const ranked = (mentions: Map<string, number>, answers: number) =>
  [...mentions]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .map(([concern, n]) => ({ concern, mentions: n, share: answers ? Math.round((n / answers) * 10_000) / 10_000 : null }));

function sum(cells: Cell[]) {
  const mentions = new Map<string, number>();
  let answers = 0;
  for (const c of cells) {
    answers += c.answers;
    for (const [k, n] of c.mentions) mentions.set(k, (mentions.get(k) ?? 0) + n);
  }
  return { answers, mentions };
}

/** The ranking of the filter's cells: every concern, most named first (ties by name). */
export async function ranking(db: Tx, f: ConcernFilter) {
  const { cells, hidden } = await cellsOf(db, f);
  const all = sum(cells);
  const rows = ranked(all.mentions, all.answers).filter((r) => f.concern === undefined || r.concern === f.concern);
  return { cells, hidden, answers: all.answers, rows };
}

/** GET /api/v1/surveys/concerns: the office's ranking over its subtree, overall and the top 3 per unit. */
export async function list(call: Call, q: ConcernQuery): Promise<ConcernRanking> {
  demandOffice(call.actor);
  let orgPath: string | undefined;
  if (q.orgId) {
    const o = await repo.orgById(call.db, q.orgId);
    if (!o) return { from: q.from, to: q.to, answers: 0, hiddenCells: 0, rows: [], units: [] };
    orgPath = o.path;
  }
  const r = await ranking(call.db, { scope: manageScope(call.actor), from: q.from, to: q.to, orgPath, concern: q.concern });
  const byUnit = new Map<string, Cell[]>();
  for (const c of r.cells) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
  const names = await repo.orgNames(call.db, [...byUnit.keys()]);
  const units = [...byUnit].map(([unitId, cs]) => {
    const s = sum(cs);
    return {
      unitId,
      unitName: names.get(unitId) ?? '',
      answers: s.answers,
      top: ranked(s.mentions, s.answers)
        .filter((x) => q.concern === undefined || x.concern === q.concern)
        .slice(0, 3),
    };
  });
  return {
    from: q.from,
    to: q.to,
    answers: r.answers,
    hiddenCells: r.hidden,
    rows: r.rows,
    units: units.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh')),
  };
}
