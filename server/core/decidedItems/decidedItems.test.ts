import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CompiledQuery, sql } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { createDecidedItem, decidedItemsOf } from './index.js';
import { asAccount } from './decidedItems.testkit.js';
import { multipart } from '../people/people.fixtures.js';

const t = useTestApp();
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const group = await t.org('煤业集团', 'group');
  const mine = await t.org('一号矿', 'mine', group);
  const prod = await t.org('生产部', 'department', mine);
  const team = await t.org('综采一队', 'team', prod);
  const chair = await t.user([{ role: 'unionChair', org: mine }]);
  const staff = await t.user([{ role: 'unionStaff', org: mine }]);
  const owner = await t.user([{ role: 'handler', org: prod }]);
  const coOwner = await t.user([{ role: 'handler', org: prod }]);
  const stranger = await t.user([{ role: 'handler', org: prod }]);
  const worker = await t.user([{ role: 'worker', org: team }]);
  const other = await t.org('另一集团', 'group');
  const otherChair = await t.user([{ role: 'unionChair', org: other }]);
  return { group, mine, prod, team, chair, staff, owner, coOwner, stranger, worker, other, otherChair };
}
beforeAll(async () => {
  w = await world();
});

const source = (id: string, pub = true) => ({ kind: 'meetings.decision', id, label: '12月联席会 · 议题一', public: pub });

describe('createDecidedItem / decidedItemsOf', () => {
  it('creates an item owned by one account, planned at 0 %, listed under its source', async () => {
    const { id } = await asAccount(t.db, w.chair.accountId, (call) =>
      createDecidedItem(call, {
        source: source('src-1'),
        title: '井下澡堂热水全天供应',
        orgId: w.mine.id,
        ownerAccountId: w.owner.accountId,
        coOwnerAccountIds: [w.coOwner.accountId, w.owner.accountId],
        dueDate: '2026-12-31',
      }),
    );
    const items = await decidedItemsOf(t.db, { kind: 'meetings.decision', id: 'src-1' });
    expect(items).toMatchObject([
      {
        id,
        title: '井下澡堂热水全天供应',
        status: 'planned',
        progress: 0,
        dueDate: '2026-12-31',
        ownerAccountId: w.owner.accountId,
        coOwnerAccountIds: [w.coOwner.accountId],
        source: { label: '12月联席会 · 议题一', public: true },
      },
    ]);
    expect(await decidedItemsOf(t.db, { kind: 'congress.proposal', id: 'src-1' })).toEqual([]);
  });

  it('refuses what it cannot refer to, naming the field', async () => {
    const base = { source: source('src-2'), title: '事项', orgId: w.mine.id, ownerAccountId: w.owner.accountId, dueDate: '2026-12-31' };
    const fault = (over: Record<string, unknown>) =>
      asAccount(t.db, w.chair.accountId, (call) => createDecidedItem(call, { ...base, ...over })).then(
        () => null,
        (e) => e.fields?.[0]?.field,
      );
    expect(await fault({ orgId: 'nope' })).toBe('orgId');
    expect(await fault({ ownerAccountId: 'nope' })).toBe('ownerAccountId');
    expect(await fault({ coOwnerAccountIds: ['nope'] })).toBe('coOwnerAccountIds');
    expect(await fault({ dueDate: '2026-02-30' })).toBe('dueDate');
    expect(await fault({ title: '  ' })).toBe('title');
    expect(await fault({ parentId: 'nope' })).toBe('parentId');
    expect(await decidedItemsOf(t.db, { kind: 'meetings.decision', id: 'src-2' })).toEqual([]);
  });
});

const base = '/api/v1/decided-items';
async function item(over: Record<string, unknown> = {}, now?: Date) {
  return asAccount(
    t.db,
    w.chair.accountId,
    (call) =>
      createDecidedItem(call, {
        source: source(`s-${Math.random()}`),
        title: '更换综采一队更衣柜',
        orgId: w.prod.id,
        ownerAccountId: w.owner.accountId,
        coOwnerAccountIds: [w.coOwner.accountId],
        dueDate: '2026-12-31',
        ...over,
      }),
    now,
  );
}
const inbox = async (accountId: string, kind: string) =>
  (await t.db.selectFrom('notifications').select(['title', 'link']).where('account_id', '=', accountId).where('kind', '=', kind).execute()) as {
    title: string;
    link: string;
  }[];

