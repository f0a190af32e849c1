/**
 * The class-days behind the ten-minute coverage figure (moralEducation.coverage): every school day
 * of the period for every class of the school, by the same calendars the figure counts on, with the
 * session recorded that day (held, skipped) or none. The work report's drill opens this list, so its
 * rows are the figure's denominator and, with `held=1`, its numerator.
 */
import type { Call } from '../../core/call.js';
import { invalid } from '../../core/errors.js';
import { compareNames } from '../../../common/school.js';
import { classesInScope, describeClasses } from '../school/index.js';
import * as repo from './moralEducation.repository.js';
import { schoolFor } from './moralEducation.policy.js';

const DAY_MS = 86_400_000;

export async function classDays(
  call: Call,
  schoolId: string,
  q: { from: string; to: string; held?: '0' | '1'; sort?: 'date' | 'className'; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const { db, actor } = call;
  // Overseers of the school only (principal, academic office), as the coverage and missed lists.
  const { school } = await schoolFor(db, actor, schoolId, 'oversee');
  if (q.to < q.from || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS > 400) throw invalid('query.to', 'school.rangeTooLong');
  const classes = await classesInScope(db, { all: false, paths: [school.path] });
  const info = new Map(
    (
      await describeClasses(
        db,
        await db
          .selectFrom('orgs')
          .select(['id', 'name', 'path', 'kind'])
          .where('id', 'in', classes.map((c) => c.id).concat(['']))
          .execute(),
      )
    ).map((c) => [c.id, c]),
  );
  const sessions = new Map(
    (
      await repo.sessionsOf(
        db,
        classes.map((c) => c.id),
        q.from,
        q.to,
      )
    ).map((s) => [`${s.class_id}|${s.date}`, s]),
  );
  let rows = classes.flatMap((c) =>
    c.cal.schoolDaysIn(q.from, q.to).map((date) => {
      const s = sessions.get(`${c.id}|${date}`);
      const i = info.get(c.id);
      return {
        date,
        classId: c.id,
        className: i?.name ?? '',
        gradeName: i?.gradeName ?? null,
        status: s ? (s.status as 'held' | 'skipped') : ('unrecorded' as const),
        topic: s?.topic ?? null,
      };
    }),
  );
  if (q.held) rows = rows.filter((r) => (r.status === 'held') === (q.held === '1'));
  const dir = q.order === 'desc' ? -1 : 1;
  rows.sort((a, b) =>
    q.sort === 'className'
      ? dir * compareNames(a.className, b.className) || a.date.localeCompare(b.date)
      : dir * a.date.localeCompare(b.date) || compareNames(a.className, b.className),
  );
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
