/**
 * HTTP only: path, declared access, schemas, one call into the service.
 * A plan's own teacher is, in the demo, the subject teacher; the head teacher is their mentor.
 * Routes only a plan's own teacher may take list the subject teacher, those of a reviewer the
 * head teacher — the declaration states what the authorization matrix expects of those two.
 */
import {
  ActivityBody,
  ActivityList,
  ActivityParams,
  Activity,
  DecideBody,
  EndBody,
  EvidenceBody,
  EvidenceFileParams,
  EvidenceList,
  EvidenceListQuery,
  GoalParams,
  Mentorship,
  MentorshipBody,
  MentorshipList,
  MentorshipParams,
  PlacementBody,
  PlanBody,
  PlanDetail,
  PlanList,
  PlanListQuery,
  PlanParams,
  Promotion,
  PromotionList,
  PromotionListQuery,
  PromotionParams,
  ProposeBody,
  ResultsBody,
  ReviewBody,
  RubricBody,
  RubricState,
  Roster,
  RosterQuery,
  SchoolParams,
  SelfReviewBody,
  TeacherHistory,
  TeacherParams,
  TierBody,
  TierList,
  TierParams,
  YearReviewBody,
} from '../../../common/schemas/teacherGrowth.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { notFound } from '../../core/errors.js';
import { fileOf, sendFile } from '../../core/files/index.js';
import { readCall, writeCall } from '../../core/http/call.js';
import * as plans from './teacherGrowth.service.js';
import * as office from './teacherGrowth.office.js';
import * as activities from './teacherGrowth.activities.js';
import * as rubrics from './teacherGrowth.rubric.js';

const tags = ['teacherGrowth'];
const OFFICE = ['sysAdmin', 'principal', 'academicOffice'] as const;
const TEACHERS = ['headTeacher', 'subjectTeacher'] as const;
const SCHOOL = [...OFFICE, ...TEACHERS] as const;
/** The plan's own teacher (see above). */
const OWNER = ['subjectTeacher'] as const;
/** A mentor or the office. */
const REVIEWERS = [...OFFICE, 'headTeacher'] as const;
const B = '/api/v1/teacher-growth';

