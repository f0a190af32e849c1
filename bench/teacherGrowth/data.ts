/**
 * Scale-L data for teacher growth (issue #21: 1 500 teachers): one school of 450 classes' worth of
 * teachers, each placed in a tier with a three-year plan (a tenth also with a completed earlier one),
 * six goals, ~20 pieces of evidence over three years (observations by mentors), mentoring pairs for
 * the new teachers, 300 promotions and 60 activities — written in bulk with the columns the services
 * write. Deterministic (seeded).
 */
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, worldRows } from '../world.js';
import type { GrowthTables } from '../../server/modules/teacherGrowth/index.js';

export const SCALE_L = { teachers: 1_500, evidencePerTeacher: 20, promotions: 300, activities: 60 };
const TIERS = ['new', 'new', 'young', 'young', 'young', 'experienced', 'experienced', 'experienced', 'top', 'young'] as const;
const KINDS = ['lessonPlan', 'observation', 'peerReview', 'selfReflection', 'training', 'showcaseLesson'] as const;
const STATES = ['active', 'active', 'active', 'yearReview', 'submitted', 'reviewed', 'draft', 'active'] as const;

export interface Built {
  school: { id: string; path: string };
  officeAccount: string;
  teacher: { accountId: string; personId: string; planId: string };
  planIds: string[];
}

export async function buildGrowthL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(21);
  const w = worldRows();
  const iso = w.iso;
  const school = w.org('基准中学', 'school', null);
  await bulk(db, 'orgs', [school]);
  const teachers = Array.from({ length: scale.teachers }, (_, i) =>
    w.person(school.id, 'teacher', `教师${String(i).padStart(4, '0')}`, { union_member: 1, subject: '语文' }),
  );
  await bulk(db, 'persons', teachers);
  const office = w.account('bench.academic');
  const teacherAcc = w.account('bench.teacher', teachers[0]!.id);
  await bulk(db, 'accounts', [office, teacherAcc]);
  await bulk(db, 'role_grants', [w.grant(office.id, 'academicOffice', school.id), w.grant(teacherAcc.id, 'subjectTeacher', school.id)]);

  const s = { school_id: school.id, school_path: school.path };
  const tierOf = teachers.map((_, i) => TIERS[i % TIERS.length]!);
  const placements: GrowthTables['growth_placements'][] = teachers.map((t, i) => ({
    teacher_id: t.id,
    ...s,
    tier: tierOf[i]!,
    milestone: tierOf[i] === 'new' ? '入门' : null,
    since: addDays(today, -400),
    updated_at: iso,
  }));
  const experienced = teachers.filter((_, i) => tierOf[i] === 'experienced');
  const pairs: GrowthTables['growth_mentorships'][] = [];
  teachers.forEach((t, i) => {
    if (tierOf[i] === 'new')
      pairs.push({
        id: newId(),
        ...s,
        mentor_id: experienced[i % experienced.length]!.id,
        mentee_id: t.id,
        started_on: addDays(today, -400),
        ended_on: null,
        created_at: iso,
      });
  });
  const mentorOf = new Map(pairs.map((p) => [p.mentee_id, p.mentor_id]));
  const plans: GrowthTables['growth_plans'][] = [];
  const goals: GrowthTables['growth_goals'][] = [];
  const evidence: GrowthTables['growth_evidence'][] = [];
  const reviews: GrowthTables['growth_year_reviews'][] = [];
  const planIds: string[] = [];
  let mainPlan = '';
  teachers.forEach((t, i) => {
    const makePlan = (status: string, year: number) => {
      const id = newId();
      plans.push({
        id,
        teacher_id: t.id,
        ...s,
        tier: tierOf[i]!,
        title: `${t.name}的三年成长规划`,
        vision: '站稳讲台，形成风格。',
        start_year: 2024,
        current_year: year,
        status,
        review_comment: null,
        activated_on: addDays(today, -700),
        completed_on: status === 'complete' ? addDays(today, -30) : null,
        created_at: iso,
        updated_at: iso,
      });
      for (let y = 1; y <= 3; y++)
        for (let k = 0; k < 2; k++)
          goals.push({
            id: newId(),
            plan_id: id,
            year: y,
            area: k ? 'research' : 'teaching',
            title: `第${y}年目标${k + 1}`,
            measure: null,
            weight: k ? 20 : 35,
            done_on: y < year ? addDays(today, -100) : null,
            sort: y * 2 + k,
          });
      for (let y = 1; y < year; y++)
        reviews.push({
          plan_id: id,
          year: y,
          reflection: '完成主要目标',
          rating: 'met',
          comment: '继续保持',
          reviewer_account_id: office.id,
          reviewed_at: iso,
        });
      return id;
    };
    if (i % 10 === 0) makePlan('complete', 3);
    const status = i === 0 ? 'active' : STATES[i % STATES.length]!;
    const id = makePlan(status, 1 + (i % 3));
    planIds.push(id);
    if (i === 0) mainPlan = id;
    for (let e = 0; e < scale.evidencePerTeacher; e++) {
      const kind = KINDS[Math.floor(rng.next() * KINDS.length)]!;
      const mentor = kind === 'observation' ? (mentorOf.get(t.id) ?? null) : null;
      evidence.push({
        id: newId(),
        teacher_id: t.id,
        school_path: school.path,
        plan_id: id,
        goal_id: null,
        duty: null,
        kind,
        title: '佐证',
        note: null,
        date: addDays(today, -Math.floor(rng.next() * 1095)),
        rubric: kind === 'observation' ? '{"objectives":4,"process":4,"inClassChecking":3,"participation":4,"outcome":4}' : null,
        rubric_id: null,
        score: kind === 'observation' ? 76 : null,
        rubric_met: kind === 'observation' ? 0 : null,
        observer_id: mentor,
        activity_id: null,
        created_by: office.id,
        created_at: iso,
      });
    }
  });
  const promotions: GrowthTables['growth_promotions'][] = Array.from({ length: scale.promotions }, (_, k) => ({
    id: newId(),
    teacher_id: teachers[(k * 7) % teachers.length]!.id,
    ...s,
    from_tier: 'young',
    to_tier: 'experienced',
    reason: '成绩突出',
    status: k % 5 ? 'approved' : 'proposed',
    proposed_by: office.id,
    proposed_at: iso,
    decided_by: k % 5 ? office.id : null,
    decided_on: k % 5 ? addDays(today, -Math.floor(rng.next() * 1095)) : null,
    decision_note: null,
    updated_at: iso,
  }));
  const activities: GrowthTables['growth_activities'][] = Array.from({ length: scale.activities }, (_, k) => ({
    id: newId(),
    ...s,
    kind: k % 3 ? 'salon' : 'competition',
    title: `活动${k}`,
    date: addDays(today, -k * 18),
    tier: null,
    results_on: null,
    created_at: iso,
  }));

  await bulk(db, 'growth_placements', placements);
  await bulk(db, 'growth_mentorships', pairs);
  await bulk(db, 'growth_plans', plans, 200);
  await bulk(db, 'growth_goals', goals);
  await bulk(db, 'growth_year_reviews', reviews);
  await bulk(db, 'growth_evidence', evidence, 200);
  await bulk(db, 'growth_promotions', promotions);
  await bulk(db, 'growth_activities', activities);
  return { school, officeAccount: office.id, teacher: { accountId: teacherAcc.id, personId: teachers[0]!.id, planId: mainPlan }, planIds };
}