describe('acting on a decided item', () => {
  it('goes planned → inProgress → done by its owner and co-owner, each step on the timeline', async () => {
    const { id } = await item();
    expect((await w.coOwner.post(`${base}/${id}/progress`, { progress: 30, note: '已采购更衣柜' })).status).toBe(200);
    expect((await w.owner.post(`${base}/${id}/progress`, { progress: 60, note: '已安装一半' })).status).toBe(200);
    const back = await w.owner.post(`${base}/${id}/progress`, { progress: 50, note: '回退' });
    expect([back.status, back.body.errors[0].field]).toEqual([422, 'progress']);
    expect((await w.coOwner.post(`${base}/${id}/done`, {})).status).toBe(403);
    expect((await w.owner.post(`${base}/${id}/done`, {})).status).toBe(200);
    const d = (await w.owner.get(`${base}/${id}`)).body;
    expect([d.status, d.progress]).toEqual(['done', 100]);
    expect(d.timeline.map((e: any) => [e.event, e.to])).toEqual([
      ['created', 'planned'],
      ['progress', 'inProgress'],
      ['progress', null],
      ['done', 'done'],
    ]);
    expect(d.timeline[1]).toMatchObject({ actorName: w.coOwner.username, data: { progress: 30, note: '已采购更衣柜' } });
    // done → inProgress is not the owner's to make, and a closed item takes no progress.
    expect((await w.owner.post(`${base}/${id}/start`, {})).status).toBe(409);
    expect((await w.owner.post(`${base}/${id}/progress`, { progress: 100, note: '再报' })).status).toBe(422);
  });

  it('keeps files as evidence of a report: shown on the timeline, readable by who sees the item, nobody else’s uploads', async () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const put = async (who: typeof w.owner, name: string) => {
      const m = multipart({}, { name, content: PNG, field: 'file' });
      const res = await who.post('/api/v1/files', m.body, m.headers);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const { id } = await item();
    const photo = await put(w.owner, '更衣柜安装照片.png');
    expect((await w.owner.post(`${base}/${id}/progress`, { progress: 40, note: '已安装四十个', fileIds: [photo] })).status).toBe(200);
    const d = (await w.chair.get(`${base}/${id}`)).body;
    expect(d.timeline.find((e: any) => e.event === 'progress').data.files).toEqual([{ id: photo, name: '更衣柜安装照片.png' }]);
    for (const who of [w.owner, w.chair, w.coOwner]) {
      const got = await who.get(`${base}/${id}/files/${photo}`);
      expect([got.status, got.headers['content-type'], Buffer.compare(got.raw, PNG)]).toEqual([200, 'image/png', 0]);
    }
    expect((await w.stranger.get(`${base}/${id}/files/${photo}`)).status).toBe(404);
    expect((await w.otherChair.get(`${base}/${id}/files/${photo}`)).status).toBe(404);
    // Another item does not serve this item's evidence; a file is given once; nobody reports with someone else's upload.
    const other = await item();
    expect((await w.owner.get(`${base}/${other.id}/files/${photo}`)).status).toBe(404);
    const reused = await w.owner.post(`${base}/${other.id}/progress`, { progress: 10, note: '同一张照片', fileIds: [photo] });
    expect([reused.status, reused.body.errors[0].field]).toEqual([422, 'fileIds']);
    const strangers = await put(w.stranger, '别人的照片.png');
    const borrowed = await w.coOwner.post(`${base}/${other.id}/progress`, { progress: 10, note: '借用', fileIds: [strangers] });
    expect([borrowed.status, borrowed.body.errors[0].field]).toEqual([422, 'fileIds']);
    expect((await w.owner.get(`${base}/${other.id}`)).body.progress).toBe(0);
  });

  it('refuses a non-owner: 403 to the chair who sees it, 404 to a stranger and to another organisation', async () => {
    const { id } = await item();
    expect((await w.chair.post(`${base}/${id}/progress`, { progress: 10, note: '代报' })).status).toBe(403);
    expect((await w.stranger.post(`${base}/${id}/progress`, { progress: 10, note: '代报' })).status).toBe(404);
    expect((await w.stranger.get(`${base}/${id}`)).status).toBe(404);
    expect((await w.otherChair.get(`${base}/${id}`)).status).toBe(404);
    expect((await w.otherChair.post(`${base}/${id}/drop`, { reason: '越权' })).status).toBe(404);
    expect((await w.owner.post(`${base}/${id}/drop`, { reason: '自己撤' })).status).toBe(403);
    expect(
      (await t.db
        .selectFrom('decided_items' as any)
        .select(['status', 'progress'])
        .where('id', '=', id)
        .executeTakeFirst()) as any,
    ).toEqual({ status: 'planned', progress: 0 });
  });

  it('is dropped with a reason and reopened by union staff; the owner is told', async () => {
    const { id } = await item();
    const noReason = await w.staff.post(`${base}/${id}/drop`, {});
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'body.reason']);
    expect((await w.staff.post(`${base}/${id}/drop`, { reason: '并入年度技改计划' })).status).toBe(200);
    expect((await w.owner.get(`${base}/${id}`)).body).toMatchObject({ status: 'dropped', dropReason: '并入年度技改计划' });
    expect((await w.staff.post(`${base}/${id}/drop`, { reason: '再撤' })).status).toBe(409);
    expect((await w.chair.post(`${base}/${id}/reopen`, {})).status).toBe(200);
    expect((await w.owner.get(`${base}/${id}`)).body).toMatchObject({ status: 'inProgress', dropReason: null });
    expect((await inbox(w.owner.accountId, 'decidedItem.dropped')).some((n) => n.link === `/decided-items/${id}`)).toBe(true);
  });

  it('rolls children up into the parent, weighted, and refuses a direct report on the parent', async () => {
    const { id: parent } = await item({ title: '职工食堂改造' });
    const { id: a } = await item({ title: '更换灶具', parentId: parent, weight: 3 });
    await item({ title: '增加窗口', parentId: parent, weight: 1 });
    expect((await w.owner.post(`${base}/${a}/progress`, { progress: 80, note: '灶具到货' })).status).toBe(200);
    const p = (await w.owner.get(`${base}/${parent}`)).body;
    expect([p.progress, p.children.length]).toEqual([60, 2]);
    expect((await w.owner.post(`${base}/${parent}/progress`, { progress: 90, note: '直接报' })).status).toBe(422);
  });
});

