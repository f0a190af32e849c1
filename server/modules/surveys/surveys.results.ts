/**
 * Results of a survey, whole and cut by one target attribute, and response rates against the
 * frozen recipient list. An anonymous survey never shows a cell describing fewer than MIN_CELL
 * respondents, nor the cell that would give such a cell away by subtraction (suppressedCells);
 * cuts are one attribute at a time, so no two cuts intersect into a smaller group.
 */
import { EMPLOYMENT_CATEGORY_LABELS, type EmploymentCategory } from '../../../common/enums.js';
import { GENDER_LABELS, type Gender } from '../../../common/schemas/people.js';
import type { ResultCell, SurveyResults } from '../../../common/schemas/surveys.js';
import { CHOICE_KINDS, MIN_CELL, SURVEY_CUT_LABELS, suppressedCells, type QuestionKind, type SurveyCut } from '../../../common/surveys.js';
import { sql } from 'kysely';
import type { Call } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { signatureOf, similarity, prepare } from '../appeals/index.js';
import { questionView, loadManaged } from './surveys.service.js';
import * as repo from './surveys.repository.js';
import { sdb } from './surveys.tables.js';
import { NONE, readTallies, RESPONDENTS } from './surveys.tallies.js';

const COLUMN: Record<SurveyCut, 'unit_id' | 'org_id' | 'category' | 'gender' | 'union_member'> = {
  unit: 'unit_id',
  org: 'org_id',
  category: 'category',
  gender: 'gender',
  unionMember: 'union_member',
};
const key = (v: unknown) => (v === null || v === undefined ? NONE : String(v));

async function labelsOf(db: Tx, cut: SurveyCut, groups: string[]): Promise<Map<string, string>> {
  if (cut === 'unit' || cut === 'org')
    return repo.orgNames(
      db,
      groups.filter((g) => g !== NONE),
    );
  const out = new Map<string, string>();
  for (const g of groups) {
    if (cut === 'category') out.set(g, EMPLOYMENT_CATEGORY_LABELS[g as EmploymentCategory]?.zh ?? '未登记');
    else if (cut === 'gender') out.set(g, GENDER_LABELS[g as Gender]?.zh ?? '未登记');
    else out.set(g, g === '1' ? '会员' : '非会员');
  }
  return out;
}

const emptyCell = (group: string, label: string, suppressed: boolean, respondents: number): ResultCell => ({
  group,
  label,
  suppressed,
  respondents: suppressed ? null : respondents,
  counts: null,
  scores: null,
  mean: null,
  answers: null,
});

