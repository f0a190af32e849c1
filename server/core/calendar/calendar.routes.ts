import { z } from 'zod';
import { AddQuery, CalendarOverride, CreateOverrideBody, DateQuery, DayInfo, DaysQuery } from '../../../common/schemas/calendar.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './calendar.service.js';
import { allow } from '../http/access.js';

export async function calendarRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/api/v1/calendar/days', { config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'), schema: { tags: ['calendar'], summary: '日期区间内每天是否工作日', querystring: DaysQuery, response: { 200: z.object({ items: z.array(DayInfo) }) } } }, async (req) => ({
    items: await service.days(db, requireActor(req), req.query),
  }));

  app.get('/api/v1/calendar/add-working-days', { config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'), schema: { tags: ['calendar'], summary: '起始日之后第 N 个工作日（次日起算）', querystring: AddQuery, response: { 200: z.object({ start: z.string(), days: z.number(), date: z.string() }) } } }, async (req) => ({
    start: req.query.start,
    days: req.query.days,
    date: await service.addWorkingDays(db, requireActor(req), req.query),
  }));

  app.get('/api/v1/calendar/is-working-day', { config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'), schema: { tags: ['calendar'], summary: '某日是否工作日', querystring: DateQuery, response: { 200: DayInfo } } }, async (req) =>
    service.day(db, requireActor(req), req.query),
  );

  app.get('/api/v1/calendar/overrides', { config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'mediator', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'), schema: { tags: ['calendar'], summary: '日历调整列表', response: { 200: z.object({ items: z.array(CalendarOverride) }) } } }, async (req) => ({
    items: await service.listOverrides(db, requireActor(req)),
  }));

  app.post('/api/v1/calendar/overrides', { config: allow('sysAdmin', 'unionChair', 'principal', 'academicOffice'), schema: { tags: ['calendar'], summary: '新增日历调整（放假或补班）', body: CreateOverrideBody, response: { 201: CalendarOverride } } }, async (req, reply) =>
    reply.status(201).send(await service.createOverride(db, callContext(req), requireActor(req), req.body)),
  );

  app.delete('/api/v1/calendar/overrides/:id', { config: allow('sysAdmin', 'unionChair', 'principal', 'academicOffice'), schema: { tags: ['calendar'], summary: '删除日历调整', params: IdParams } }, async (req, reply) => {
    await service.deleteOverride(db, callContext(req), requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
