/**
 * The school's records in the test worlds (test/authz/part.ts): on each side a current term (A's
 * demo term, or one made here), a closure a hundred days ahead, and the class's last school day —
 * the day the parts built after this one (`after: ['school']`) record lessons and sessions on.
 * For the fuzzer: a closure in the school world, and its term.
 */
import { ok, type Caller, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { NOWHERE_ID } from '../../../test/hostile/strings.js';

/** The most recent working day up to today that the school counts, so a session can be recorded on it. */
async function lastSchoolDay(c: Caller, classId: string): Promise<string> {
  const today = new Date();
  const from = new Date(today.getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
  const to = today.toISOString().slice(0, 10);
  const days = await ok(c.get(`/api/v1/school/classes/${classId}/days?from=${from}&to=${to}`), 'school days');
  const school = (days.items as { date: string; schoolDay: boolean }[]).filter((d) => d.schoolDay).map((d) => d.date);
  if (!school.length) throw new Error(`school world: no school day in ${from}..${to}: ${JSON.stringify(days).slice(0, 300)}`);
  return school[school.length - 1];
}

export const world: WorldPart = {
  ids: { terms: 'term', closures: 'closure' },
  params: { date: 'schoolDay' },
  async build(ctx) {
    // A's academic office, B's principal: whoever keeps the school's calendar on that side.
    const keeper = (ctx.side === 'own' ? ctx.clients.academicOffice : ctx.clients.principal)!;
    const schoolId = ctx.orgs.school;
    const label = ctx.side === 'own' ? '甲校' : ctx.label;
    const terms = await ok(keeper.get(`/api/v1/school/schools/${schoolId}/terms`), 'terms');
    const today = new Date().toISOString().slice(0, 10);
    let term = (terms.items ?? terms).find((x: { startDate: string; endDate: string }) => x.startDate <= today && today <= x.endDate);
    if (!term) {
      const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      term = await ok(keeper.post(`/api/v1/school/schools/${schoolId}/terms`, { name: `${label}学期`, startDate: shift(-90), endDate: shift(120) }), 'term');
    }
    const closure = await ok(
      keeper.post(`/api/v1/school/schools/${schoolId}/closures`, {
        date: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
        reason: `${label}停课`,
      }),
      'closure',
    );
    return { term: term.id as string, closure: closure.id as string, schoolDay: await lastSchoolDay(ctx.clients.headTeacher!, ctx.orgs.class) };
  },
};

export const hostile: HostilePart = {
  async build({ t, admin, s }) {
    await ok(admin.post(`/api/v1/school/schools/${s.school.id}/closures`, { date: '2026-12-10', reason: '冬季流感停课' }), 'closure');
    const one = async (table: string, where?: [string, string]) => {
      let q = (t.db as any).selectFrom(table).select('id');
      if (where) q = q.where(where[0], '=', where[1]);
      return ((await q.orderBy('id').executeTakeFirst())?.id as string | undefined) ?? NOWHERE_ID;
    };
    const term = await one('school_terms', ['school_id', s.school.id]);
    return { ids: { terms: term, closures: await one('school_closures') }, named: { termId: term } };
  },
};
