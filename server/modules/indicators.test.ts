/**
 * The indicator registry as the cross-practice dashboard and the year-end report will use
 * it: one list of definitions over HTTP, and each figure computed from the records for a
 * scope and a period — the same numbers the practice's own dashboard shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { indicator } from '../core/indicators/indicators.registry.js';
import { useAppealsWorld, wageAppeal } from './appeals/appeals.testkit.js';
import { useSchoolWorld } from './school/school.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
const s = useSchoolWorld(t, beforeAll);

const compute = (key: string, paths: string[], from: string, to: string) => indicator(key)!.compute(t.db, { scope: { all: false, paths }, from, to });

describe('the indicator registry', () => {
  it('lists every registered indicator with its module, bilingual label, definition and unit, to anyone signed in', async () => {
    expect((await t.client().request('GET', '/api/v1/indicators')).status).toBe(401);
    const worker = await w.worker();
    const res = await worker.get('/api/v1/indicators');
    expect(res.status).toBe(200);
    const byKey = new Map(res.body.items.map((i: any) => [i.key, i]));
    expect([...byKey.keys()].sort()).toEqual([
      'appeals.acceptanceHours',
      'appeals.acceptedOnTimeRate',
      'appeals.answerRate',
      'appeals.closureRate',
      'appeals.onTimeAnswerRate',
      'appeals.onTimeClosureRate',
      'appeals.reopenRate',
      'appeals.satisfactionRate',
      'appeals.satisfiedShare',
      'appeals.stillOpen',
      'appeals.submitted',
      'congress.adoptionRate',
      'congress.attendanceRate',
      'congress.gradeBShare',
      'congress.gradeCShare',
      'congress.implementationRate',
      'congress.mergeRate',
      'congress.onTimeAnswerRate',
      'congress.opinionRate',
      'congress.participationRate',
      'congress.proposalsPerRepresentative',
      'congress.rejectionRate',
      'congress.satisfactionRate',
      'congress.turnout',
      'contracts.appealsPerClause',
      'contracts.clausesHonoured',
      'contracts.clausesNotHonoured',
      'contracts.expiring',
      'contracts.inForce',
      'contracts.overdueRenewal',
      'contracts.replyInTime',
      'contracts.wageRaiseReached',
      'core.decidedAverageProgress',
      'core.decidedOnTimeRate',
      'core.decidedOverdue',
      'hardship.assistancePerHousehold',
      'hardship.assistanceTotal',
      'hardship.callbacksOnTime',
      'hardship.exited',
      'hardship.households',
      'hardship.newlyFiled',
      'hardship.relapseRate',
      'hardship.reviewsOnTime',
      'heartBridge.readRate',
      'heartBridge.replyRate',
      'heartBridge.twoWayCoverage',
      'honours.awards',
      'honours.disqualifiedRate',
      'honours.nominations',
      'lessonLogs.correctionsMet',
      'lessonLogs.demonstrationsMet',
      'lessonLogs.homeworkCheckedMet',
      'lessonLogs.loggedRate',
      'lessonLogs.practiceMinutesMet',
      'lessonLogs.questionedMet',
      'lessonLogs.standardMetRate',
      'lessonLogs.studentsReached',
      'lessonLogs.tutoringMet',
      'mediation.amountAgreed',
      'mediation.amountPaid',
      'mediation.cases',
      'mediation.onTimeRate',
      'mediation.referred',
      'mediation.successRate',
      'mediation.timeToOutcome',
      'mediation.within15Days',
      'meetings.decisionsCarriedOver',
      'meetings.decisionsClosed',
      'meetings.heldAsPlanned',
      'moralEducation.coverage',
      'notices.onSchedule',
      'notices.questionsAnswered',
      'notices.readRate',
      'policies.faqDeflections',
      'policies.faqPublished',
      'policies.faqReuseRate',
      'policies.faqViews',
      'policies.onTimeAnswerRate',
      'policies.questionsAnswered',
      'policies.reviewPending',
      'policies.topTopicShare',
      'suggestions.adoptionRate',
      'suggestions.benefit',
      'suggestions.implemented',
      'suggestions.participationRate',
      'suggestions.per100Workers',
      'suggestions.rewardsPaid',
      'surveys.agedProblems',
      'surveys.openProblems',
      'surveys.responseRate',
      'surveys.topConcern',
      'teacherGrowth.dutiesDone',
      'teacherGrowth.observations',
      'teacherGrowth.observationsMet',
      'teacherGrowth.placed',
      'teacherGrowth.plansOnTrack',
      'teacherGrowth.promotions',
    ]);
    expect(byKey.get('core.decidedOnTimeRate')).toMatchObject({ module: 'core', unit: 'rate' });
    expect(byKey.get('appeals.closureRate')).toMatchObject({ module: 'appeals', label: { zh: '办结率', en: 'Closure rate' }, unit: 'rate', period: 'range' });
    expect(byKey.get('appeals.acceptanceHours')).toMatchObject({ unit: 'hours' });
    expect(byKey.get('mediation.timeToOutcome')).toMatchObject({ module: 'mediation', unit: 'workingDays' });
  });

  it('computes an appeal figure for a scope and period exactly as the appeals dashboard counts it', async () => {
    const team = await w.team();
    const author = await w.worker({}, team);
    const ids: string[] = [];
    for (const title of ['工资少发', '加班费未发', '夜班补贴']) ids.push((await author.post('/api/v1/appeals', wageAppeal({ title }))).body.id);
    for (const id of ids.slice(0, 2)) expect((await w.staff.post(`/api/v1/appeals/${id}/accept`, {})).status).toBe(200);
    await w.staff.post(`/api/v1/appeals/${ids[0]}/assign`, { departmentId: w.prod1.id });
    expect((await w.handler.post(`/api/v1/appeals/${ids[0]}/answer`, { answer: '已补发' })).status).toBe(200);

    const today = new Date().toISOString().slice(0, 10);
    // One of two accepted appeals is answered; none is closed yet (no rating, not closed by staff).
    const answer = await compute('appeals.answerRate', [team.path], '2000-01-01', '2999-12-31');
    expect(answer).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, unit: 'rate' });
    const closure = await compute('appeals.closureRate', [team.path], '2000-01-01', '2999-12-31');
    expect(closure).toMatchObject({ value: 0, numerator: 0, denominator: 2, unit: 'rate' });
    const dash = (await w.staff.get(`/api/v1/appeals/dashboard?orgId=${team.id}`)).body;
    expect(answer).toMatchObject({ numerator: dash.indicators.answerRate.numerator, denominator: dash.indicators.answerRate.denominator });
    expect(closure).toMatchObject({ numerator: dash.indicators.closureRate.numerator, denominator: dash.indicators.closureRate.denominator });
    expect(await compute('appeals.submitted', [team.path], '2000-01-01', '2999-12-31')).toMatchObject({ value: 3, unit: 'count' });
    // Left open: the accepted one not yet answered and the one not yet accepted; the inbox lists exactly those two.
    const open = await compute('appeals.stillOpen', [team.path], '2000-01-01', '2999-12-31');
    expect(open).toMatchObject({ value: 2, unit: 'count' });
    const inbox = await w.staff.get(
      `/api/v1/appeals?${new URLSearchParams({ orgId: team.id, from: '2000-01-01', to: '2999-12-31', ...open.drill!.numerator })}`,
    );
    expect(inbox.body.items.map((a: { id: string }) => a.id).sort()).toEqual(ids.slice(1).sort());
    // Outside the period or outside the scope, nothing is counted.
    expect(await compute('appeals.submitted', [team.path], '2000-01-01', '2000-12-31')).toMatchObject({ value: 0 });
    expect(await compute('appeals.submitted', [w.mine2.path], '2000-01-01', today)).toMatchObject({ value: 0 });
  });

  it('computes 心桥 coverage and reply rate over the classes of a scope and the school weeks of a period', async () => {
    const { headA, gA1 } = s.users;
    const page = (id: string) => `/api/v1/heart-bridge/students/${id}/weeks/2026-W37`;
    const school = { atSchool: '上课专注。', suggestion: '', encouragement: '继续加油！' };
    expect((await headA.request('PUT', `${page(s.a1.id)}/school`, school)).status).toBe(200);
    expect((await gA1.request('PUT', `${page(s.a1.id)}/home`, { atHome: '按时完成作业。', suggestion: '', encouragement: '为你骄傲' })).status).toBe(200);
    expect((await headA.request('PUT', `${page(s.a2.id)}/school`, school)).status).toBe(200);

    // Class A has four students: one page with both sides, two with the school side.
    expect(await compute('heartBridge.twoWayCoverage', [s.classA.path], '2026-09-07', '2026-09-13')).toMatchObject({
      value: 0.25,
      numerator: 1,
      denominator: 4,
    });
    expect(await compute('heartBridge.replyRate', [s.classA.path], '2026-09-07', '2026-09-13')).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    // The other school's class is not in this school's scope, and has written nothing.
    expect(await compute('heartBridge.twoWayCoverage', [s.other.path], '2026-09-07', '2026-09-13')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('computes the ten-minute session coverage as class-days held over class-days that were school days', async () => {
    const url = `/api/v1/moral-education/classes/${s.classB.id}/sessions`;
    expect((await s.users.headB.post(url, { date: '2026-09-14', status: 'held', topic: '交通安全' })).status).toBe(201);
    expect((await s.users.headB.post(url, { date: '2026-09-15', status: 'skipped', skipReason: '运动会', topic: '交通安全' })).status).toBe(201);
    // Monday 14 to Friday 18 September 2026: five school days, one held.
    expect(await compute('moralEducation.coverage', [s.classB.path], '2026-09-14', '2026-09-18')).toMatchObject({ value: 0.2, numerator: 1, denominator: 5 });
  });
});