/** Free-text answers grouped by the appeals module's similarity (greedy: each joins the first group it matches). */
export function groupTexts(texts: string[], threshold = 0.4) {
  const groups: { rep: ReturnType<typeof prepare>; texts: string[]; tokens: Map<string, number> }[] = [];
  for (const text of texts.slice(0, 3000)) {
    const sig = signatureOf(text, '');
    const p = prepare(sig);
    const g = groups.find((x) => similarity(x.rep, p) >= threshold);
    const target = g ?? groups[groups.push({ rep: p, texts: [], tokens: new Map() }) - 1];
    target.texts.push(text);
    for (const t of sig) if (t.length >= 2 && !t.includes(':')) target.tokens.set(t, (target.tokens.get(t) ?? 0) + 1);
  }
  return groups
    .sort((a, b) => b.texts.length - a.texts.length)
    .slice(0, 20)
    .map((g) => ({
      size: g.texts.length,
      sample: g.texts.slice(0, 3),
      keywords: [...g.tokens]
        .filter(([, n]) => n >= Math.max(2, g.texts.length / 2) || g.texts.length === 1)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([t]) => t.replace(/^#/, '')),
    }));
}

export async function results(call: Call, id: string, cut?: SurveyCut): Promise<SurveyResults> {
  const db = call.db;
  const s = await loadManaged(db, call, id);
  const anonymous = s.anonymous === 1;
  const questions = (await repo.questionsOf(db, id)).map(questionView);

  // Every figure of the page from the survey's running totals (surveys.tallies.ts): respondents per group,
  // choice counts and top-3 scores per option, answers and sums of values — one read, no answer grouped here.
  const sizes = new Map<string, number>();
  let respondents = 0;
  const totals = new Map<string, { n: number; score: number; total: number }>();
  for (const r of await readTallies(db, id, cut)) {
    const group = r.cut === 'all' ? 'all' : r.grp;
    if (r.question_id === RESPONDENTS) {
      if (group === 'all') respondents = Number(r.n);
      else sizes.set(group, Number(r.n));
    } else totals.set(`${r.question_id}|${group}|${r.choice}`, { n: Number(r.n), score: Number(r.score), total: Number(r.total) });
  }
  const hidden = anonymous ? suppressedCells(sizes) : new Set<string>();
  const overallHidden = anonymous && respondents > 0 && respondents < MIN_CELL;
  const groups = [...sizes.keys()].sort();
  const labels = cut ? await labelsOf(db, cut, groups) : new Map<string, string>();

  const out = questions.map((q) => {
    const choice = CHOICE_KINDS.includes(q.kind as QuestionKind);
    const numeric = q.kind === 'scale' || q.kind === 'number';
    const cell = (group: string, label: string, n: number, suppressed: boolean): ResultCell => {
      const c = emptyCell(group, label, suppressed, n);
      if (suppressed) return c;
      const at = (option: number) => totals.get(`${q.id}|${group}|${option}`);
      if (choice) {
        c.counts = q.options.map((_, i) => at(i)?.n ?? 0);
        if (q.kind === 'top3') c.scores = q.options.map((_, i) => at(i)?.score ?? 0);
      }
      if (numeric) {
        const v = at(-1);
        c.answers = v?.n ?? 0;
        c.mean = v?.n ? Math.round((v.total / v.n) * 100) / 100 : null;
      }
      return c;
    };
    return {
      ...q,
      overall: cell('all', '全部', respondents, overallHidden),
      cells: groups.map((g) => cell(g, labels.get(g) ?? (g === NONE ? '未登记' : g), sizes.get(g)!, hidden.has(g))),
      textGroups: null as ReturnType<typeof groupTexts> | null,
    };
  });

  for (const q of out) {
    if (q.kind !== 'text' || overallHidden) continue;
    const texts = await sdb(db)
      .selectFrom('survey_answers')
      .select('text')
      .where('survey_id', '=', id)
      .where('question_id', '=', q.id)
      .where('text', 'is not', null)
      .limit(3000)
      .execute();
    q.textGroups = groupTexts(texts.map((t) => t.text!));
  }
  return { surveyId: id, anonymous, cut: cut ?? null, recipients: Number(s.recipient_count), respondents, minCell: MIN_CELL, questions: out };
}

/** Response rate per group of the frozen list: answered ÷ recipients (who answered, never what). */
export async function responseRates(call: Call, id: string, cut: SurveyCut) {
  const db = call.db;
  await loadManaged(db, call, id);
  const col = COLUMN[cut];
  const rows = await sdb(db)
    .selectFrom('survey_recipients')
    .select([col, sql<number>`count(*)`.as('n'), sql<number>`sum(answered)`.as('a')])
    .where('survey_id', '=', id)
    .groupBy(col)
    .execute();
  const groups = rows.map((r) => key((r as Record<string, unknown>)[col]));
  const labels = await labelsOf(db, cut, groups);
  return {
    cut,
    rows: rows
      .map((r, i) => ({
        group: groups[i],
        label: labels.get(groups[i]) ?? '未登记',
        recipients: Number(r.n),
        answered: Number(r.a),
        rate: Number(r.n) ? Number(r.a) / Number(r.n) : null,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh')),
  };
}

/** The rows of the .xlsx export: exactly what the results page shows, suppressed cells included as such. */
export function exportRows(r: SurveyResults) {
  const rows: { question: string; group: string; item: string; value: string | number }[] = [];
  const cutLabel = r.cut ? SURVEY_CUT_LABELS[r.cut].zh : '';
  for (const q of r.questions) {
    for (const c of [q.overall, ...q.cells]) {
      const group = c.group === 'all' ? '全部' : `${cutLabel}：${c.label}`;
      if (c.suppressed) {
        rows.push({ question: q.text, group, item: '—', value: `不足${r.minCell}人，不显示` });
        continue;
      }
      rows.push({ question: q.text, group, item: '答卷人数', value: c.respondents ?? 0 });
      c.counts?.forEach((n, i) => rows.push({ question: q.text, group, item: q.options[i], value: n }));
      c.scores?.forEach((n, i) => rows.push({ question: q.text, group, item: `${q.options[i]}（加权得分）`, value: n }));
      if (c.mean !== null) rows.push({ question: q.text, group, item: '平均值', value: c.mean });
    }
    for (const g of q.textGroups ?? [])
      rows.push({ question: q.text, group: '全部', item: `相近意见：${g.keywords.join('、') || g.sample[0]}`, value: g.size });
  }
  return rows;
}
