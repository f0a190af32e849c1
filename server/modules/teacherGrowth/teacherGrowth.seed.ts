/**
 * Demo of teacher growth for the demo school: every teacher placed in a tier, a three-year plan
 * in a realistic state for each, goals weighted by the tier, evidence (observations by mentors,
 * lesson plans, reflections), mentoring pairs for the new teachers, a basic-skills competition
 * with results (evidence of its own), one approved promotion and one awaiting the principal.
 * The demo `teacher` is a new teacher whose draft waits to be submitted; their mentor is the
 * demo `head`. Bulk inserts in one transaction, deterministic.
 */
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { DEFAULT_TIERS, rubricTotal, type GoalArea, type RubricDefinition, type TierKey } from '../../../common/teacherGrowth.js';
import { gdb, type GDb, type GrowthTables } from './teacherGrowth.tables.js';

const GOALS: Record<GoalArea, string[]> = {
  ethics: ['学习师德规范并撰写心得', '参与一次师德故事分享'],
  teaching: ['规范上好每一节 35+10 课', '上一节校级公开课', '形成一套单元教学设计'],
  research: ['参加教研组集体备课', '完成一项校级小课题', '发表一篇教学论文'],
  classManagement: ['协助班主任组织一次主题班会', '独立带好一个班'],
  leadership: ['指导一名青年教师', '主持一次学科沙龙'],
};

const RUBRIC: RubricDefinition = {
  title: '35+10 课堂教学评价表（本校）',
  scaleMax: 5,
  passMark: 75,
  items: [
    { key: 'objectives', name: '教学目标', weight: 15 },
    { key: 'process', name: '教学过程', weight: 20 },
    { key: 'inClassChecking', name: '当堂检测（不少于 10 分钟）', weight: 25 },
    { key: 'participation', name: '学生参与（六个十）', weight: 20 },
    { key: 'outcome', name: '教学效果', weight: 20 },
  ],
};

