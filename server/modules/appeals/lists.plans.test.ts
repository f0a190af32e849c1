/**
 * Lists stay flat as appeals grow (issue #16): for every single filter and every pair of
 * filters the inbox's query schema accepts, the plan of each query a list runs reads
 * `appeals` through an index — a range for the count, a range or the ordering index for
 * the page — never the whole table. Checked with the engine's own EXPLAIN; on PostgreSQL
 * with sequential scans priced out, so a tiny test table still shows whether an index can
 * serve the query at all. Combinations come from the schema: a new filter is covered here
 * the day it is added (and fails here until it has a sample value and an index).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { searchRefs } from '../../core/search/search.js';
import { indexText } from '../../core/search/segment.js';
import { readCsv } from '../../core/excel/csv.testkit.js';
import { useTestApp } from '../../../test/app.js';
import { AppealFilterQuery, APPEAL_SORT_KEYS } from '../../../common/schemas/appeals.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import { resolveFilter } from './appeals.dashboard.js';
import { countQuery, pageQuery } from './appeals.lists.js';
import { listParts, SEARCH_INDEX, type Visibility } from './appeals.visibility.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
const clock = { today: '2026-12-06', soon: '2026-12-08' };

function samples(): Record<string, string> {
  return {
    q: '加班费',
    status: 'handling',
    category: 'wages',
    urgency: 'urgent',
    rating: 'unsatisfied',
    light: 'red',
    employmentCategory: 'contract',
    orgId: w.mine1.id,
    departmentId: w.prod1.id,
    ratedDepartmentId: w.prod1.id,
    firstAnswerDepartmentId: w.elec1.id,
    unitId: w.mine1.id,
    groupAlertId: w.mine1.id,
    from: '2026-01-01',
    to: '2026-11-30',
    anonymous: 'true',
    rated: 'true',
    reopened: 'true',
    late: 'true',
    lastAnswerLate: 'true',
    answered: 'false',
    accepted: 'true',
    acceptedLate: 'true',
    mine: 'true',
  };
}

function combinations(values: Record<string, string>) {
  const keys = Object.keys(AppealFilterQuery.shape);
  expect(
    keys.filter((k) => values[k] === undefined),
    'every filter of the schema has a sample value',
  ).toEqual([]);
  const out: Record<string, string>[] = keys.map((k) => ({ [k]: values[k] }));
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push({ [keys[i]]: values[keys[i]], [keys[j]]: values[keys[j]] });
  return out;
}

type Explain = (c: CompiledQuery) => Promise<string[]>;

/** The plan's lines that read the appeals table (alias a) without an index. */
async function fullScans(explain: Explain, c: CompiledQuery, walkAllowed: boolean): Promise<string[]> {
  const lines = await explain(c);
  if (t.engine === 'postgres')
    return lines.filter(
      (l) =>
        /Seq Scan on appeals\b/.test(l) ||
        (!walkAllowed && /Index (Only )?Scan (Backward )?using appeals_submitted_at on appeals/.test(l) && !/Index Cond/.test(l)),
    );
  // `SCAN a` is the table; `SCAN a USING … INDEX x` walks an index end to end, which only an ordered page may do (it stops after a page).
  // appeals_open_due holds only appeals with a pending deadline — the work in hand, not the history — so a 红黄灯 count may read it whole.
  return lines.filter(
    (d) =>
      /^SCAN a\b/.test(d) && !/USING COVERING INDEX appeals_open_due$/.test(d) && (!walkAllowed || !/USING (COVERING )?INDEX appeals_submitted_at/.test(d)),
  );
}

