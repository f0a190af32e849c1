/**
 * Next year's schedule: the State Council notice an admin pastes (preview, then confirm),
 * and the warning admins and union staff see from 1 October while next year is still
 * counted by the law alone.
 */
import type { Db } from '../db/database.js';
import { AppError, forbidden } from '../errors.js';
import { nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { scopeOf, type Actor } from '../rbac/actor.js';
import { t } from '../i18n/messages.js';
import { invalidateCalendar, shanghaiDate, workCalendar } from './calendar.js';
import { NoticeError, parseNotice, type ParsedNotice } from './notice.js';
import './calendar.messages.js';

/** Only who may change the whole deployment's calendar may replace a year's schedule. */
function mayImport(actor: Actor) {
  if (!scopeOf(actor, 'calendar.manage').all) throw forbidden();
}

function parse(text: string): ParsedNotice {
  try {
    return parseNotice(text);
  } catch (e) {
    if (e instanceof NoticeError) throw new AppError(422, 'invalid', e.key, {}, [{ field: 'body.text', message: e.key }]);
    throw e;
  }
}

async function describe(db: Db, notice: ParsedNotice) {
  const cal = await workCalendar(db, null);
  return {
    year: notice.year,
    /** Where the year's schedule comes from today, before this notice is stored. */
    currentSource: cal.yearSource(notice.year),
    holidays: notice.days.filter((d) => !d.working),
    workdays: notice.days.filter((d) => d.working),
  };
}

export async function previewNotice(db: Db, actor: Actor, text: string) {
  mayImport(actor);
  return describe(db, parse(text));
}

export async function confirmNotice(db: Db, ctx: CallContext, actor: Actor, text: string) {
  mayImport(actor);
  const notice = parse(text);
  const answer = await describe(db, notice);
  const row = { year: notice.year, days: JSON.stringify(notice.days), text, imported_by: actor.accountId, imported_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('calendar_notices').where('year', '=', notice.year).execute();
    await tx.insertInto('calendar_notices').values(row).execute();
    await recordAudit(tx, ctx, {
      action: 'calendar.noticeImported',
      entityType: 'calendarNotice',
      entityId: String(notice.year),
      orgId: null,
      changes: { year: notice.year, replaced: answer.currentSource, holidays: answer.holidays.length, workdays: answer.workdays.length },
    });
  });
  invalidateCalendar(db);
  return answer;
}

const WARNED = new Set(['sysAdmin', 'unionChair', 'unionStaff']);

/** This year's and next year's schedule source, and the warning due to admins and union staff. */
export async function status(db: Db, ctx: CallContext, actor: Actor, now = new Date()) {
  const cal = await workCalendar(db, null);
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const years = [year, year + 1].map((y) => ({ year: y, source: cal.yearSource(y), provisional: cal.yearSource(y) === 'statutory' }));
  // From 1 October the notice is due (it usually comes in November); before then nobody can act on it.
  const due = years.find((y) => y.provisional && (y.year === year || today.slice(5) >= '10-01'));
  const warned = actor.grants.some((g) => WARNED.has(g.role));
  return {
    today,
    years,
    warning: due && warned ? { year: due.year, message: t(ctx.locale, 'calendar.provisionalWarning', { year: due.year }) } : null,
  };
}