describe('lists', () => {
  it('shows the board to chair and staff of the subtree, owners their own, workers only public items of their org', async () => {
    const tag = `tag-${Math.random()}`;
    await item({ source: { kind: 'meetings.decision', id: tag, label: '公开决定', public: true } });
    await item({ source: { kind: 'meetings.decision', id: tag, label: '内部决定', public: false } });
    const q = `?sourceId=${encodeURIComponent(tag)}`;
    expect((await w.chair.get(`${base}${q}`)).body.total).toBe(2);
    expect((await w.owner.get(`${base}${q}&mine=1`)).body.total).toBe(2);
    expect((await w.stranger.get(`${base}${q}`)).body.total).toBe(0);
    expect((await w.otherChair.get(`${base}${q}`)).body.total).toBe(0);
    const pub = (await w.worker.get(`${base}/public?pageSize=200`)).body.items.map((i: any) => i.sourceLabel);
    expect(pub).toContain('公开决定');
    expect(pub).not.toContain('内部决定');
    const x = await w.staff.get(`${base}/export.xlsx${q}`);
    expect([x.status, String(x.headers['content-type'])]).toEqual([200, expect.stringContaining('spreadsheetml')]);
  });
});

describe('the xlsx export', () => {
  /** The 事项 column of the export, in file order. */
  async function exported(caller: typeof w.owner, q: string): Promise<string[]> {
    const r = await caller.get(`${base}/export.xlsx${q}`);
    expect(r.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.raw as any);
    const titles: string[] = [];
    book.worksheets[0].eachRow((row, n) => n > 1 && titles.push(String(row.getCell(1).value)));
    return titles;
  }
  const board = async (caller: typeof w.owner, q: string) =>
    (await caller.get(`${base}${q}&sort=dueDate&order=asc&pageSize=200`)).body.items.map((i: any) => i.title);

  it('holds what the caller’s board shows: a handler’s own and co-owned items, never the department’s others', async () => {
    // Due after the sweep test's dates, so its escalation count stays its own.
    const tag = `export-${Math.random()}`;
    const src = { kind: 'meetings.decision', id: tag, label: '导出测试', public: false };
    await item({ source: src, title: '本人负责', ownerAccountId: w.owner.accountId, coOwnerAccountIds: [], dueDate: '2029-03-01' });
    await item({ source: src, title: '本人协办', ownerAccountId: w.stranger.accountId, coOwnerAccountIds: [w.owner.accountId], dueDate: '2029-03-02' });
    await item({ source: src, title: '同部门他人', ownerAccountId: w.stranger.accountId, coOwnerAccountIds: [], dueDate: '2029-03-03' });
    await item({ source: src, title: '另一集团', orgId: w.other.id, ownerAccountId: w.otherChair.accountId, coOwnerAccountIds: [], dueDate: '2029-03-04' });
    const q = `?sourceId=${encodeURIComponent(tag)}`;
    expect(await board(w.owner, q)).toEqual(['本人负责', '本人协办']);
    expect(await exported(w.owner, q)).toEqual(['本人负责', '本人协办']);
    expect(await exported(w.owner, `${q}&mine=1`)).toEqual(['本人负责', '本人协办']);
    expect(await exported(w.chair, q)).toEqual(await board(w.chair, q));
    expect(await exported(w.chair, q)).toEqual(['本人负责', '本人协办', '同部门他人']);
    expect(await exported(w.otherChair, q)).toEqual(['另一集团']);
  });
});

