import { z } from 'zod';
import {
  AddQuery,
  CalendarOverride,
  CalendarStatus,
  CreateOverrideBody,
  DateQuery,
  DayInfo,
  DaysQuery,
  DaysResponse,
  DeadlineResponse,
  NoticeBody,
  NoticePreview,
} from '../../../common/schemas/calendar.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './calendar.service.js';
import * as notices from './notices.service.js';
import { allow, SIGNED_IN, STAFF } from '../http/access.js';

export async function calendarRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/calendar/days',
    {
      config: STAFF,
      schema: { tags: ['calendar'], summary: '日期区间内每天是否工作日', querystring: DaysQuery, response: { 200: DaysResponse } },
    },
    async (req) => service.days(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/calendar/add-working-days',
    {
      config: STAFF,
      schema: { tags: ['calendar'], summary: '起始日之后第 N 个工作日（次日起算）', querystring: AddQuery, response: { 200: DeadlineResponse } },
    },
    async (req) => ({
      start: req.query.start,
      days: req.query.days,
      ...(await service.addWorkingDays(db, requireActor(req), req.query)),
    }),
  );

  app.get(
    '/api/v1/calendar/is-working-day',
    {
      config: STAFF,
      schema: { tags: ['calendar'], summary: '某日是否工作日', querystring: DateQuery, response: { 200: DayInfo } },
    },
    async (req) => service.day(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/calendar/overrides',
    {
      config: STAFF,
      schema: { tags: ['calendar'], summary: '日历调整列表', response: { 200: z.object({ items: z.array(CalendarOverride) }) } },
    },
    async (req) => ({
      items: await service.listOverrides(db, requireActor(req)),
    }),
  );

  app.post(
    '/api/v1/calendar/overrides',
    {
      config: allow('sysAdmin', 'unionChair', 'principal', 'academicOffice'),
      schema: { tags: ['calendar'], summary: '新增日历调整（放假或补班）', body: CreateOverrideBody, response: { 201: CalendarOverride } },
    },
    async (req, reply) => reply.status(201).send(await service.createOverride(db, callContext(req), requireActor(req), req.body)),
  );

  // Whether the calendar is provisional is for everyone who counts a deadline; the warning is for those who can act on it.
  app.get(
    '/api/v1/calendar/status',
    {
      config: SIGNED_IN,
      schema: { tags: ['calendar'], summary: '今明两年节假日安排来源，及明年尚未导入时给管理员和工会的提醒', response: { 200: CalendarStatus } },
    },
    async (req) => notices.status(db, callContext(req), requireActor(req)),
  );

  // The country's holidays are the whole deployment's: only a deployment-wide admin replaces them.
  app.post(
    '/api/v1/calendar/notices/preview',
    {
      config: allow('sysAdmin'),
      schema: { tags: ['calendar'], summary: '解析国务院节假日安排通知（只预览，不保存）', body: NoticeBody, response: { 200: NoticePreview } },
    },
    async (req) => notices.previewNotice(db, requireActor(req), req.body.text),
  );

  app.post(
    '/api/v1/calendar/notices',
    {
      config: allow('sysAdmin'),
      schema: { tags: ['calendar'], summary: '确认导入国务院节假日安排通知，作为该年正式安排', body: NoticeBody, response: { 201: NoticePreview } },
    },
    async (req, reply) => reply.status(201).send(await notices.confirmNotice(db, callContext(req), requireActor(req), req.body.text)),
  );

  app.delete(
    '/api/v1/calendar/overrides/:id',
    { config: allow('sysAdmin', 'unionChair', 'principal', 'academicOffice'), schema: { tags: ['calendar'], summary: '删除日历调整', params: IdParams } },
    async (req, reply) => {
      await service.deleteOverride(db, callContext(req), requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