/** Runs `work` with an EXPLAIN of this engine; on PostgreSQL inside one transaction that prices sequential scans out. */
async function withExplain<T>(work: (explain: Explain) => Promise<T>): Promise<T> {
  if (t.engine === 'sqlite')
    return work(async (c) =>
      (await t.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${c.sql}`, [...c.parameters]))).rows.map((x) => x.detail),
    );
  return t.db.transaction().execute(async (tx) => {
    await tx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
    return work(async (c) =>
      (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]))).rows.map((x) => x['QUERY PLAN']),
    );
  });
}

describe('appeal list plans', () => {
  it('read appeals through an index for every single filter and every pair, for staff, handlers and workers', { timeout: 120_000 }, async () => {
    const worker = await w.worker();
    expect((await worker.post('/api/v1/appeals', wageAppeal())).status).toBe(201);
    const viewers: [string, Visibility][] = [
      ['staff', { accountId: w.staff.accountId, personId: null, staff: { all: false, paths: [w.group.path] }, handler: { all: false, paths: [] } }],
      ['handler', { accountId: w.handler.accountId, personId: null, staff: { all: false, paths: [] }, handler: { all: false, paths: [w.prod1.path] } }],
      ['worker', { accountId: worker.accountId, personId: worker.person.id, staff: { all: false, paths: [] }, handler: { all: false, paths: [] } }],
    ];
    const combos = combinations(samples());
    const filters = await Promise.all(combos.map(async (raw) => ({ raw, f: await resolveFilter(t.db, AppealFilterQuery.parse(raw)) })));
    const bad = await withExplain(async (explain) => {
      const out: string[] = [];
      for (const { raw, f } of filters) {
        for (const [who, vis] of viewers) {
          for (const part of listParts(vis, f)) {
            const where = `${who} ${part} ${Object.keys(raw).join('+')}`;
            for (const l of await fullScans(explain, countQuery(t.db, vis, f, clock, part, 2001).compile(), false)) out.push(`${where} count: ${l}`);
            // The walk carries a cursor: a deep page reads on from it, a range on the ordering index.
            for (const walk of [false, true]) {
              const after = walk ? { k: '2026-06-01T00:00:00.000Z', id: w.mine1.id } : undefined;
              const page = pageQuery(t.db, vis, f, clock, part, { limit: 20, sort: 'submittedAt', order: 'desc', after }, walk).compile();
              // PostgreSQL prices a test-sized table so that the ordered walk (which stops after the page) wins even where a real one would not.
              for (const l of await fullScans(explain, page, walk || t.engine === 'postgres')) out.push(`${where} page${walk ? ' (walk)' : ''}: ${l}`);
            }
          }
        }
      }
      return out;
    });
    expect(combos.length).toBe(24 + (24 * 23) / 2);
    expect(bad).toEqual([]);
  });

  it('walks a list by cursor: every row once, newest first, while new appeals arrive in between', async () => {
    const team = await w.team();
    const workers = await Promise.all([0, 1, 2].map(() => w.worker({}, team)));
    const submit = async (i: number) => expect((await workers[i % 3].post('/api/v1/appeals', wageAppeal({ title: `加班费第${i}次` }))).status).toBe(201);
    for (let i = 0; i < 7; i++) await submit(i);
    const url = `/api/v1/appeals?orgId=${team.id}`;
    const all = (await w.staff.get(`${url}&pageSize=200`)).body.items.map((a: { code: string }) => a.code);
    expect(all).toHaveLength(7);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: { status: number; body: { items: { code: string }[]; nextCursor: string | null } } = await w.staff.get(
        `${url}&pageSize=2${after ? `&after=${after}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a) => a.code));
      after = res.body.nextCursor;
      // Newer appeals land before the cursor: the walk neither repeats nor skips a row.
      await submit(seen.length);
    } while (after);
    expect(seen).toEqual(all);
    // The worker's own list walks the same way, and holds only their own appeals.
    const mine = await workers[0].get('/api/v1/appeals/mine?pageSize=1');
    const next = await workers[0].get(`/api/v1/appeals/mine?pageSize=1&after=${mine.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].code).not.toBe(mine.body.items[0].code);
    // The search filter reads the newest matches first and stops at its bound.
    const newest = (await w.staff.get(`/api/v1/appeals?q=${encodeURIComponent('加班费')}&pageSize=1`)).body.items[0].id;
    const bounded = await t.db
      .selectFrom(sql`${searchRefs(t.db, SEARCH_INDEX, '加班费', 1)!}`.as('s') as any)
      .selectAll()
      .execute();
    expect(bounded).toEqual([{ ref_id: newest }]);
  });

  it('a search reads its newest 5 000 matches only and says so (searchCapped); an older match is not listed', async () => {
    const search = (q: string) => w.staff.get(`/api/v1/appeals?q=${encodeURIComponent(q)}`);
    const worker = await w.worker({}, await w.team());
    const old = (await worker.post('/api/v1/appeals', wageAppeal({ title: '井下通风机噪声超标' }))).body;
    expect((await search('通风机噪声')).body).toMatchObject({ total: 1, totalCapped: false, searchCapped: false });
    // 5 000 later documents with the words (search rows alone, no appeals behind them) push it past the bound.
    const body = indexText('通风机噪声');
    for (let i = 0; i < 5_000; i += 1_000) {
      await t.db
        .insertInto(SEARCH_INDEX as any)
        .values(Array.from({ length: 1_000 }, (_, j) => ({ ref_id: `bound-${i + j}`, body })))
        .execute();
    }
    const fresh = (await worker.post('/api/v1/appeals', wageAppeal({ title: '通风机噪声又超标了' }))).body;
    const res = (await search('通风机噪声')).body;
    expect(res).toMatchObject({ total: 1, totalCapped: true, searchCapped: true });
    expect(res.items.map((a: { id: string }) => a.id)).toEqual([fresh.id]);
    expect(res.items.map((a: { id: string }) => a.id)).not.toContain(old.id);
    await t.db
      .deleteFrom(SEARCH_INDEX as any)
      .where('ref_id', 'like', 'bound-%')
      .execute();
  });

  it('exports the same list as .csv as .xlsx: the same columns, rows and anonymity, UTF-8 with a byte-order mark', async () => {
    const team = await w.team();
    const named = await w.worker({ name: '导出职工乙', phone: '13700002222' }, team);
    const hidden = await w.worker({ name: '隐名职工丙', phone: '13700003333' }, team);
    await named.post('/api/v1/appeals', wageAppeal({ title: '班组导出一' }));
    await hidden.post('/api/v1/appeals', wageAppeal({ title: '班组导出二', anonymous: true }));
    const get = (format: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.${format}?q=${encodeURIComponent('班组导出')}`, headers: { cookie: w.staff.cookie } });
    const [xlsx, csv] = [await get('xlsx'), await get('csv')];
    expect(csv.statusCode).toBe(200);
    const { bom, rows } = readCsv(csv.rawPayload);
    expect(bom).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as any);
    const sheet = book.worksheets[0];
    const sheetRows = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    expect(rows[0]).toEqual(sheetRows[0]);
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows).toHaveLength(3);
    // Text cells agree cell for cell (dates are typed cells in the sheet, text in the file).
    for (const name of ['编号', '标题', '提交人', '联系电话', '所属单位']) {
      expect(rows.slice(1).map((r) => r[col(name)])).toEqual(sheetRows.slice(1).map((r) => String(r[col(name)] ?? '')));
    }
    const byTitle = new Map(rows.slice(1).map((r) => [r[col('标题')], r]));
    expect(byTitle.get('班组导出一')![col('提交人')]).toBe('导出职工乙');
    expect(byTitle.get('班组导出二')![col('提交人')]).toBe('匿名');
    expect(csv.payload).not.toContain('隐名职工丙');
    expect(csv.payload).not.toContain('13700003333');
  });

  it('refuses a forged cursor, a cursor with another sort, and page numbers past the count, naming the field', async () => {
    const bad = await w.staff.get('/api/v1/appeals?after=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'query.after', message: '翻页位置（after）无效，请回到第一页重新翻看' }]);
    const first = await w.staff.get('/api/v1/appeals?pageSize=1');
    const sorted = await w.staff.get(`/api/v1/appeals?pageSize=1&sort=code&after=${first.body.nextCursor}`);
    expect(sorted.status).toBe(400);
    expect(sorted.body.errors[0].field).toBe('query.after');
    const deep = await w.staff.get('/api/v1/appeals?page=101&pageSize=20');
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toMatchObject({ field: 'query.page' });
    expect(deep.body.errors[0].message).toContain('2000');
  });

  it('keeps the sort keys to those the schema whitelists', () => {
    expect(APPEAL_SORT_KEYS).toContain('submittedAt');
  });
});