export async function teacherGrowthRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;
  const plan = { 200: PlanDetail };

  // ---- plans ----
  app.get(
    `${B}/plans`,
    {
      config: allow(...SCHOOL),
      schema: { tags, summary: '成长规划列表：我的、我指导的、全校（按姓名，不排名）', querystring: PlanListQuery, response: { 200: PlanList } },
    },
    async (req) => plans.list(readCall(db, req), req.query),
  );
  app.post(
    `${B}/plans`,
    { config: allow(...TEACHERS), schema: { tags, summary: '制定本人三年成长规划（草稿）', body: PlanBody, response: { 201: PlanDetail } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => plans.create(call, req.body)),
  );
  app.get(
    `${B}/plans/:planId`,
    { config: allow(...SCHOOL), schema: { tags, summary: '成长规划详情（本人、师傅、学校）', params: PlanParams, response: plan } },
    async (req) => plans.detail(readCall(db, req), req.params.planId),
  );
  app.put(
    `${B}/plans/:planId`,
    { config: allow(...OWNER), schema: { tags, summary: '修改草稿', params: PlanParams, body: PlanBody, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.update(call, req.params.planId, req.body)),
  );
  app.post(`${B}/plans/:planId/submit`, { config: allow(...OWNER), schema: { tags, summary: '提交审阅', params: PlanParams, response: plan } }, (req, reply) =>
    writeCall(db, req, reply, 200, (call) => plans.submit(call, req.params.planId)),
  );
  app.post(
    `${B}/plans/:planId/review`,
    { config: allow(...REVIEWERS), schema: { tags, summary: '师傅或教研室审阅：通过或退回修改', params: PlanParams, body: ReviewBody, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.review(call, req.params.planId, req.body)),
  );
  app.post(
    `${B}/plans/:planId/activate`,
    { config: allow(...OFFICE, ...OWNER), schema: { tags, summary: '审阅后开始执行', params: PlanParams, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.activate(call, req.params.planId)),
  );
  app.post(
    `${B}/plans/:planId/goals/:goalId/complete`,
    { config: allow(...OWNER), schema: { tags, summary: '完成本年度分目标', params: GoalParams, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.completeGoal(call, req.params.planId, req.params.goalId)),
  );
  app.post(
    `${B}/plans/:planId/self-review`,
    { config: allow(...OWNER), schema: { tags, summary: '年度自评，进入年度评估', params: PlanParams, body: SelfReviewBody, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.selfReview(call, req.params.planId, req.body)),
  );
  app.post(
    `${B}/plans/:planId/year-review`,
    { config: allow(...REVIEWERS), schema: { tags, summary: '年度评估：进入下一年或完成', params: PlanParams, body: YearReviewBody, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.yearReview(call, req.params.planId, req.body)),
  );
  app.post(
    `${B}/plans/:planId/evidence`,
    { config: allow(...SCHOOL), schema: { tags, summary: '添加成长佐证（教案、听课评课记录等）', params: PlanParams, body: EvidenceBody, response: plan } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => plans.addEvidence(call, req.params.planId, req.body)),
  );

  app.get(
    `${B}/plans/:planId/evidence/:evidenceId/files/:growthFileId`,
    { config: allow(...SCHOOL), schema: { tags, summary: '成长佐证附件（与规划同样可见）', params: EvidenceFileParams } },
    async (req, reply) => {
      const call = readCall(db, req);
      const file = await fileOf(call, await plans.evidenceFileOwner(call, req.params.planId, req.params.evidenceId), req.params.growthFileId);
      if (!file) throw notFound();
      return sendFile(reply, dataDir, file);
    },
  );

  // ---- tiers, roster, a teacher's record ----
  app.get(
    `${B}/schools/:schoolId/tiers`,
    { config: allow(...SCHOOL), schema: { tags, summary: '本校梯队设置', params: SchoolParams, response: { 200: TierList } } },
    async (req) => office.tiers(readCall(db, req), req.params.schoolId),
  );
  app.put(
    `${B}/schools/:schoolId/tiers/:tierKey`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '修改一个梯队（名称、阶段、职责、晋升条件、权重）', params: TierParams, body: TierBody, response: { 200: TierList } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => office.saveTier(call, req.params.schoolId, req.params.tierKey, req.body)),
  );
  app.get(
    `${B}/schools/:schoolId/rubric`,
    { config: allow(...SCHOOL), schema: { tags, summary: '本校听课评课量表（现行版本与历史版本）', params: SchoolParams, response: { 200: RubricState } } },
    async (req) => rubrics.rubric(readCall(db, req), req.params.schoolId),
  );
  app.put(
    `${B}/schools/:schoolId/rubric`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '修改听课评课量表（已用于评课的版本不改动，另存为新版本）',
        params: SchoolParams,
        body: RubricBody,
        response: { 200: RubricState },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => rubrics.saveRubric(call, req.params.schoolId, req.body)),
  );
  app.get(
    `${B}/schools/:schoolId/teachers`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '梯队看板：全校教师的梯队、规划状态、师傅（按姓名）',
        params: SchoolParams,
        querystring: RosterQuery,
        response: { 200: Roster },
      },
    },
    async (req) =>
      office.roster(
        readCall(db, req),
        req.params.schoolId,
        req.query.tier,
        req.query.placed === '1',
        req.query.dutiesFrom || req.query.dutiesTo ? { from: req.query.dutiesFrom ?? '0000-01-01', to: req.query.dutiesTo ?? '9999-12-31' } : undefined,
      ),
  );
  app.get(
    `${B}/teachers/:teacherPersonId`,
    { config: allow(...SCHOOL), schema: { tags, summary: '教师成长档案：梯队、晋升历史、规划', params: TeacherParams, response: { 200: TeacherHistory } } },
    async (req) => office.history(readCall(db, req), req.params.teacherPersonId),
  );
  app.put(
    `${B}/teachers/:teacherPersonId/placement`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '确定教师梯队（首次分层或更正）', params: TeacherParams, body: PlacementBody, response: { 200: TeacherHistory } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => office.place(call, req.params.teacherPersonId, req.body)),
  );

  // ---- promotions ----
  app.get(
    `${B}/schools/:schoolId/promotions`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '梯队晋升记录', params: SchoolParams, querystring: PromotionListQuery, response: { 200: PromotionList } },
    },
    async (req) => office.listPromotions(readCall(db, req), req.params.schoolId, req.query),
  );
  app.get(
    `${B}/schools/:schoolId/evidence`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '全校成长佐证（按类别、日期；指标下钻）',
        params: SchoolParams,
        querystring: EvidenceListQuery,
        response: { 200: EvidenceList },
      },
    },
    async (req) => office.listEvidence(readCall(db, req), req.params.schoolId, req.query),
  );
  app.post(
    `${B}/schools/:schoolId/promotions`,
    {
      config: allow('sysAdmin', 'academicOffice'),
      schema: { tags, summary: '教研室提出晋升', params: SchoolParams, body: ProposeBody, response: { 201: Promotion } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => office.propose(call, req.params.schoolId, req.body)),
  );
  app.post(
    `${B}/promotions/:promotionId/approve`,
    {
      config: allow('sysAdmin', 'principal'),
      schema: { tags, summary: '校长批准晋升', params: PromotionParams, body: DecideBody, response: { 200: Promotion } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => office.decide(call, req.params.promotionId, true, req.body.note)),
  );
  app.post(
    `${B}/promotions/:promotionId/reject`,
    {
      config: allow('sysAdmin', 'principal'),
      schema: { tags, summary: '校长不予批准', params: PromotionParams, body: DecideBody, response: { 200: Promotion } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => office.decide(call, req.params.promotionId, false, req.body.note)),
  );

  // ---- activities ----
  app.get(
    `${B}/schools/:schoolId/activities`,
    { config: allow(...SCHOOL), schema: { tags, summary: '学校活动（基本功大赛、展示日、沙龙）', params: SchoolParams, response: { 200: ActivityList } } },
    async (req) => activities.list(readCall(db, req), req.params.schoolId),
  );
  app.post(
    `${B}/schools/:schoolId/activities`,
    { config: allow(...OFFICE), schema: { tags, summary: '新建学校活动', params: SchoolParams, body: ActivityBody, response: { 201: Activity } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => activities.create(call, req.params.schoolId, req.body)),
  );
  app.post(
    `${B}/activities/:activityId/sign-up`,
    { config: allow(...TEACHERS), schema: { tags, summary: '教师报名', params: ActivityParams, response: { 200: Activity } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => activities.signUp(call, req.params.activityId)),
  );
  app.post(
    `${B}/activities/:activityId/results`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '登记出勤与成绩（自动成为成长佐证）', params: ActivityParams, body: ResultsBody, response: { 200: Activity } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => activities.results(call, req.params.activityId, req.body)),
  );

  // ---- mentoring pairs (ending one comes last: the matrix's mentor probes run before it) ----
  app.get(
    `${B}/schools/:schoolId/mentorships`,
    { config: allow(...SCHOOL), schema: { tags, summary: '师徒结对（学校看全部，教师看本人）', params: SchoolParams, response: { 200: MentorshipList } } },
    async (req) => office.listMentorships(readCall(db, req), req.params.schoolId),
  );
  app.post(
    `${B}/schools/:schoolId/mentorships`,
    { config: allow(...OFFICE), schema: { tags, summary: '师徒结对', params: SchoolParams, body: MentorshipBody, response: { 201: Mentorship } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => office.createMentorship(call, req.params.schoolId, req.body)),
  );
  app.post(
    `${B}/mentorships/:mentorshipId/end`,
    { config: allow(...OFFICE), schema: { tags, summary: '结束结对', params: MentorshipParams, body: EndBody, response: { 200: Mentorship } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => office.endMentorship(call, req.params.mentorshipId, req.body)),
  );
}
