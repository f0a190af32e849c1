/**
 * The figures of teacher growth, counted from the records over the scope's schools; records are
 * placed by the teacher's school (`school_path`).
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { sortedIds } from '../../core/indicators/records.js';
import { TEACHER_GROWTH_PERMISSIONS } from '../../../common/teacherGrowth.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { gdb } from './teacherGrowth.tables.js';
import { dutiesMet } from './teacherGrowth.duties.js';

// Each drill is a filter of the school office's own list (per school of the scope): the roster
// (`placed`), the plans (`underWay`, `onTrackFrom/To`), the evidence (`kind`, `from/to`) and the
// promotions (`status`, `decidedFrom/To`); teacherGrowth.test.ts checks each list's rows equal the figure.
/** Every drill lists the school office's records (OfficePage reads the filters and shows the rows). */
const OFFICE = '/teacher-growth/office';

const count = (n: number, filters: Record<string, string>): Figure => ({
  value: n,
  numerator: n,
  denominator: n,
  unit: 'count',
  drill: { numerator: filters, denominator: filters },
});

/**
 * Each figure is counted from rows that carry their record's id, read once per batch (`sharedRead`):
 * the figure is their count and its `records` are their ids — one read, one definition. The records
 * are the school office's (recordsPermission below): a teacher's own evidence is not a colleague's to read.
 */
const ids = (rows: readonly { id: string }[]) => sortedIds(rows.map((r) => r.id));

/** Teachers on the rolls (not archived) placed in a tier, as the roster counts them; id = the teacher. */
function placedRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'teacherGrowth.placed', () =>
    gdb(db)
      .selectFrom('growth_placements as g')
      .innerJoin('persons as p', 'p.id', 'g.teacher_id')
      .select(['g.teacher_id as id', 'g.school_id', 'g.tier'])
      .where('p.kind', '=', 'teacher')
      .where('p.archived', '=', 0)
      .where((eb) => pathInScope(eb, 'g.school_path', q.scope))
      .execute(),
  );
}

/** Teachers placed in a tier (a snapshot: placements as they stand). */
export async function placed(db: Db, q: IndicatorQuery): Promise<Figure> {
  return count((await placedRows(db, q)).length, { placed: '1' });
}

/** Of the placed teachers, those who did every duty of their tier in the period. */
function dutiesRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'teacherGrowth.duties', async () => {
    const teachers = await placedRows(db, q);
    const met = await dutiesMet(
      db,
      teachers.map((t) => ({ teacher_id: t.id, school_id: t.school_id, tier: t.tier })),
      q.from,
      q.to,
    );
    return { teachers, met: teachers.filter((t) => met.has(t.id)) };
  });
}

/**
 * Duties done: placed teachers (on the rolls) who did every duty of their tier — each as often as
 * a term asks — with evidence dated in the period ÷ placed teachers. Per tier through the roster's
 * tier filter, which the drill keeps.
 */
export async function dutiesDone(db: Db, q: IndicatorQuery): Promise<Figure> {
  const { teachers, met } = await dutiesRows(db, q);
  return rateFigure(met.length, teachers.length, { numerator: { placed: '1', dutiesFrom: q.from, dutiesTo: q.to }, denominator: { placed: '1' } });
}

/** Plans under way (active or in yearly review), each with whether it is on track in the period. */
function planRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'teacherGrowth.plans', async () => {
    const plans = await gdb(db)
      .selectFrom('growth_plans as p')
      .select(['p.id'])
      .select((eb) => [
        eb
          .exists(
            eb.selectFrom('growth_evidence as e').select('e.id').whereRef('e.plan_id', '=', 'p.id').where('e.date', '>=', q.from).where('e.date', '<=', q.to),
          )
          .as('has_evidence'),
        eb
          .exists(eb.selectFrom('growth_year_reviews as y').select('y.plan_id').whereRef('y.plan_id', '=', 'p.id').where('y.rating', '=', 'notMet'))
          .as('missed'),
      ])
      .where('p.status', 'in', ['active', 'yearReview'])
      .where((eb) => pathInScope(eb, 'p.school_path', q.scope))
      .execute();
    return { plans, onTrack: plans.filter((p) => Number(p.has_evidence) && !Number(p.missed)) };
  });
}

/**
 * Plans on track: plans under way (active or in yearly review) with at least one piece of evidence
 * dated in the period and no year rated 'not met' ÷ plans under way.
 */
export async function plansOnTrack(db: Db, q: IndicatorQuery): Promise<Figure> {
  const { plans, onTrack } = await planRows(db, q);
  return rateFigure(onTrack.length, plans.length, {
    numerator: { view: 'school', onTrackFrom: q.from, onTrackTo: q.to },
    denominator: { view: 'school', underWay: '1' },
  });
}

/** Observation records (听课评课) dated in the period, each with whether it met its rubric's pass mark. */
function observationRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'teacherGrowth.observations', () =>
    gdb(db)
      .selectFrom('growth_evidence')
      .select(['id', 'rubric_met'])
      .where('kind', '=', 'observation')
      .where('date', '>=', q.from)
      .where('date', '<=', q.to)
      .where((eb) => pathInScope(eb, 'school_path', q.scope))
      .execute(),
  );
}
const rubricMet = (r: { rubric_met: unknown }) => Number(r.rubric_met) === 1;

