import { z } from 'zod';
import {
  AddClassTeacherBody,
  ClassParams,
  ClassTeacher,
  ClassTeacherDeleteQuery,
  ClassTeacherParams,
  CreatePersonBody,
  Guardian,
  GuardianParams,
  LinkGuardianBody,
  PeopleListQuery,
  PeoplePage,
  PeopleStats,
  PeopleStatsQuery,
  Person,
  StudentParams,
  UpdatePersonBody,
} from '../../../common/schemas/people.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import { sendXlsx } from '../excel/export.js';
import * as service from './people.service.js';
import * as links from './links.service.js';
import { allow } from '../http/access.js';

const ExportQuery = PeopleListQuery.omit({ page: true, pageSize: true, after: true });

export async function peopleRoutes(app: App) {
  const db = app.deps.database.db;
  const tags = ['people'];

  app.get(
    '/api/v1/people',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '人员列表（本人可见范围，手机号按权限脱敏，身份证号一律脱敏）', querystring: PeopleListQuery, response: { 200: PeoplePage } },
    },
    async (req) => service.list(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/people/stats',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '人员按用工身份、人员类别统计', querystring: PeopleStatsQuery, response: { 200: PeopleStats } },
    },
    async (req) => service.stats(db, requireActor(req), req.query.orgId),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/people/export.${format}`,
      {
        config: allow('sysAdmin', 'unionChair', 'unionStaff', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
        schema: { tags, summary: `导出人员名单 (.${format}，最多 5 万行)`, querystring: ExportQuery },
      },
      async (req, reply) => sendXlsx(reply, await service.exportList(db, callContext(req), requireActor(req), req.query), format),
    );
  }

  app.get(
    '/api/v1/people/:id',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '人员详情（查看完整手机号、身份证号会记入审计）', params: IdParams, response: { 200: Person } },
    },
    async (req) => service.get(db, callContext(req), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/people/:id/phone',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '显示一个手机号以便拨打（每次记入审计）', params: IdParams, response: { 200: z.object({ phone: z.string().nullable() }) } },
    },
    async (req) => service.revealPhone(db, callContext(req), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/people',
    { config: allow('sysAdmin', 'unionStaff', 'academicOffice'), schema: { tags, summary: '新增人员', body: CreatePersonBody, response: { 201: Person } } },
    async (req, reply) => reply.status(201).send(await service.create(db, callContext(req), requireActor(req), req.body)),
  );

  app.patch(
    '/api/v1/people/:id',
    {
      config: allow('sysAdmin', 'unionStaff', 'academicOffice'),
      schema: { tags, summary: '修改人员（含调动到其他组织）', params: IdParams, body: UpdatePersonBody, response: { 200: Person } },
    },
    async (req) => service.update(db, callContext(req), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/people/:id/archive',
    {
      config: allow('sysAdmin', 'unionStaff', 'academicOffice'),
      schema: { tags, summary: '人员归档（离职、毕业等）', params: IdParams, response: { 200: Person } },
    },
    async (req) => service.archive(db, callContext(req), requireActor(req), req.params.id),
  );

  const Guardians = z.object({ items: z.array(Guardian) });
  app.get(
    '/api/v1/people/:studentId/guardians',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '学生的家长', params: StudentParams, response: { 200: Guardians } },
    },
    async (req) => ({
      items: await links.listGuardians(db, requireActor(req), req.params.studentId),
    }),
  );

  app.post(
    '/api/v1/people/:studentId/guardians',
    {
      config: allow('sysAdmin', 'academicOffice'),
      schema: { tags, summary: '关联家长（已有家长或新建）', params: StudentParams, body: LinkGuardianBody, response: { 201: Guardians } },
    },
    async (req, reply) => reply.status(201).send({ items: await links.linkGuardian(db, callContext(req), requireActor(req), req.params.studentId, req.body) }),
  );

  app.delete(
    '/api/v1/people/:studentId/guardians/:guardianId',
    { config: allow('sysAdmin', 'academicOffice'), schema: { tags, summary: '解除家长关联', params: GuardianParams } },
    async (req, reply) => {
      await links.unlinkGuardian(db, callContext(req), requireActor(req), req.params.studentId, req.params.guardianId);
      return reply.status(204).send();
    },
  );

  const Teachers = z.object({ items: z.array(ClassTeacher) });
  app.get(
    '/api/v1/orgs/:classId/teachers',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '班级的班主任与任课教师', params: ClassParams, response: { 200: Teachers } },
    },
    async (req) => ({
      items: await links.listTeachers(db, requireActor(req), req.params.classId),
    }),
  );

  app.post(
    '/api/v1/orgs/:classId/teachers',
    {
      config: allow('sysAdmin', 'academicOffice'),
      schema: { tags, summary: '安排班主任或任课教师', params: ClassParams, body: AddClassTeacherBody, response: { 201: Teachers } },
    },
    async (req, reply) => reply.status(201).send({ items: await links.addTeacher(db, callContext(req), requireActor(req), req.params.classId, req.body) }),
  );

  app.delete(
    '/api/v1/orgs/:classId/teachers/:teacherId',
    {
      config: allow('sysAdmin', 'academicOffice'),
      schema: { tags, summary: '解除班级教师（可按职务）', params: ClassTeacherParams, querystring: ClassTeacherDeleteQuery },
    },
    async (req, reply) => {
      await links.removeTeacher(db, callContext(req), requireActor(req), req.params.classId, req.params.teacherId, req.query.duty);
      return reply.status(204).send();
    },
  );
}
