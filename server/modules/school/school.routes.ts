import { z } from 'zod';
import {
  ClassParams,
  Closure,
  ClosureListQuery,
  CreateClosureBody,
  CreateTermBody,
  DaysQuery,
  MySchool,
  SchoolDay,
  SchoolParams,
  SchoolSettings,
  SchoolWeek,
  Term,
  UpdateSchoolSettingsBody,
  UpdateTermBody,
  WeeksQuery,
} from '../../../common/schemas/school.js';
import { IdParams, pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { callContext, requireActor } from '../../core/auth/auth.plugin.js';
import * as service from './school.service.js';
import { SIGNED_IN, allow } from '../../core/http/access.js';

const tags = ['school'];

export async function schoolRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/school/me',
    { config: SIGNED_IN, schema: { tags, summary: '我任教的班级、我的孩子、我管理的学校', response: { 200: MySchool } } },
    async (req) => service.mine(db, requireActor(req)),
  );

  app.get(
    '/api/v1/school/schools/:schoolId/terms',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '学期列表', params: SchoolParams, response: { 200: z.object({ items: z.array(Term) }) } },
    },
    async (req) => ({
      items: await service.listTerms(db, requireActor(req), req.params.schoolId),
    }),
  );

  app.post(
    '/api/v1/school/schools/:schoolId/terms',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '新建学期', params: SchoolParams, body: CreateTermBody, response: { 201: Term } },
    },
    async (req, reply) => reply.status(201).send(await service.createTerm(db, callContext(req), requireActor(req), req.params.schoolId, req.body)),
  );

  app.patch(
    '/api/v1/school/terms/:id',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '修改学期', params: IdParams, body: UpdateTermBody, response: { 200: Term } },
    },
    async (req) => service.updateTerm(db, callContext(req), requireActor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/school/terms/:id',
    { config: allow('sysAdmin', 'principal', 'academicOffice'), schema: { tags, summary: '删除学期', params: IdParams } },
    async (req, reply) => {
      await service.deleteTerm(db, callContext(req), requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/school/schools/:schoolId/closures',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '停课安排', params: SchoolParams, querystring: ClosureListQuery, response: { 200: pageOf(Closure) } },
    },
    async (req) => service.listClosures(db, requireActor(req), req.params.schoolId, req.query),
  );

  app.post(
    '/api/v1/school/schools/:schoolId/closures',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '新增停课（全校、年级或班级）', params: SchoolParams, body: CreateClosureBody, response: { 201: Closure } },
    },
    async (req, reply) => reply.status(201).send(await service.createClosure(db, callContext(req), requireActor(req), req.params.schoolId, req.body)),
  );

  app.delete(
    '/api/v1/school/closures/:id',
    { config: allow('sysAdmin', 'principal', 'academicOffice'), schema: { tags, summary: '删除停课', params: IdParams } },
    async (req, reply) => {
      await service.deleteClosure(db, callContext(req), requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/school/schools/:schoolId/settings',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '提醒设置（免打扰时段等）', params: SchoolParams, response: { 200: SchoolSettings } },
    },
    async (req) => service.getSettings(db, requireActor(req), req.params.schoolId),
  );

  app.patch(
    '/api/v1/school/schools/:schoolId/settings',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '修改提醒设置', params: SchoolParams, body: UpdateSchoolSettingsBody, response: { 200: SchoolSettings } },
    },
    async (req) => service.updateSettings(db, callContext(req), requireActor(req), req.params.schoolId, req.body),
  );

  app.get(
    '/api/v1/school/schools/:schoolId/days',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '全校上课日', params: SchoolParams, querystring: DaysQuery, response: { 200: z.object({ items: z.array(SchoolDay) }) } },
    },
    async (req) => ({
      items: await service.schoolDays(db, requireActor(req), req.params.schoolId, req.query),
    }),
  );

  app.get(
    '/api/v1/school/classes/:classId/days',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: { tags, summary: '班级上课日', params: ClassParams, querystring: DaysQuery, response: { 200: z.object({ items: z.array(SchoolDay) }) } },
    },
    async (req) => ({
      items: await service.classDays(db, requireActor(req), req.params.classId, req.query),
    }),
  );

  app.get(
    '/api/v1/school/classes/:classId/weeks',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student'),
      schema: {
        tags,
        summary: '班级本学期的教学周',
        params: ClassParams,
        querystring: WeeksQuery,
        response: { 200: z.object({ term: Term, items: z.array(SchoolWeek) }) },
      },
    },
    async (req) => service.classWeeks(db, requireActor(req), req.params.classId, req.query),
  );
}
