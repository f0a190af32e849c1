import { z } from 'zod';
import {
  ClassCoverageRow,
  ClassDashboard,
  ClassWeekQuery,
  ClassWeekRow,
  CoverageQuery,
  DashboardQuery,
  HeartBridgeNote,
  HomeSideBody,
  NoExchangeQuery,
  NoExchangeRow,
  StudentWeekQuery,
  StudentWeekRow,
  Phrases,
  PutPhrasesBody,
  ReadBody,
  SchoolDashboard,
  SchoolSideBody,
  StudentParams,
  StudentWeekParams,
  TimelineQuery,
} from '../../../common/schemas/heartBridge.js';
import { ClassParams, ClassWeekParams, SchoolParams } from '../../../common/schemas/school.js';
import { pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { sendXlsx } from '../../core/excel/export.js';
import * as service from './heartBridge.service.js';
import { coverageExport } from './heartBridge.queries.js';
import { studentWeeks } from './heartBridge.studentWeeks.js';
import { renderWeek } from './heartBridge.print.js';
import { allow } from '../../core/http/access.js';

const tags = ['heartBridge'];

export async function heartBridgeRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/heart-bridge/students/:studentId/weeks/:week',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '某学生某周的心桥（两栏）', params: StudentWeekParams, response: { 200: HeartBridgeNote } },
    },
    async (req) => service.getPage(readCall(db, req), req.params.studentId, req.params.week),
  );

  app.put(
    '/api/v1/heart-bridge/students/:studentId/weeks/:week/school',
    {
      config: allow('headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '填写学校一栏（班主任、任课教师）', params: StudentWeekParams, body: SchoolSideBody, response: { 200: HeartBridgeNote } },
    },
    async (req, reply) =>
      writeCall(db, req, reply, 200, (call) =>
        service.writeSide(call, 'school', req.params.studentId, req.params.week, [req.body.atSchool, req.body.suggestion, req.body.encouragement]),
      ),
  );

  app.put(
    '/api/v1/heart-bridge/students/:studentId/weeks/:week/home',
    {
      config: allow('parent'),
      schema: { tags, summary: '填写家庭一栏（家长）', params: StudentWeekParams, body: HomeSideBody, response: { 200: HeartBridgeNote } },
    },
    async (req, reply) =>
      writeCall(db, req, reply, 200, (call) =>
        service.writeSide(call, 'home', req.params.studentId, req.params.week, [req.body.atHome, req.body.suggestion, req.body.encouragement]),
      ),
  );

  app.post(
    '/api/v1/heart-bridge/students/:studentId/weeks/:week/read',
    {
      config: allow('headTeacher', 'subjectTeacher', 'parent'),
      schema: {
        tags,
        summary: '已读回执：学校已读家庭一栏，或家长已读学校一栏',
        params: StudentWeekParams,
        body: ReadBody,
        response: { 200: HeartBridgeNote },
      },
    },
    async (req, reply) => writeCall(db, req, reply, 200, (call) => service.markRead(call, req.params.studentId, req.params.week, req.body.by)),
  );

  app.get(
    '/api/v1/heart-bridge/students/:studentId/timeline',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '学生的心桥历史（按周）', params: StudentParams, querystring: TimelineQuery, response: { 200: pageOf(HeartBridgeNote) } },
    },
    async (req) => service.timeline(readCall(db, req), req.params.studentId, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/classes/:classId/weeks/:week',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: {
        tags,
        summary: '班级某周心桥情况',
        params: ClassWeekParams,
        querystring: ClassWeekQuery,
        response: {
          200: pageOf(ClassWeekRow).extend({ classId: z.string(), className: z.string(), week: z.string(), weekStart: z.string(), weekEnd: z.string() }),
        },
      },
    },
    async (req) => service.classWeek(readCall(db, req), req.params.classId, req.params.week, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/classes/:classId/weeks/:week/print',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '打印班级某周心桥（HTML）', params: ClassWeekParams },
    },
    async (req, reply) => {
      const { cls, label, pages } = await service.classWeekPages(readCall(db, req), req.params.classId, req.params.week);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(renderWeek(cls.name, label, pages));
    },
  );

  app.get(
    '/api/v1/heart-bridge/classes/:classId/dashboard',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '班级心桥指标与学期趋势', params: ClassParams, querystring: DashboardQuery, response: { 200: ClassDashboard } },
    },
    async (req) => service.classDashboard(readCall(db, req), req.params.classId, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/dashboard',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '全校心桥指标与学期趋势', params: SchoolParams, querystring: DashboardQuery, response: { 200: SchoolDashboard } },
    },
    async (req) => service.schoolDashboard(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/coverage',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: {
        tags,
        summary: '各班每周双向覆盖率',
        params: SchoolParams,
        querystring: CoverageQuery,
        response: { 200: pageOf(ClassCoverageRow).extend({ week: z.string().nullable() }) },
      },
    },
    async (req) => {
      return service.coverageList(readCall(db, req), req.params.schoolId, req.query);
    },
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/coverage.xlsx',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '导出各班覆盖率（Excel）', params: SchoolParams, querystring: CoverageQuery },
    },
    async (req, reply) => {
      return sendXlsx(reply, await coverageExport(readCall(db, req), req.params.schoolId, req.query));
    },
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/student-weeks',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: {
        tags,
        summary: '期间内在册学生各周心桥填写情况（覆盖率、回复率的明细）',
        params: SchoolParams,
        querystring: StudentWeekQuery,
        response: { 200: pageOf(StudentWeekRow) },
      },
    },
    async (req) => studentWeeks(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/no-exchange',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '连续两周及以上未双向交流的学生', params: SchoolParams, querystring: NoExchangeQuery, response: { 200: pageOf(NoExchangeRow) } },
    },
    async (req) => service.noExchangeList(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/heart-bridge/schools/:schoolId/phrases',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent'),
      schema: { tags, summary: '鼓励语快捷短语', params: SchoolParams, response: { 200: Phrases } },
    },
    async (req) => service.getPhrases(readCall(db, req), req.params.schoolId),
  );

  app.put(
    '/api/v1/heart-bridge/schools/:schoolId/phrases',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '修改本校鼓励语快捷短语', params: SchoolParams, body: PutPhrasesBody, response: { 200: Phrases } },
    },
    async (req, reply) => writeCall(db, req, reply, 200, (call) => service.putPhrases(call, req.params.schoolId, req.body)),
  );
}
