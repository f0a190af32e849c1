import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { newId } from '../ids.js';
import { systemContext } from '../context.js';
import { recordAudit } from './audit.js';
import { EXPORT_CAP } from './audit.service.js';
import { shownDate } from '../people/people.fixtures.js';

const t = useTestApp();

/** A group with two mines, and a department created through the API in each (so each has an audit trail). */
async function twoMines() {
  const group = await t.org('华能煤业集团', 'group');
  const mineA = await t.org('一号矿', 'mine', group);
  const mineB = await t.org('二号矿', 'mine', group);
  const admin = await t.user([{ role: 'sysAdmin', org: null }]);
  const deptA = (await admin.post('/api/v1/orgs', { parentId: mineA.id, kind: 'department', name: '生产部' })).body;
  const deptB = (await admin.post('/api/v1/orgs', { parentId: mineB.id, kind: 'department', name: '机电部' })).body;
  expect((await admin.patch(`/api/v1/orgs/${deptA.id}`, { name: '生产技术部' })).status).toBe(200);
  return { group, mineA, mineB, admin, deptA, deptB };
}

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  // A date cell reads as its format shows it, as an office user sees it.
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) =>
      cells.push(c.value === null || c.value === undefined ? '' : c.value instanceof Date ? shownDate(c.value, c.numFmt) : String(c.value)),
    );
    rows.push(cells);
  });
  return { name: ws.name, rows };
}

describe('audit viewer', () => {
  it('lists events with parsed changes, filters by entity, action prefix and actor, and pages newest first', async () => {
    const { admin, deptA } = await twoMines();
    const res = await admin.get(`/api/v1/audit?entityId=${deptA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e: any) => e.action)).toEqual(['org.update', 'org.create']);
    expect(res.body.items[1]).toMatchObject({
      actorId: admin.accountId,
      actorName: admin.username,
      entityType: 'org',
      entityId: deptA.id,
      orgId: deptA.id,
      orgName: '生产技术部',
      changes: { name: '生产部', kind: 'department' },
    });
    expect(res.body.items[0].changes).toEqual({ name: ['生产部', '生产技术部'] });

    const asc = await admin.get(`/api/v1/audit?entityId=${deptA.id}&sort=at&order=asc`);
    expect(asc.body.items.map((e: any) => e.action)).toEqual(['org.create', 'org.update']);

    const byPrefix = await admin.get(`/api/v1/audit?action=org.*&actorId=${admin.accountId}&pageSize=2&page=2`);
    expect(byPrefix.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(byPrefix.body.items.map((e: any) => e.action)).toEqual(['org.create']);
    expect((await admin.get(`/api/v1/audit?action=org&actorId=${admin.accountId}`)).body.total).toBe(0);
  });

  it('shows a mine’s chair the events of that mine only, and the group chair both', async () => {
    const { group, mineA, mineB, admin, deptA, deptB } = await twoMines();
    const chairA = await t.user([{ role: 'unionChair', org: mineA }]);
    const seenByA = await chairA.get('/api/v1/audit?entityType=org&pageSize=200');
    expect(seenByA.status).toBe(200);
    const ids = new Set(seenByA.body.items.map((e: any) => e.entityId));
    expect(ids.has(deptA.id)).toBe(true);
    expect(ids.has(deptB.id)).toBe(false);
    expect((await chairA.get(`/api/v1/audit?entityId=${deptB.id}`)).body).toMatchObject({ total: 0, items: [] });
    // Events with no org (sign-ins) belong to the deployment, not to the mine.
    expect((await chairA.get(`/api/v1/audit?action=auth.login&actorId=${admin.accountId}`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/audit?action=auth.login&actorId=${admin.accountId}`)).body.total).toBe(1);
    // Naming the other mine does not help: it is outside the chair's scope.
    expect((await chairA.get(`/api/v1/audit?orgId=${mineB.id}`)).status).toBe(404);

    const groupChair = await t.user([{ role: 'unionChair', org: group }]);
    const both = await groupChair.get(`/api/v1/audit?orgId=${group.id}&entityType=org`);
    expect(new Set(both.body.items.map((e: any) => e.entityId))).toEqual(new Set([deptA.id, deptB.id]));

    const worker = await t.user([{ role: 'worker', org: mineA }]);
    expect((await worker.get('/api/v1/audit')).status).toBe(403);
    expect((await t.client().get('/api/v1/audit')).status).toBe(401);
  });

  it('reads a bare date as a Beijing calendar day', async () => {
    const org = await t.org('日期矿', 'mine');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const base = {
      actor_id: null,
      actor_name: '系统',
      action: 'test.dated',
      entity_type: 'dateProbe',
      entity_id: null,
      org_id: org.id,
      changes: null,
      ip: null,
      request_id: null,
    };
    // 23:30 on 1 March and 00:30 on 2 March, Beijing time.
    await t.db
      .insertInto('audit_events')
      .values({ ...base, id: newId(), at: '2026-03-01T15:30:00.000Z' })
      .execute();
    await t.db
      .insertInto('audit_events')
      .values({ ...base, id: newId(), at: '2026-03-01T16:30:00.000Z' })
      .execute();
    const day2 = await admin.get('/api/v1/audit?entityType=dateProbe&from=2026-03-02&to=2026-03-02');
    expect(day2.body.items.map((e: any) => e.at)).toEqual(['2026-03-01T16:30:00.000Z']);
    const day1 = await admin.get('/api/v1/audit?entityType=dateProbe&to=2026-03-01');
    expect(day1.body.items.map((e: any) => e.at)).toEqual(['2026-03-01T15:30:00.000Z']);
    const exact = await admin.get('/api/v1/audit?entityType=dateProbe&from=2026-03-01T16:00:00Z');
    expect(exact.body.total).toBe(1);
    const bad = await admin.get('/api/v1/audit?from=2026-02-30x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'query.from', message: '应为日期（YYYY-MM-DD）或完整时间（ISO 8601）' }]);
  });

  it('exports the same filtered events to .xlsx in Chinese and logs the export', async () => {
    const { mineA, deptA } = await twoMines();
    const chairA = await t.user([{ role: 'unionChair', org: mineA }]);
    const res = await chairA.get(`/api/v1/audit/export.xlsx?orgId=${mineA.id}&entityType=org&order=asc`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`);
    const raw = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/export.xlsx?orgId=${mineA.id}&entityType=org&order=asc`,
      headers: { cookie: chairA.cookie },
    });
    const { name, rows } = await readXlsx(raw.rawPayload);
    expect(name).toBe('审计日志');
    expect(rows[0]).toEqual(['时间（北京时间）', '操作人', '操作', '对象类型', '对象编号', '所属组织', '变更内容', 'IP 地址']);
    expect(rows.slice(1).map((r) => [r[2], r[4], r[5]])).toEqual([
      ['org.create', deptA.id, '生产技术部'],
      ['org.update', deptA.id, '生产技术部'],
    ]);
    expect(rows[1][0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const logged = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'audit.export').where('actor_id', '=', chairA.accountId).execute();
    expect(logged).toHaveLength(2);
    expect(JSON.parse(logged[0].changes!)).toMatchObject({ rows: 2, truncated: false });
  });

  it(`caps an export at ${EXPORT_CAP} rows and says so`, async () => {
    const org = await t.org('大量矿', 'mine');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const at = new Date().toISOString();
    for (let i = 0; i < EXPORT_CAP + 10; i += 2000) {
      const n = Math.min(2000, EXPORT_CAP + 10 - i);
      await t.db
        .insertInto('audit_events')
        .values(
          Array.from({ length: n }, () => ({
            id: newId(),
            at,
            actor_id: null,
            actor_name: null,
            action: 'bulk.probe',
            entity_type: 'bulk',
            entity_id: null,
            org_id: org.id,
            changes: null,
            ip: null,
            request_id: null,
          })),
        )
        .execute();
    }
    const raw = await t.app.inject({ method: 'GET', url: `/api/v1/audit/export.xlsx?entityType=bulk`, headers: { cookie: admin.cookie } });
    expect(raw.statusCode).toBe(200);
    // One header for every cut export (core sendXlsx): the file holds the first EXPORT_CAP rows.
    expect(raw.headers['x-truncated']).toBe('true');
    const { rows } = await readXlsx(raw.rawPayload);
    expect(rows.length - 1).toBe(EXPORT_CAP);
  }, 120_000);
});