async function chunked<T extends keyof GrowthTables>(db: GDb, table: T, rows: GrowthTables[T][]) {
  const cols = rows.length ? Object.keys(rows[0] as object).length : 1;
  const size = Math.max(1, Math.floor(30_000 / cols));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

export async function seedTeacherGrowthDemo(root: Db, now: Date): Promise<void> {
  const g = gdb(root);
  const principal = await g
    .selectFrom('accounts as a')
    .innerJoin('role_grants as r', 'r.account_id', 'a.id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['a.id as account_id', 'o.id', 'o.path'])
    .where('a.username', '=', 'principal')
    .where('o.kind', '=', 'school')
    .executeTakeFirst();
  if (!principal) return;
  const academic = await g.selectFrom('accounts').select('id').where('username', '=', 'academic').executeTakeFirst();
  if ((await g.selectFrom('growth_placements').select('teacher_id').where('school_id', '=', principal.id).limit(1).execute()).length) return;
  const demo = await g.selectFrom('accounts').select(['username', 'person_id']).where('username', 'in', ['teacher', 'head']).execute();
  const demoTeacher = demo.find((a) => a.username === 'teacher')?.person_id ?? null;
  const demoHead = demo.find((a) => a.username === 'head')?.person_id ?? null;
  const teachers = await g
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name'])
    .where('p.kind', '=', 'teacher')
    .where('p.archived', '=', 0)
    .where('o.path', '>=', principal.path)
    .where('o.path', '<', principal.path + '~')
    .orderBy('p.id')
    .execute();
  if (!teachers.length) return;

  const today = shanghaiDate(now);
  const iso = now.toISOString();
  const year = Number(today.slice(0, 4));
  const school = { school_id: principal.id, school_path: principal.path };
  const tierOf = (i: number, id: string): TierKey =>
    id === demoTeacher
      ? 'new'
      : id === demoHead
        ? 'experienced'
        : (['new', 'new', 'new', 'young', 'young', 'young', 'experienced', 'experienced', 'experienced', 'top'] as const)[i % 10];
  const tiers = new Map(teachers.map((t, i) => [t.id, tierOf(i, t.id)]));
  const rows: { [K in keyof GrowthTables]?: GrowthTables[K][] } = {};
  const push = <K extends keyof GrowthTables>(k: K, r: GrowthTables[K]) => ((rows[k] ??= [] as never) as GrowthTables[K][]).push(r);
  const id = newId;

  // The school's own rubric (version 1): in-class checking weighs most, as the 35+10 lesson asks.
  const rubricId = id();
  push('growth_rubrics', {
    id: rubricId,
    school_id: school.school_id,
    version: 1,
    title: RUBRIC.title,
    scale_max: RUBRIC.scaleMax,
    pass_mark: RUBRIC.passMark,
    items: JSON.stringify(RUBRIC.items),
    created_by: academic?.id ?? principal.account_id,
    created_at: iso,
  });

  // Placements, and new teachers' mentors among the experienced ones.
  const experienced = teachers.filter((t) => tiers.get(t.id) === 'experienced' && t.id !== demoHead);
  let m = 0;
  teachers.forEach((t, i) => {
    const tier = tiers.get(t.id)!;
    push('growth_placements', {
      teacher_id: t.id,
      ...school,
      tier,
      milestone: tier === 'new' ? ['入格', '入门', '入道'][i % 3]! : null,
      since: `${year - 1}-09-01`,
      updated_at: iso,
    });
    if (tier === 'new' && (experienced.length || demoHead)) {
      const mentor = t.id === demoTeacher && demoHead ? demoHead : experienced[m++ % experienced.length]!.id;
      push('growth_mentorships', { id: id(), ...school, mentor_id: mentor, mentee_id: t.id, started_on: `${year - 1}-09-01`, ended_on: null, created_at: iso });
    }
  });
  const mentorOf = new Map((rows.growth_mentorships ?? []).map((p) => [p.mentee_id, p.mentor_id]));

  // Plans: the demo teacher's draft; the rest spread over the workflow.
  const STATES = ['active', 'active', 'active', 'submitted', 'yearReview', 'active', 'reviewed', 'complete', 'active', 'draft'] as const;
  teachers.forEach((t, i) => {
    const tier = tiers.get(t.id)!;
    const status = t.id === demoTeacher ? 'draft' : STATES[i % STATES.length]!;
    const currentYear = status === 'complete' ? 3 : status === 'active' || status === 'yearReview' ? 1 + (i % 3) : 1;
    const startYear = year - (currentYear - 1) - (status === 'complete' ? 1 : 0);
    const planId = id();
    const def = DEFAULT_TIERS.find((d) => d.key === tier)!;
    push('growth_plans', {
      id: planId,
      teacher_id: t.id,
      ...school,
      tier,
      title: `${t.name}的三年成长规划（${startYear}—${startYear + 2}）`,
      vision:
        tier === 'new'
          ? '三年内站稳讲台，完成入格、入门、入道三个阶段。'
          : tier === 'young'
            ? '在基本功大赛中获奖，形成自己的课堂风格。'
            : tier === 'experienced'
              ? '形成教学特色，带出两名青年骨干。'
              : '凝练教学风格，争取进入特级教师后备人选。',
      start_year: startYear,
      current_year: currentYear,
      status,
      review_comment: ['draft', 'submitted'].includes(status) ? null : '目标清晰，建议每学期至少上一节展示课。',
      activated_on: ['active', 'yearReview', 'complete'].includes(status) ? `${startYear}-09-10` : null,
      completed_on: status === 'complete' ? addDays(today, -30) : null,
      created_at: iso,
      updated_at: iso,
    });
    const areas = (Object.keys(def.weights) as GoalArea[]).filter((a) => def.weights[a] >= 15);
    let sort = 0;
    for (let y = 1; y <= 3; y++) {
      for (const [k, area] of areas.slice(0, 2).entries()) {
        const goalId = id();
        const done = y < currentYear || status === 'complete' || (y === currentYear && (i + k) % 2 === 0 && ['active', 'yearReview'].includes(status));
        push('growth_goals', {
          id: goalId,
          plan_id: planId,
          year: y,
          area,
          title: GOALS[area][(y + k) % GOALS[area].length]!,
          measure: null,
          weight: def.weights[area],
          done_on: done ? addDays(today, -20 * (currentYear - y + 1)) : null,
          sort: sort++,
        });
      }
      if (y < currentYear || (status === 'yearReview' && y === currentYear) || status === 'complete') {
        const rated = y < currentYear || status === 'complete';
        push('growth_year_reviews', {
          plan_id: planId,
          year: y,
          reflection: '本年度按计划完成了主要目标，课堂检测环节仍需加强。',
          rating: rated ? (i % 7 === 0 ? 'partly' : 'met') : null,
          comment: rated ? '进步明显，继续保持。' : null,
          reviewer_account_id: rated ? (academic?.id ?? null) : null,
          reviewed_at: rated ? iso : null,
        });
      }
    }
    if (['active', 'yearReview', 'complete'].includes(status)) {
      const ev = (kind: string, title: string, days: number, extra: Partial<GrowthTables['growth_evidence']> = {}) =>
        push('growth_evidence', {
          id: id(),
          teacher_id: t.id,
          school_path: school.school_path,
          plan_id: planId,
          goal_id: null,
          duty: null,
          kind,
          title,
          note: null,
          date: addDays(today, -days),
          rubric: null,
          rubric_id: null,
          score: null,
          rubric_met: null,
          observer_id: null,
          activity_id: null,
          created_by: academic?.id ?? principal.account_id,
          created_at: iso,
          ...extra,
        });
      ev('lessonPlan', '单元教学设计', 12 + (i % 9));
      ev('selfReflection', '一节课后的反思：当堂检测没留够 10 分钟', 5 + (i % 7));
      const mentor = mentorOf.get(t.id);
      if (mentor) {
        for (let k = 0; k < 2; k++) {
          const scores = { objectives: 4, process: 3 + k, inClassChecking: 3 + ((i + k) % 3), participation: 4, outcome: 3 + k };
          const total = rubricTotal(RUBRIC, scores);
          ev('observation', `师傅听课（第 ${k + 1} 次）`, 7 + 14 * k + (i % 5), {
            observer_id: mentor,
            rubric: JSON.stringify(scores),
            rubric_id: rubricId,
            score: total,
            rubric_met: total >= RUBRIC.passMark ? 1 : 0,
          });
        }
      }
      if (tier === 'experienced') ev('showcaseLesson', '教学特色展示课', 25 + (i % 10));
      if (tier === 'top') ev('exhibition', '个人教学风格研讨会', 40);
    }
  });

  // One promotion approved this year, one awaiting the principal; the approved one moved the placement.
  const young = teachers.filter((t) => tiers.get(t.id) === 'young');
  const [promoted, pending] = young;
  if (promoted) {
    push('growth_promotions', {
      id: id(),
      teacher_id: promoted.id,
      ...school,
      from_tier: 'young',
      to_tier: 'experienced',
      reason: '基本功大赛一等奖，承担区级公开课两节。',
      status: 'approved',
      proposed_by: academic?.id ?? principal.account_id,
      proposed_at: iso,
      decided_by: principal.account_id,
      decided_on: addDays(today, -10),
      decision_note: '同意。',
      updated_at: iso,
    });
    rows.growth_placements!.find((p) => p.teacher_id === promoted.id)!.tier = 'experienced';
  }
  if (pending)
    push('growth_promotions', {
      id: id(),
      teacher_id: pending.id,
      ...school,
      from_tier: 'young',
      to_tier: 'experienced',
      reason: '教学成绩稳定，指导新教师成效明显。',
      status: 'proposed',
      proposed_by: academic?.id ?? principal.account_id,
      proposed_at: iso,
      decided_by: null,
      decided_on: null,
      decision_note: null,
      updated_at: iso,
    });

  // The basic-skills competition of the young teachers, with results as evidence; a salon still open for sign-up.
  const contest = id();
  const contestDay = addDays(today, -21);
  push('growth_activities', {
    id: contest,
    ...school,
    kind: 'competition',
    title: `${year} 年课堂教学基本功大赛`,
    date: contestDay,
    tier: 'young',
    results_on: addDays(today, -18),
    created_at: iso,
  });
  const prizes = ['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '优秀奖'];
  young.forEach((t, k) => {
    const evidenceId = id();
    const result = prizes[k % prizes.length]!;
    push('growth_activity_entries', { activity_id: contest, teacher_id: t.id, signed_up_at: iso, attended: 1, result, evidence_id: evidenceId });
    const plan = rows.growth_plans!.find((p) => p.teacher_id === t.id && p.status !== 'complete');
    push('growth_evidence', {
      id: evidenceId,
      teacher_id: t.id,
      school_path: school.school_path,
      plan_id: plan?.id ?? null,
      goal_id: null,
      duty: null,
      kind: 'competitionResult',
      title: `${year} 年课堂教学基本功大赛：${result}`,
      note: '课堂教学基本功大赛',
      date: contestDay,
      rubric: null,
      rubric_id: null,
      score: null,
      rubric_met: null,
      observer_id: null,
      activity_id: contest,
      created_by: academic?.id ?? principal.account_id,
      created_at: iso,
    });
  });
  push('growth_activities', {
    id: id(),
    ...school,
    kind: 'salon',
    title: '新教师沙龙：如何留足 10 分钟当堂检测',
    date: addDays(today, 7),
    tier: 'new',
    results_on: null,
    created_at: iso,
  });

  await root.transaction().execute(async (tx) => {
    const t = gdb(tx);
    for (const k of [
      'growth_rubrics',
      'growth_placements',
      'growth_mentorships',
      'growth_plans',
      'growth_goals',
      'growth_year_reviews',
      'growth_evidence',
      'growth_promotions',
      'growth_activities',
      'growth_activity_entries',
    ] as const)
      await chunked(t, k, (rows[k] ?? []) as never);
  });
}
