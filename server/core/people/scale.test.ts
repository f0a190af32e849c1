/**
 * The people list at scale L (10 000 orgs, 50 000 people): the query plans use the list
 * indexes and pages stay correct; the timings live in bench/RESULTS.md.
 */
import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { newId } from '../ids.js';
import { EMPLOYMENT_CATEGORIES } from '../../../common/enums.js';
import * as repo from './people.repository.js';
import { readXlsx } from './people.fixtures.js';

const t = useTestApp();

const MINES = 20;
const DEPTS = 10;
const TEAMS = 49;
const PEOPLE = 50_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰';

interface Scale {
  root: { id: string; path: string };
  mines: { id: string; path: string }[];
  depts: { id: string; path: string }[];
  teams: { id: string; path: string }[];
}

async function insertChunks(table: 'orgs' | 'persons', rows: Record<string, unknown>[], size: number) {
  for (let i = 0; i < rows.length; i += size)
    await (t.db as any)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

async function buildScaleL(): Promise<Scale> {
  const now = new Date().toISOString();
  const orgs: Record<string, unknown>[] = [];
  const node = (parent: { id: string; path: string } | null, kind: string, name: string, depth: number) => {
    const id = newId();
    const n = { id, path: `${parent?.path ?? '/'}${id}/` };
    orgs.push({ id, parent_id: parent?.id ?? null, path: n.path, depth, kind, name, code: null, sort_order: 0, created_at: now, updated_at: now });
    return n;
  };
  const s: Scale = { root: node(null, 'group', '规模集团', 0), mines: [], depts: [], teams: [] };
  for (let m = 0; m < MINES; m++) {
    const mine = node(s.root, 'mine', `${m + 1}号矿`, 1);
    s.mines.push(mine);
    for (let d = 0; d < DEPTS; d++) {
      const dept = node(mine, 'department', `部门${d + 1}`, 2);
      s.depts.push(dept);
      for (let k = 0; k < TEAMS; k++) s.teams.push(node(dept, 'team', `班组${k + 1}`, 3));
    }
  }
  await insertChunks('orgs', orgs, 1000);
  const persons: Record<string, unknown>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const team = s.teams[(i * 7919) % s.teams.length];
    persons.push({
      id: newId(),
      org_id: team.id,
      org_path: team.path,
      kind: i % 40 === 0 ? 'staff' : 'worker',
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''),
      gender: i % 5 ? 'male' : 'female',
      employee_no: `L${String(i).padStart(6, '0')}`,
      employment_category: EMPLOYMENT_CATEGORIES[i % EMPLOYMENT_CATEGORIES.length],
      position: null,
      union_member: i % 4 ? 1 : 0,
      phone: `139${String(i).padStart(8, '0')}`,
      id_number: null,
      birth_date: null,
      subject: null,
      archived: i % 97 === 0 ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
  }
  await insertChunks('persons', persons, 1000);
  // PostgreSQL plans by statistics, which autovacuum would gather soon after a bulk load; SQLite
  // has none unless asked, and the list must be fast without them.
  if (t.engine === 'postgres') await sql`analyze persons`.execute(t.db);
  return s;
}

async function plan(compiled: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const prefix = t.engine === 'sqlite' ? 'explain query plan ' : 'explain ';
  const { rows } = await t.db.executeQuery<any>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
  return rows.map((r: any) => r.detail ?? r['QUERY PLAN']).join('\n');
}

describe('people list at scale L', () => {
  let s: Scale;
  let chair: Client;

  beforeAll(async () => {
    s = await buildScaleL();
    chair = await t.user([{ role: 'unionChair', org: s.root }]);
  }, 240_000);

  it('counts and pages from the list indexes (EXPLAIN)', async () => {
    const spec = (prefixes: string[]): Omit<repo.PageSpec, 'page'> => ({
      prefixes,
      filter: { kind: 'worker', category: 'contract' },
      contactScope: { all: false, paths: [] },
      sort: 'name',
      order: 'asc',
    });
    const dept = s.depts[37].path;
    const count = await plan(repo.compileCount(t.db, spec([dept]), dept));
    const countByKind = await plan(repo.compileCount(t.db, { ...spec([dept]), filter: { kind: 'worker', unionMember: true } }, dept));
    const small = await plan(repo.compilePage(t.db, spec([dept]), false));
    // More than the count's cap match in the whole group: the kit's list walks the name order.
    const large = await plan(repo.compilePage(t.db, spec([s.root.path]), true));
    const largeByCategory = await plan(repo.compilePage(t.db, { ...spec([s.root.path]), filter: { category: 'contract' } }, true));
    console.log(
      `[people scale L, ${t.engine}] count plan (category filter):\n${count}\n\ncount plan (kind + union filter):\n${countByKind}\n\n` +
        `page plan (subtree range):\n${small}\n\npage plan (large subtree, name order):\n${large}`,
    );
    if (t.engine === 'sqlite') {
      expect(count).toMatch(/USING COVERING INDEX persons_by_category \(archived=\? AND employment_category=\? AND org_path>\? AND org_path<\?\)/);
      expect(countByKind).toMatch(/USING COVERING INDEX persons_list \(archived=\? AND org_path>\? AND org_path<\?\)/);
      expect(small).toMatch(/USING COVERING INDEX persons_list \(archived=\? AND org_path>\? AND org_path<\?\)/);
      expect(large).toMatch(/USING COVERING INDEX persons_by_name/);
      expect(large).not.toMatch(/TEMP B-TREE/);
      // Two equality terms on persons_by_category must not lure the planner into sorting 10 000 rows.
      expect(largeByCategory).toMatch(/USING COVERING INDEX persons_by_name/);
      expect(largeByCategory).not.toMatch(/TEMP B-TREE/);
    } else {
      expect(count + countByKind + small).toMatch(/Index Only Scan using persons_(list|by_category)/);
      expect(count + countByKind + small + large).not.toMatch(/Seq Scan on persons/);
    }
  });

  // Speed is measured in bench/ (npm run bench), never asserted here; this test holds
  // that every filtered subtree page at scale answers correctly.
  it('answers filtered subtree pages of 20 at scale, each row inside the subtree and filter', async () => {
    const subtrees = [...s.mines.slice(0, 5), ...s.depts.filter((_, i) => i % 20 === 3), ...s.teams.filter((_, i) => i % 1000 === 7)];
    const filters = ['kind=worker', 'category=contract', 'category=permanent&unionMember=1', 'kind=worker&category=migrant', 'unionMember=0'];
    let checked = 0;
    for (const [i, o] of subtrees.entries()) {
      const filter = filters[i % filters.length];
      const res = await chair.get(`/api/v1/people?orgId=${o.id}&${filter}&page=1&pageSize=20`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(Math.min(20, res.body.total));
      for (const p of res.body.items) {
        if (filter.includes('category=')) expect(p.employmentCategory).toBe(/category=(\w+)/.exec(filter)![1]);
        if (filter.includes('kind=')) expect(p.kind).toBe('worker');
        if (filter.includes('unionMember=1')) expect(p.unionMember).toBe(true);
        if (filter.includes('unionMember=0')) expect(p.unionMember).toBe(false);
      }
      checked += res.body.items.length;
    }
    expect(checked).toBeGreaterThan(0);
    const whole = await chair.get(`/api/v1/people?orgId=${s.root.id}&category=contract&page=1&pageSize=20`);
    expect(whole.body.items).toHaveLength(20);
    expect(whole.body.items.every((p: any) => p.employmentCategory === 'contract')).toBe(true);
  });

  it('returns the same first page whichever way it is read, and goes on by cursor past the counted rows in name order', async () => {
    // The large-subtree path (name order) and the range path must agree on the rows.
    const base = {
      prefixes: [s.root.path],
      filter: { category: 'migrant' as const },
      contactScope: { all: false, paths: [] },
      sort: 'name' as const,
      order: 'asc' as const,
    };
    const ids = async (walk: boolean) => (await t.db.executeQuery<{ id: string }>(repo.compilePage(t.db, base, walk, 20))).rows.map((r) => r.id);
    const inNameOrder = await ids(true);
    expect(inNameOrder).toHaveLength(20);
    expect(inNameOrder).toEqual(await ids(false));
    // The count stops at 2 000; the last numbered page hands a cursor and the next page is the list's next 200 rows.
    const url = `/api/v1/people?orgId=${s.root.id}&category=migrant&pageSize=200`;
    const last = await chair.get(`${url}&page=10`);
    expect(last.body).toMatchObject({ total: 2000, totalCapped: true });
    expect(last.body.nextCursor).toEqual(expect.any(String));
    expect((await chair.get(`${url}&page=11`)).status).toBe(400);
    const next = await chair.get(`${url}&after=${last.body.nextCursor}`);
    expect(next.status).toBe(200);
    const all = (
      await t.db
        .selectFrom('persons')
        .select('id')
        .where('employment_category', '=', 'migrant')
        .where('archived', '=', 0)
        .orderBy('name')
        .orderBy('id')
        .limit(2200)
        .execute()
    ).map((r) => r.id);
    expect(next.body.items.map((p: any) => p.id)).toEqual(all.slice(2000, 2200));
    // Sorted by org there is no cursor: page numbers reach as far as the count.
    expect((await chair.get(`${url}&page=10&sort=orgName`)).body.nextCursor).toBeNull();
  });

  it('exports at most 50 000 rows, says it cut the list, and keeps the list order', async () => {
    // Scale L holds just under 50 000 active people: add enough to pass the cap.
    const now = new Date().toISOString();
    const extra = Array.from({ length: 1000 }, (_, i) => ({
      id: newId(),
      org_id: s.teams[i].id,
      org_path: s.teams[i].path,
      kind: 'worker',
      name: `超额${i}`,
      gender: null,
      employee_no: null,
      employment_category: 'contract',
      position: null,
      union_member: 0,
      phone: null,
      id_number: null,
      birth_date: null,
      subject: null,
      archived: 0,
      created_at: now,
      updated_at: now,
    }));
    await insertChunks('persons', extra, 500);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/people/export.xlsx', headers: { cookie: chair.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-truncated']).toBe('true');
    const rows = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(1 + 50_000);
    const first = await chair.get('/api/v1/people?pageSize=3');
    expect(first.body.totalCapped).toBe(true);
    expect(rows.slice(1, 4).map((r) => [r[0], r[1], r[6]])).toEqual(first.body.items.map((p: any) => [p.name, p.employeeNo ?? '', p.phone ?? '']));
  }, 120_000);
});