describe('the board read as two branches', () => {
  it('merges the overseen subtree with the items the caller owns elsewhere, in one order, counted once', async () => {
    // Union staff of the other group who also owns an item in this one: both branches hold rows
    // (due after the sweep test's dates, so its escalation count stays its own).
    const tag = `merge-${Math.random()}`;
    const staffThere = await t.user([{ role: 'unionStaff', org: w.other }]);
    const otherTeam = await t.org('乙方班组', 'team', w.other);
    const src = { kind: 'meetings.decision', id: tag, label: '合并测试', public: false };
    const mk = (title: string, orgId: string, ownerAccountId: string, dueDate: string) => item({ source: src, title, orgId, ownerAccountId, dueDate });
    await mk('乙方一', otherTeam.id, w.owner.accountId, '2028-01-05');
    await mk('乙方三', otherTeam.id, w.owner.accountId, '2028-01-20');
    await mk('本人在甲方', w.prod.id, staffThere.accountId, '2028-01-10');
    await mk('与我无关', w.prod.id, w.owner.accountId, '2028-01-01');
    const page = async (q: string) => (await staffThere.get(`${base}?sourceId=${encodeURIComponent(tag)}&${q}`)).body;
    const all = await page('sort=dueDate&order=asc');
    expect([all.items.map((i: any) => i.title), all.total, all.totalCapped]).toEqual([['乙方一', '本人在甲方', '乙方三'], 3, false]);
    expect((await page('sort=dueDate&order=desc&pageSize=1&page=2')).items.map((i: any) => i.title)).toEqual(['本人在甲方']);
    expect((await page('mine=1')).items.map((i: any) => i.title)).toEqual(['本人在甲方']);
  });

  it('reads the scope branch from an index on both engines, in both plans (EXPLAIN)', async () => {
    const { compileScopePage } = await import('./decidedItems.board.js');
    const spec = {
      filter: { page: 1, pageSize: 20, sort: 'dueDate' as const, order: 'asc' as const },
      orgPath: null,
      accountId: w.chair.accountId,
      scope: { all: false, paths: [w.mine.path] },
    };
    const plan = (q: { sql: string; parameters: readonly unknown[] }) =>
      t.db.transaction().execute(async (tx) => {
        // A small table is cheaper to scan; take that choice away so the plan shows which index serves the shape.
        if (t.engine === 'postgres') await sql`set local enable_seqscan = off`.execute(tx);
        const { rows } = await tx.executeQuery<any>(CompiledQuery.raw((t.engine === 'sqlite' ? 'explain query plan ' : 'explain ') + q.sql, [...q.parameters]));
        return rows.map((r: any) => r.detail ?? r['QUERY PLAN']).join('\n');
      });
    const walk = await plan(compileScopePage(t.db, spec, 'walk'));
    const range = await plan(compileScopePage(t.db, spec, 'range'));
    const byProgress = await plan(compileScopePage(t.db, { ...spec, filter: { ...spec.filter, sort: 'progress' as const, order: 'desc' as const } }, 'walk'));
    if (t.engine === 'sqlite') {
      expect(walk).toMatch(/USING COVERING INDEX decided_items_by_due/);
      expect(walk).not.toMatch(/TEMP B-TREE/);
      expect(byProgress).toMatch(/USING COVERING INDEX decided_items_by_progress/);
      expect(range).toMatch(/USING COVERING INDEX decided_items_org_due \(org_path>\? AND org_path<\?\)/);
    } else {
      for (const p of [walk, range, byProgress]) expect(p).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      for (const p of [walk, range, byProgress]) expect(p).not.toMatch(/Seq Scan on decided_items/);
    }
  });
});

