/**
 * What every school-wide view of the school practices starts from: the term asked for (or
 * the current one), and the school's classes in school order (grade, then class), each with
 * its own school calendar. Shared by 心桥 and the ten-minute moral education.
 */
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { inScope, type Scope } from '../../core/rbac/actor.js';
import { compareNames } from '../../../common/school.js';
import { loadSchoolCalendarSource, type SchoolCalendar, type TermRef } from './school.calendar.js';
import { describeClasses, type ClassInfo } from './school.policy.js';
import { classesUnder, schools } from './school.repository.js';

export type ClassWithCalendar = ClassInfo & { cal: SchoolCalendar };

/** The term asked for by id, else the one containing `asOf` or the latest begun before it; 404 when there is none. */
export function pickTerm(cal: SchoolCalendar, termId: string | undefined, asOf: string): TermRef {
  const term = termId ? cal.terms.find((t) => t.id === termId) : cal.currentOrLastTerm(asOf);
  if (!term) throw new AppError(404, 'not_found', 'school.noTerm');
  return term;
}

export async function schoolClasses(
  db: Db,
  school: { id: string; path: string },
  termId: string | undefined,
  asOf: string,
): Promise<{ term: TermRef; classes: ClassWithCalendar[] }> {
  const src = await loadSchoolCalendarSource(db, school.id, school.path);
  const term = pickTerm(await src.forOrg(school.path), termId, asOf);
  const infos = (await describeClasses(db, await classesUnder(db, school.path)))
    .filter((c) => c.schoolId === school.id)
    .sort((a, b) => compareNames(a.gradeName ?? '', b.gradeName ?? '') || compareNames(a.name, b.name));
  const classes = await Promise.all(infos.map(async (c) => ({ ...c, cal: await src.forOrg(c.path) })));
  return { term, classes };
}

/**
 * Every class inside `scope`, each with its own school calendar: what an indicator counts
 * over when it is asked for a part of the org tree rather than for one school.
 */
export async function classesInScope(db: Db, scope: Scope): Promise<{ id: string; path: string; cal: SchoolCalendar }[]> {
  const out: { id: string; path: string; cal: SchoolCalendar }[] = [];
  for (const school of await schools(db)) {
    // A school counts when it lies inside the scope, or the scope lies inside it (a grade).
    if (!inScope(scope, school.path) && !scope.paths.some((p) => p.startsWith(school.path))) continue;
    const src = await loadSchoolCalendarSource(db, school.id, school.path);
    for (const c of await classesUnder(db, school.path)) if (inScope(scope, c.path)) out.push({ id: c.id, path: c.path, cal: await src.forOrg(c.path) });
  }
  return out;
}