/** Observation records (听课评课) dated in the period. */
export async function observations(db: Db, q: IndicatorQuery): Promise<Figure> {
  return count((await observationRows(db, q)).length, { kind: 'observation', from: q.from, to: q.to });
}

/**
 * Observations that met their rubric's pass mark ÷ observations, dated in the period: each judged
 * on the version of the school's rubric it was scored on (kept on the record when it was scored).
 */
export async function observationsMet(db: Db, q: IndicatorQuery): Promise<Figure> {
  const rows = await observationRows(db, q);
  const all = { kind: 'observation', from: q.from, to: q.to };
  return rateFigure(rows.filter(rubricMet).length, rows.length, { numerator: { ...all, met: '1' }, denominator: all });
}

/** Promotions approved in the period. */
function promotionRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'teacherGrowth.promotions', () =>
    gdb(db)
      .selectFrom('growth_promotions')
      .select('id')
      .where('status', '=', 'approved')
      .where('decided_on', '>=', q.from)
      .where('decided_on', '<=', q.to)
      .where((eb) => pathInScope(eb, 'school_path', q.scope))
      .execute(),
  );
}

/** Promotions approved in the period. */
export async function promotions(db: Db, q: IndicatorQuery): Promise<Figure> {
  return count((await promotionRows(db, q)).length, { status: 'approved', decidedFrom: q.from, decidedTo: q.to });
}

/** A count's records: the same ids in both parts, as the figure's numerator and denominator are the same count. */
const both = (list: string[]): CountedRecords => ({ numerator: list, denominator: list });

/**
 * Who may open a snapshot's list: the school's office and principal, who read every teacher's plan
 * and evidence already. A teacher (teacherGrowth.own) sees the counts only — the ids would be a
 * colleague's records, and the lists are by name, never a ranking.
 */
const RECORDS = { recordsPermission: TEACHER_GROWTH_PERMISSIONS.oversee };

export const teacherGrowthIndicators = [
  defineIndicator({
    key: 'teacherGrowth.placed',
    label: { zh: '分层培养教师数', en: 'Teachers in a tier' },
    definition: { zh: '已确定梯队的在职教师人数（当前）', en: 'Teachers placed in a tier (as they stand now)' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: placed,
    records: async (db, q) => both(ids(await placedRows(db, q))),
    ...RECORDS,
  }),
  defineIndicator({
    key: 'teacherGrowth.dutiesDone',
    label: { zh: '梯队职责完成率', en: 'Tier duties done' },
    definition: {
      zh: '已定梯队的在职教师中，期内每项梯队职责都有佐证且次数达到每学期要求的人数 ÷ 已定梯队的在职教师人数（可按梯队筛选）',
      en: 'Placed teachers with evidence in the period of every duty of their tier, each as often as a term asks ÷ placed teachers (filter by tier on the roster)',
    },
    period: 'range',
    drillPage: OFFICE,
    unit: 'rate',
    compute: dutiesDone,
    records: async (db, q) => {
      const { teachers, met } = await dutiesRows(db, q);
      return { numerator: ids(met), denominator: ids(teachers) };
    },
    ...RECORDS,
  }),
  defineIndicator({
    key: 'teacherGrowth.plansOnTrack',
    label: { zh: '成长规划按计划推进率', en: 'Growth plans on track' },
    definition: {
      zh: '执行中且期内有成长佐证、无“未达成”年度评估的规划数 ÷ 执行中的规划数',
      en: 'Plans under way with evidence in the period and no year rated not met ÷ plans under way',
    },
    period: 'range',
    drillPage: OFFICE,
    unit: 'rate',
    compute: plansOnTrack,
    records: async (db, q) => {
      const { plans, onTrack } = await planRows(db, q);
      return { numerator: ids(onTrack), denominator: ids(plans) };
    },
    ...RECORDS,
    recordPage: '/teacher-growth/plans/:id',
  }),
  defineIndicator({
    key: 'teacherGrowth.observations',
    label: { zh: '听课评课次数', en: 'Lesson observations' },
    definition: { zh: '期内登记的听课评课记录数', en: 'Observation records dated in the period' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: observations,
    records: async (db, q) => both(ids(await observationRows(db, q))),
    ...RECORDS,
  }),
  defineIndicator({
    key: 'teacherGrowth.observationsMet',
    label: { zh: '听课评课达标率', en: 'Observations meeting the rubric' },
    definition: {
      zh: '期内听课评课记录中，按评课时的本校量表版本总分达到达标线的记录数 ÷ 听课评课记录数',
      en: 'Observation records in the period whose total on the school rubric version they were scored on reached its pass mark ÷ observation records',
    },
    period: 'range',
    drillPage: OFFICE,
    unit: 'rate',
    compute: observationsMet,
    records: async (db, q) => {
      const rows = await observationRows(db, q);
      return { numerator: ids(rows.filter(rubricMet)), denominator: ids(rows) };
    },
    ...RECORDS,
  }),
  defineIndicator({
    key: 'teacherGrowth.promotions',
    label: { zh: '梯队晋升人数', en: 'Promotions between tiers' },
    definition: { zh: '期内校长批准的梯队晋升数', en: 'Promotions the principal approved in the period' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: promotions,
    records: async (db, q) => both(ids(await promotionRows(db, q))),
    ...RECORDS,
  }),
];