describe('the due sweep', () => {
  it('reminds the owner 3, 1 and 0 working days before, never twice; marks overdue and tells the union chair once', async () => {
    const { sweepDecidedItems } = await import('./decidedItems.jobs.js');
    // Friday 2027-03-05: due Wednesday 03-10 is 3 working days away.
    const { id } = await item({ title: '井口候车室加装暖气', dueDate: '2027-03-10', orgId: w.team.id });
    const at = (d: string) => new Date(`${d}T01:00:00Z`);
    const dueNotices = async () => (await inbox(w.owner.accountId, 'decidedItem.due')).filter((n) => n.link === `/decided-items/${id}`).length;
    await sweepDecidedItems(t.db, at('2027-03-05'));
    await sweepDecidedItems(t.db, at('2027-03-05'));
    expect(await dueNotices()).toBe(1);
    await sweepDecidedItems(t.db, at('2027-03-09'));
    await sweepDecidedItems(t.db, at('2027-03-10'));
    await sweepDecidedItems(t.db, at('2027-03-10'));
    expect(await dueNotices()).toBe(3);
    expect((await inbox(w.coOwner.accountId, 'decidedItem.due')).filter((n) => n.link === `/decided-items/${id}`).length).toBe(3);
    await sweepDecidedItems(t.db, at('2027-03-11'));
    await sweepDecidedItems(t.db, at('2027-03-12'));
    const escalated = (await inbox(w.chair.accountId, 'decidedItem.overdue')).filter((n) => n.link === `/decided-items/${id}`);
    expect(escalated.length).toBe(1);
    expect((await inbox(w.otherChair.accountId, 'decidedItem.overdue')).length).toBe(0);
    const d = (await w.owner.get(`${base}/${id}`)).body;
    expect(d.status).toBe('overdue');
    expect(d.timeline.at(-1)).toMatchObject({ event: 'overdue', actorName: null });
    // Late but done: the owner may still close it.
    expect((await w.owner.post(`${base}/${id}/done`, {})).status).toBe(200);
  });
});

describe('indicators', () => {
  it('each figure equals the rows of its drill-down list', async () => {
    const { indicator } = await import('../indicators/indicators.registry.js');
    const org = await t.org('指标专用队', 'team', w.prod);
    const mk = (dueDate: string) => item({ orgId: org.id, dueDate });
    const onTime = await mk('2026-11-10');
    await asAccount(
      t.db,
      w.owner.accountId,
      async (call) => {
        const s = await import('./decidedItems.service.js');
        await s.reportProgress(call, onTime.id, { progress: 40, note: '推进' });
        await s.done(call, onTime.id);
      },
      new Date('2026-11-10T10:00:00Z'),
    );
    const late = await mk('2026-11-12');
    await asAccount(t.db, w.owner.accountId, (call) =>
      import('./decidedItems.service.js').then((s) => s.reportProgress(call, late.id, { progress: 50, note: '一半' })),
    );
    const { sweepDecidedItems } = await import('./decidedItems.jobs.js');
    await sweepDecidedItems(t.db, new Date('2026-11-20T01:00:00Z'));
    const dropped = await mk('2026-11-15');
    await asAccount(t.db, w.staff.accountId, (call) => import('./decidedItems.service.js').then((s) => s.drop(call, dropped.id, '不再需要')));
    await mk('2026-12-15'); // outside the period

    const q = { scope: { all: false, paths: [org.path] }, from: '2026-11-01', to: '2026-11-30' };
    const rows = async (filter: Record<string, string>) =>
      (await w.chair.get(`${base}?orgId=${org.id}&${new URLSearchParams(filter)}`)).body.items as { progress: number }[];
    const rate = await indicator('core.decidedOnTimeRate')!.compute(t.db, q);
    expect([rate.numerator, rate.denominator, rate.value]).toEqual([1, 2, 0.5]);
    expect((await rows(rate.drill!.numerator)).length).toBe(rate.numerator);
    expect((await rows(rate.drill!.denominator)).length).toBe(rate.denominator);
    const overdue = await indicator('core.decidedOverdue')!.compute(t.db, q);
    expect(overdue.value).toBe(1);
    expect((await rows(overdue.drill!.numerator)).length).toBe(1);
    const avg = await indicator('core.decidedAverageProgress')!.compute(t.db, q);
    expect([avg.numerator, avg.denominator, avg.value]).toEqual([150, 200, 0.75]);
    expect((await rows(avg.drill!.numerator)).reduce((s, r) => s + r.progress, 0)).toBe(avg.numerator);
  });
});