describe('audit integrity', () => {
  it('keeps no audit row for a write whose transaction fails after the audit insert', async () => {
    const org = await t.org('回滚矿', 'mine');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.updateTable('orgs').set({ name: '改名失败' }).where('id', '=', org.id).execute();
        await recordAudit(tx, systemContext(), {
          action: 'org.update',
          entityType: 'org',
          entityId: org.id,
          orgId: org.id,
          changes: { name: [org.name, '改名失败'] },
        });
        // e.g. a later rule of the service rejects the change
        throw new Error('rule violated after audit');
      }),
    ).rejects.toThrow('rule violated after audit');
    expect(await count()).toBe(before);
    expect(await t.db.selectFrom('audit_events').select('id').where('entity_id', '=', org.id).execute()).toEqual([]);
    expect((await t.db.selectFrom('orgs').select('name').where('id', '=', org.id).executeTakeFirstOrThrow()).name).toBe('回滚矿');
  });

  it('keeps no audit row when a write fails in the database after the audit insert', async () => {
    const org = await t.org('约束矿', 'mine');
    await expect(
      t.db.transaction().execute(async (tx) => {
        await recordAudit(tx, systemContext(), { action: 'org.create', entityType: 'org', entityId: org.id, orgId: org.id });
        // The same primary key again: the database itself refuses, after the audit row went in.
        await tx
          .insertInto('orgs')
          .values({
            id: org.id,
            parent_id: null,
            path: org.path,
            depth: 0,
            kind: 'mine',
            name: '重复',
            code: null,
            sort_order: 0,
            created_at: 'x',
            updated_at: 'x',
          })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await t.db.selectFrom('audit_events').select('id').where('entity_id', '=', org.id).execute()).toEqual([]);
  });

  it('refuses UPDATE and DELETE of audit rows at the database level', async () => {
    const org = await t.org('防篡改矿', 'mine');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const created = await admin.post('/api/v1/orgs', { parentId: org.id, kind: 'department', name: '安全部' });
    const row = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.body.id).executeTakeFirstOrThrow();

    await expect(sql`update audit_events set action = 'tampered' where id = ${row.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${row.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('audit_events').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual(row);
  });
});
