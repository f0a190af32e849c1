/**
 * The anonymity rule as a property (issue #11): in a seeded world of small teams, every
 * list, export and dashboard read by every role that may not reveal, under filter
 * combinations drawn from the query schema itself, returns anonymous appeals only when the
 * people its filters describe — read against the roster — are at least K: no filter narrows
 * an anonymous appeal below its unit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../../test/app.js';
import { AppealFilterQuery, DashboardQuery } from '../../../common/schemas/appeals.js';
import { APPEAL_RATINGS, APPEAL_STATUSES, APPEAL_URGENCIES, LIGHTS } from '../../../common/appeals.js';
import { EMPLOYMENT_CATEGORIES } from '../../../common/enums.js';
import { useAppealsWorld } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

/** The smallest group of people a read may point at (as official statistics suppress cells under 5). */
const K = 5;

/** A small fixed-seed generator (mulberry32): the same world and the same reads every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261206);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

interface Worker {
  personId: string;
  path: string;
  category: string;
}

describe('the anonymity rule, as a property', () => {
  it('no read by a non-revealing role, under any filters the schema accepts, returns anonymous appeals for fewer than K people', async () => {
    // Units of 9 and 6 workers in teams of 3: a team, or a team × category, is always under K.
    const teamA = await t.org('甲班', 'team', w.prod1);
    const teamB = await t.org('乙班', 'team', w.prod1);
    const teamC = await t.org('丙班', 'team', w.elec1);
    const teamD = await t.org('丁班', 'team', w.prod2);
    const teamE = await t.org('戊班', 'team', w.prod2);
    const workers: Worker[] = [];
    for (const team of [teamA, teamB, teamC, teamD, teamE]) {
      for (let i = 0; i < 3; i++) {
        const category = pick(EMPLOYMENT_CATEGORIES);
        const person = await t.person(team, { employment_category: category });
        workers.push({ personId: person.id, path: team.path, category });
      }
    }
    const anonymousCodes = new Set<string>();
    for (let i = 0; i < 18; i++) {
      const author = pick(workers);
      const anonymous = i % 3 !== 2;
      // Registered by staff from a visit (代为登记): the same appeal as the worker's own, without a sign-in per worker.
      const res = await w.staff.post('/api/v1/appeals', {
        category: pick(['wages', 'housing', 'benefits'] as const),
        title: `加班费问题${i}`,
        description: `第${i}件：加班费没有按时发放。`,
        anonymous,
        onBehalfOf: { personId: author.personId, channel: 'visit' },
      });
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      if (anonymous) anonymousCodes.add(res.body.code);
      const step = rnd();
      if (step < 0.2) continue;
      await w.staff.post(`/api/v1/appeals/${id}/accept`, { urgency: pick(APPEAL_URGENCIES) });
      if (step < 0.4) continue;
      await w.staff.post(`/api/v1/appeals/${id}/assign`, { departmentId: author.path.startsWith(w.mine1.path) ? w.prod1.id : w.prod2.id });
      if (step < 0.6) continue;
      await w.staff.post(`/api/v1/appeals/${id}/answer`, { answer: '已处理' });
      if (step < 0.8) continue;
      await w.staff.post(`/api/v1/appeals/${id}/rate`, { rating: pick(APPEAL_RATINGS), reopen: false });
    }

    const orgs = [w.group, w.mine1, w.mine2, w.prod1, w.elec1, teamA, teamB, teamC, teamD, teamE];
    // A few values for every filter the schema has; a filter added to the schema without values here fails the test.
    const VALUES: Record<string, readonly string[]> = {
      q: ['加班费', '住房'],
      status: [...APPEAL_STATUSES, 'submitted,accepted'],
      category: ['wages', 'housing', 'benefits', 'wages,housing'],
      urgency: [...APPEAL_URGENCIES],
      rating: [...APPEAL_RATINGS],
      light: [...LIGHTS],
      employmentCategory: [...EMPLOYMENT_CATEGORIES, 'contract,migrant'],
      orgId: orgs.map((o) => o.id),
      departmentId: [w.prod1.id, w.prod2.id, w.elec1.id],
      ratedDepartmentId: [w.prod1.id, w.prod2.id],
      firstAnswerDepartmentId: [w.prod1.id, w.prod2.id],
      unitId: [w.mine1.id, w.mine2.id],
      groupAlertId: [teamA.id],
      from: ['2020-01-01'],
      to: ['2099-12-31'],
      anonymous: ['1', '0'],
      rated: ['1', '0'],
      reopened: ['1', '0'],
      late: ['1', '0'],
      lastAnswerLate: ['1', '0'],
      answered: ['1', '0'],
      accepted: ['1', '0'],
      acceptedLate: ['1', '0'],
      mine: ['1', '0'],
    };
    const keys = Object.keys(AppealFilterQuery.shape);
    expect(keys.filter((k) => !(k in VALUES))).toEqual([]);

    const combos: Record<string, string>[] = [];
    // Every person-derived cut alone and with its partner, then random combinations of everything.
    for (const orgId of VALUES.orgId)
      for (const employmentCategory of [undefined, pick(EMPLOYMENT_CATEGORIES)])
        combos.push({ anonymous: '1', orgId, ...(employmentCategory ? { employmentCategory } : {}) });
    for (const employmentCategory of EMPLOYMENT_CATEGORIES) combos.push({ employmentCategory });
    for (let i = 0; i < 20; i++) {
      const f: Record<string, string> = {};
      for (const k of keys) if (rnd() < 0.25) f[k] = pick(VALUES[k]);
      combos.push(f);
    }
    for (const f of combos) expect(AppealFilterQuery.safeParse(f).success, JSON.stringify(f)).toBe(true);

    /** The roster people a filter describes: the only ones an anonymous appeal it returns can be from. */
    const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
    const rosterOf = (f: Record<string, string>) =>
      workers.filter(
        (p) =>
          (!f.orgId || p.path.startsWith(pathOf.get(f.orgId)!)) &&
          (!f.unitId || p.path.startsWith(pathOf.get(f.unitId)!)) &&
          (!f.employmentCategory || f.employmentCategory.split(',').includes(p.category)),
      ).length;

    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const viewers = { chair: w.chair, handler: w.handler, admin };
    let reads = 0;
    let anonymousSeen = 0;
    for (const [role, viewer] of Object.entries(viewers)) {
      const cutsRead = new Set<string>();
      for (const [i, f] of combos.entries()) {
        const qs = new URLSearchParams(f).toString();
        const people = rosterOf(f);
        const list = await viewer.get(`/api/v1/appeals?${qs}&pageSize=200`);
        expect(list.status, `${role} list ${qs}`).toBe(200);
        const anon = list.body.items.filter((a: any) => a.anonymous && anonymousCodes.has(a.code)).length;
        anonymousSeen += anon;
        if (anon > 0) expect(people, `${role} list ${qs}: ${anon} anonymous appeals for ${people} people`).toBeGreaterThanOrEqual(K);
        // The dashboard, with the filters it accepts, counts anonymous appeals under the same rule.
        const cut = Object.fromEntries(Object.entries(f).filter(([k]) => k in DashboardQuery.shape));
        const dq = new URLSearchParams({ ...cut, anonymous: '1' }).toString();
        reads++;
        if (!cutsRead.has(dq)) {
          cutsRead.add(dq);
          const dash = await viewer.get(`/api/v1/appeals/dashboard?${dq}`);
          expect(dash.status, `${role} dashboard ${dq}`).toBe(200);
          if (dash.body.total.numerator > 0) expect(rosterOf(cut), `${role} dashboard ${dq}`).toBeGreaterThanOrEqual(K);
          reads++;
        }
        // Exports are slower to read: every fifth combination.
        if (i % 5 === 0) {
          const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.xlsx?${qs}`, headers: { cookie: viewer.cookie } });
          expect(res.statusCode, `${role} export ${qs}`).toBe(200);
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(res.rawPayload as any);
          let rows = 0;
          wb.worksheets[0].eachRow((row) => {
            if (row.values && (row.values as unknown[]).some((v) => typeof v === 'string' && anonymousCodes.has(v))) rows++;
          });
          if (rows > 0) expect(people, `${role} export ${qs}`).toBeGreaterThanOrEqual(K);
          reads++;
        }
      }
    }
    // The property was exercised: anonymous appeals were seen, in many reads.
    expect(anonymousSeen).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(200);
  }, 60_000);
});