describe('figures per owner and per source', () => {
  it('counts each owner’s and each source’s items due in the period, and each row’s drill lists exactly them', async () => {
    const org = await t.org('分项统计队', 'team', w.prod);
    const second = await t.user([{ role: 'handler', org }]);
    const mk = (id: string, ownerAccountId: string, dueDate: string) =>
      item({ source: { kind: 'meetings.decision', id, label: `${id} 例会`, public: false }, orgId: org.id, ownerAccountId, coOwnerAccountIds: [], dueDate });
    const a1 = await mk('cut-m1', w.owner.accountId, '2026-11-05');
    await mk('cut-m1', w.owner.accountId, '2026-11-25');
    await mk('cut-m2', second.accountId, '2026-11-10');
    const dropped = await mk('cut-m2', second.accountId, '2026-11-11');
    await mk('cut-m2', second.accountId, '2026-12-20'); // due after the period
    const service = await import('./decidedItems.service.js');
    await asAccount(t.db, w.owner.accountId, (call) => service.done(call, a1.id), new Date('2026-11-04T02:00:00Z'));
    await asAccount(t.db, w.staff.accountId, (call) => service.drop(call, dropped.id, '并入其他事项'));
    const { sweepDecidedItems } = await import('./decidedItems.jobs.js');
    await sweepDecidedItems(t.db, new Date('2026-11-30T02:00:00Z'));

    const cuts = async (caller: typeof w.chair, cut: string) =>
      (await caller.get(`${base}/cuts?from=2026-11-01&to=2026-11-30&cut=${cut}`)).body.rows as {
        key: string;
        label: string;
        items: number;
        done: number;
        onTime: number;
        overdue: number;
        averageProgress: number | null;
        drill: Record<string, string>;
      }[];
    const listed = async (caller: typeof w.chair, drill: Record<string, string>) => (await caller.get(`${base}?${new URLSearchParams(drill)}`)).body.total;
    const byOwner = (await cuts(w.chair, 'owner')).filter((r) => [w.owner.accountId, second.accountId].includes(r.key));
    const mine = byOwner.find((r) => r.key === w.owner.accountId)!;
    const theirs = byOwner.find((r) => r.key === second.accountId)!;
    // The chair's mine holds the department's other test items too: only this team's are compared, through the drill.
    expect(await listed(w.chair, { ...theirs.drill, orgId: org.id })).toBe(1);
    expect([theirs.items, theirs.done, theirs.overdue, theirs.averageProgress]).toEqual([1, 0, 1, 0]);
    expect(await listed(w.chair, theirs.drill)).toBe(theirs.items);
    expect(await listed(w.chair, { ...mine.drill, onTime: '1' })).toBe(mine.onTime);
    expect(await listed(w.chair, { ...mine.drill, status: 'overdue' })).toBe(mine.overdue);

    const bySource = await cuts(w.chair, 'source');
    const m1 = bySource.find((r) => r.key === 'meetings.decision:cut-m1')!;
    const m2 = bySource.find((r) => r.key === 'meetings.decision:cut-m2')!;
    // cut-m1: one done on time, one overdue; cut-m2: the dropped one and the December one left out.
    expect([m1.label, m1.items, m1.done, m1.onTime, m1.overdue, m1.averageProgress]).toEqual(['cut-m1 例会', 2, 1, 1, 1, 0.5]);
    expect([m2.items, m2.done, m2.overdue]).toEqual([1, 0, 1]);
    for (const r of [m1, m2]) {
      expect(await listed(w.chair, r.drill)).toBe(r.items);
      expect(await listed(w.chair, { ...r.drill, status: 'overdue' })).toBe(r.overdue);
    }
    const kind = (await cuts(w.chair, 'sourceKind')).find((r) => r.key === 'meetings.decision')!;
    expect(kind.items).toBeGreaterThanOrEqual(3);
    expect(await listed(w.chair, kind.drill)).toBe(kind.items);

    // An owner sees the figures of their own items only; another organisation's chair sees none of these.
    expect((await cuts(second, 'source')).map((r) => [r.key, r.items])).toEqual([['meetings.decision:cut-m2', 1]]);
    expect((await cuts(w.otherChair, 'source')).filter((r) => r.key.includes('cut-m'))).toEqual([]);
    const bad = await w.chair.get(`${base}/cuts?from=2026-11-01&to=2026-11-30&cut=org`);
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'query.cut']);
    expect((await w.worker.get(`${base}/cuts?from=2026-11-01&to=2026-11-30`)).status).toBe(403);
  });
});
