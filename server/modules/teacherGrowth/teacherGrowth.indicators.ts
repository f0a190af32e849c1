/**
 * The figures of teacher growth, counted from the records over the scope's schools; records are
 * placed by the teacher's school (`school_path`).
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
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

/** Teachers placed in a tier (a snapshot: placements as they stand). */
export async function placed(db: Db, q: IndicatorQuery): Promise<Figure> {
  // As the roster counts them: teachers on the rolls (not archived).
  const r = await gdb(db)
    .selectFrom('growth_placements as g')
    .innerJoin('persons as p', 'p.id', 'g.teacher_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.kind', '=', 'teacher')
    .where('p.archived', '=', 0)
    .where((eb) => pathInScope(eb, 'g.school_path', q.scope))
    .executeTakeFirstOrThrow();
  return count(Number(r.n), { placed: '1' });
}

/**
 * Duties done: placed teachers (on the rolls) who did every duty of their tier — each as often as
 * a term asks — with evidence dated in the period ÷ placed teachers. Per tier through the roster's
 * tier filter, which the drill keeps.
 */
export async function dutiesDone(db: Db, q: IndicatorQuery): Promise<Figure> {
  const teachers = await gdb(db)
    .selectFrom('growth_placements as g')
    .innerJoin('persons as p', 'p.id', 'g.teacher_id')
    .select(['g.teacher_id', 'g.school_id', 'g.tier'])
    .where('p.kind', '=', 'teacher')
    .where('p.archived', '=', 0)
    .where((eb) => pathInScope(eb, 'g.school_path', q.scope))
    .execute();
  const met = await dutiesMet(db, teachers, q.from, q.to);
  return rateFigure(met.size, teachers.length, { numerator: { placed: '1', dutiesFrom: q.from, dutiesTo: q.to }, denominator: { placed: '1' } });
}

/**
 * Plans on track: plans under way (active or in yearly review) with at least one piece of evidence
 * dated in the period and no year rated 'not met' ÷ plans under way.
 */
export async function plansOnTrack(db: Db, q: IndicatorQuery): Promise<Figure> {
  const g = gdb(db);
  const plans = await g
    .selectFrom('growth_plans as p')
    .select(['p.id'])
    .select((eb) => [
      eb
        .exists(
          eb.selectFrom('growth_evidence as e').select('e.id').whereRef('e.plan_id', '=', 'p.id').where('e.date', '>=', q.from).where('e.date', '<=', q.to),
        )
        .as('has_evidence'),
      eb.exists(eb.selectFrom('growth_year_reviews as y').select('y.plan_id').whereRef('y.plan_id', '=', 'p.id').where('y.rating', '=', 'notMet')).as('missed'),
    ])
    .where('p.status', 'in', ['active', 'yearReview'])
    .where((eb) => pathInScope(eb, 'p.school_path', q.scope))
    .execute();
  const ok = plans.filter((p) => Number(p.has_evidence) && !Number(p.missed)).length;
  return rateFigure(ok, plans.length, { numerator: { view: 'school', onTrackFrom: q.from, onTrackTo: q.to }, denominator: { view: 'school', underWay: '1' } });
}

/** Observation records (听课评课) dated in the period. */
export async function observations(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await gdb(db)
    .selectFrom('growth_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'observation')
    .where('date', '>=', q.from)
    .where('date', '<=', q.to)
    .where((eb) => pathInScope(eb, 'school_path', q.scope))
    .executeTakeFirstOrThrow();
  return count(Number(r.n), { kind: 'observation', from: q.from, to: q.to });
}

/**
 * Observations that met their rubric's pass mark ÷ observations, dated in the period: each judged
 * on the version of the school's rubric it was scored on (kept on the record when it was scored).
 */
export async function observationsMet(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await gdb(db)
    .selectFrom('growth_evidence')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('rubric_met', '=', 1).then(1).else(0).end()).as('met')])
    .where('kind', '=', 'observation')
    .where('date', '>=', q.from)
    .where('date', '<=', q.to)
    .where((eb) => pathInScope(eb, 'school_path', q.scope))
    .executeTakeFirstOrThrow();
  const all = { kind: 'observation', from: q.from, to: q.to };
  return rateFigure(Number(r.met ?? 0), Number(r.n), { numerator: { ...all, met: '1' }, denominator: all });
}

/** Promotions approved in the period. */
export async function promotions(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await gdb(db)
    .selectFrom('growth_promotions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'approved')
    .where('decided_on', '>=', q.from)
    .where('decided_on', '<=', q.to)
    .where((eb) => pathInScope(eb, 'school_path', q.scope))
    .executeTakeFirstOrThrow();
  return count(Number(r.n), { status: 'approved', decidedFrom: q.from, decidedTo: q.to });
}

export const teacherGrowthIndicators = [
  defineIndicator({
    key: 'teacherGrowth.placed',
    label: { zh: '分层培养教师数', en: 'Teachers in a tier' },
    definition: { zh: '已确定梯队的在职教师人数（当前）', en: 'Teachers placed in a tier (as they stand now)' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: placed,
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
  }),
  defineIndicator({
    key: 'teacherGrowth.observations',
    label: { zh: '听课评课次数', en: 'Lesson observations' },
    definition: { zh: '期内登记的听课评课记录数', en: 'Observation records dated in the period' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: observations,
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
  }),
  defineIndicator({
    key: 'teacherGrowth.promotions',
    label: { zh: '梯队晋升人数', en: 'Promotions between tiers' },
    definition: { zh: '期内校长批准的梯队晋升数', en: 'Promotions the principal approved in the period' },
    period: 'range',
    drillPage: OFFICE,
    unit: 'count',
    compute: promotions,
  }),
];
