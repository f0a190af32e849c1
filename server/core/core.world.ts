/**
 * Core's records in the test worlds (test/authz/part.ts): one file for all of core's areas, because
 * core has no module folders to put them in and each area brings only a record or two — a webhook,
 * a calendar override, a people import, a bystander account with its grant and bystander people
 * (what the routes that change, move or unlink people act on), and each caller's own API token and
 * notification. Built after appeals': the fuzzer's notification is one the appeal intake sent, as
 * it was when these records were built centrally.
 */
import type { Role } from '../../common/roles.js';
import type { Client } from '../../test/app.js';
import { multipart as form, ok, type HostilePart, type WorldPart } from '../../test/authz/part.js';
import { NOWHERE_ID } from '../../test/hostile/strings.js';
import { newId, nowIso } from './ids.js';
import { multipart, rosterXlsx } from './people/people.fixtures.js';

export const after = ['appeals'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A people import of the empty template, previewed and left open. */
async function importBatch(c: Client, orgId: string): Promise<string> {
  const template = await c.get('/api/v1/imports/template.xlsx');
  if (template.status !== 200) throw new Error(`core world: template → ${template.status}`);
  const { body, contentType } = form('file', 'roster.xlsx', XLSX, template.raw, { orgId });
  return (await ok(c.request('POST', '/api/v1/imports/people', body, { 'content-type': contentType }), 'import')).id as string;
}

async function notification(db: any, accountId: string, title: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('notifications')
    .values({ id, account_id: accountId, kind: 'test', title, body: title, link: null, created_at: nowIso(), read_at: null })
    .execute();
  return id;
}

export const world: WorldPart = {
  ids: {
    accounts: 'account',
    tokens: 'token',
    notifications: 'notification',
    webhooks: 'webhook',
    overrides: 'calendarOverride',
    imports: 'import',
  },
  params: { grantId: 'grant' },
  async build(ctx) {
    const a = ctx.side === 'own';
    const { admin } = ctx;
    const chair = ctx.clients.unionChair!;
    const webhook = await ok(
      chair.post('/api/v1/webhooks', { orgId: ctx.orgs.group, flavor: 'wecom', url: `http://127.0.0.1:9/hook-${a ? 'a' : 'b'}` }),
      'webhook',
    );
    const override = await ok(
      chair.post('/api/v1/calendar/overrides', {
        date: a ? '2027-01-04' : '2027-01-05',
        working: false,
        note: `${ctx.label}调休`,
        orgId: ctx.orgs.group,
      }),
      'override',
    );
    // Each import is its maker's own: the matrix probes a caller's own batch on 'own'.
    let ownImport: string;
    if (a) {
      const makers: [Role, string][] = [
        ['unionStaff', ctx.orgs.group],
        ['academicOffice', ctx.orgs.school],
        ['sysAdmin', ctx.orgs.group],
      ];
      const ids = [];
      for (const [role, orgId] of makers) {
        ids.push(await importBatch(ctx.clients[role]!, orgId));
        ctx.owns(role, 'import', ids[ids.length - 1]);
      }
      ownImport = ids[0]; // the union staff's: what a caller without an import of its own is shown
    } else ownImport = await importBatch(ctx.clients.unionStaff!, ctx.orgs.group);
    const bystander = await ok(
      admin.post('/api/v1/accounts', {
        username: a ? 'bystander.a' : 'bystander.b',
        displayName: `${ctx.label}旁观者`,
        password: a ? 'Bystander-1a' : 'Bystander-1b',
        grants: [{ role: 'worker', orgId: ctx.orgs.mine }],
      }),
      'bystander',
    );
    const label = a ? '' : ctx.label;
    const person = async (orgId: string, kind: string, name: string) =>
      (
        await ok(
          admin.post('/api/v1/people', { orgId, kind, name: `${label}${name}`, ...(kind === 'worker' ? { employmentCategory: 'contract' } : {}) }),
          `bystander ${name}`,
        )
      ).id as string;
    const records: Record<string, string> = {
      webhook: webhook.id,
      calendarOverride: override.id,
      import: ownImport,
      account: bystander.id,
      grant: bystander.grants?.[0]?.id,
      bystanderWorker: await person(ctx.orgs.team, 'worker', '旁观职工'),
      bystanderStudent: await person(ctx.orgs.class, 'student', '旁观学生'),
      bystanderGuardian: await person(ctx.orgs.class, 'guardian', '旁观家长'),
      bystanderTeacher: await person(ctx.orgs.school, 'teacher', '旁观老师'),
    };
    // Every caller's own token and notification in A; in B, the worker's: what A's callers must not reach.
    if (a) {
      for (const [role, c] of Object.entries(ctx.clients) as [Role, Client][]) {
        ctx.owns(role, 'token', (await ok(c.post('/api/v1/auth/tokens', { name: `${role} 的令牌` }), 'token')).id);
        ctx.owns(role, 'notification', await notification(ctx.t.db, ctx.accounts[role]!.id, `${role} 的通知`));
      }
    } else {
      records.token = (await ok(ctx.clients.worker!.post('/api/v1/auth/tokens', { name: `${ctx.label}令牌` }), 'token B')).id;
      records.notification = await notification(ctx.t.db, ctx.accounts.worker!.id, `${ctx.label}通知`);
    }
    return records;
  },
};

export const hostile: HostilePart = {
  async build({ t, admin, u }) {
    const spareOrg = await t.org('备用班组', 'team', u.prod1);
    const sparePerson = await t.person(u.team1, { name: '备用人员' });
    const victim = await t.user([{ role: 'worker', org: u.team2 }]);
    const roster = multipart(
      { orgId: u.team1.id },
      { name: '花名册.xlsx', content: await rosterXlsx([['李四', 'E9001', '职工', '合同制', '采煤工', '是', null, null, '男', '']]) },
    );
    await ok(admin.request('POST', '/api/v1/imports/people', roster.body, roster.headers), 'import preview');
    await ok(admin.post('/api/v1/auth/tokens', { name: '模糊测试令牌' }), 'token');
    await ok(admin.post('/api/v1/calendar/overrides', { date: '2026-12-05', working: true, note: '调休上班', orgId: u.group.id }), 'calendar override');
    await ok(admin.post('/api/v1/webhooks', { orgId: u.group.id, flavor: 'wecom', url: 'http://127.0.0.1:9/hook', enabled: true }), 'webhook');
    const one = async (table: string, where?: [string, string]) => {
      let q = (t.db as any).selectFrom(table).select('id');
      if (where) q = q.where(where[0], '=', where[1]);
      const row = await q.orderBy('id').executeTakeFirst();
      return (row?.id as string | undefined) ?? NOWHERE_ID;
    };
    return {
      ids: {
        tokens: await one('api_tokens'),
        orgs: spareOrg.id,
        overrides: await one('calendar_overrides'),
        notifications: await one('notifications'),
        webhooks: await one('webhooks'),
        accounts: victim.accountId,
        people: sparePerson.id,
        imports: await one('import_batches'),
      },
      params: { grantId: await one('role_grants', ['account_id', victim.accountId]) },
      named: { personId: sparePerson.id },
    };
  },
};
