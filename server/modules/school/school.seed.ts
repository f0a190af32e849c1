/**
 * Demo terms: the current school year (autumn and spring term) for every school, so the
 * school practices have school days to count from the first start.
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import * as repo from './school.repository.js';

export function schoolYearTerms(now: Date): { name: string; start: string; end: string }[] {
  const y = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return [
    { name: `${y}—${y + 1} 学年第一学期`, start: `${y}-09-01`, end: `${y + 1}-01-22` },
    { name: `${y}—${y + 1} 学年第二学期`, start: `${y + 1}-02-23`, end: `${y + 1}-07-03` },
  ];
}

export async function seedSchoolDemo(db: Db, now: Date): Promise<void> {
  const stamp = now.toISOString();
  for (const school of await repo.schools(db)) {
    const existing = await repo.termsOf(db, school.id);
    for (const t of schoolYearTerms(now)) {
      if (existing.some((e) => e.start_date <= t.end && t.start <= e.end_date)) continue;
      await repo.insertTerm(db, {
        id: newId(),
        school_id: school.id,
        name: t.name,
        start_date: t.start,
        end_date: t.end,
        created_at: stamp,
        updated_at: stamp,
      });
    }
  }
}
