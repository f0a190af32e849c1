import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { writeCallIn, type WriteCall } from '../call.js';
import { systemContext } from '../context.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Actor } from '../rbac/actor.js';
import { SIGNED_IN } from '../http/access.js';
import { writeCall } from '../http/call.js';
import { eventsOf, recordEvent, transition } from './index.js';

// A stand-in entity table with the columns a transition needs, made by the test itself.
const TABLE = 'kit_probe_items';
const KIND = 'kitProbe.item';

const t = useTestApp({
  routes: (app) => {
    const db = app.deps.database.db;
    app.post('/api/v1/kit-probe/items', { config: SIGNED_IN, schema: { body: z.object({ title: z.string() }) } }, (req, reply) =>
      writeCall(db, req, reply, 201, async (call) => {
        const id = newId();
        await (call.tx as unknown as Kysely<any>).insertInto(TABLE).values({ id, title: req.body.title, status: 'open', updated_at: call.iso }).execute();
        await recordEvent(call, { kind: KIND, id, event: 'created', to: 'open' });
        return { id, at: call.iso };
      }),
    );
    app.post('/api/v1/kit-probe/items/:id/close', { config: SIGNED_IN, schema: { params: z.object({ id: z.string() }) } }, (req, reply) =>
      writeCall(db, req, reply, 200, async (call) => {
        await close(req.params.id)(call);
        return { ok: true };
      }),
    );
  },
});
const any = () => t.db as unknown as Kysely<any>;

beforeAll(async () => {
  await any()
    .schema.createTable(TABLE)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
});

async function actor(): Promise<Actor & { client: Awaited<ReturnType<typeof t.user>> }> {
  const client = await t.user([]);
  return { accountId: client.accountId, displayName: client.username, personId: null, grants: [], via: 'session', client };
}
async function item(status = 'open') {
  const id = newId();
  await any().insertInto(TABLE).values({ id, title: '议题', status, note: null, updated_at: '2026-01-01T00:00:00.000Z' }).execute();
  return id;
}
const row = (id: string) => any().selectFrom(TABLE).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inTx = <T>(who: Actor, work: (call: WriteCall) => Promise<T>) =>
  t.db.transaction().execute((tx) => work(writeCallIn(t.db, tx, who, { ...systemContext(), actor: who })));
const close =
  (id: string, extra: Partial<Parameters<typeof transition>[1]> = {}) =>
  (call: WriteCall) =>
    transition(call, { kind: KIND, table: TABLE, id, from: ['open'], to: 'closed', event: 'closed', patch: { note: '已办结' }, ...extra });

describe('transition', () => {
  it('moves the row, stamps it with the call’s clock and writes its event, audit row and notice in one go', async () => {
    const who = await actor();
    const id = await item();
    const iso = await inTx(who, async (call) => {
      await close(id, {
        data: { reason: '已答复' },
        audit: { action: 'kitProbe.close', entityType: 'kitProbe.item', entityId: id },
        notify: { accountIds: [who.accountId], kind: 'kitProbe.closed', title: '议题已办结', body: '请查看' },
      })(call);
      return call.iso;
    });
    expect(await row(id)).toMatchObject({ status: 'closed', note: '已办结', updated_at: iso });
    expect(await eventsOf(t.db, KIND, id)).toMatchObject([
      { event: 'closed', from: 'open', to: 'closed', actorName: who.displayName, data: { reason: '已答复' }, at: iso },
    ]);
    expect(await t.db.selectFrom('audit_events').select(['actor_id', 'action']).where('entity_id', '=', id).execute()).toEqual([
      { actor_id: who.accountId, action: 'kitProbe.close' },
    ]);
    expect((await who.client.get('/api/v1/notifications')).body.items.map((n: any) => n.title)).toEqual(['议题已办结']);
  });

  it('refuses a row in a status it does not start from with a 409 problem naming status, and changes nothing', async () => {
    const who = await actor();
    const id = await item('draft');
    const err = await inTx(who, close(id)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    const res = await who.client.post(`/api/v1/kit-probe/items/${id}/close`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'conflict',
      detail: '数据已被修改或已存在，请刷新后重试',
      errors: [{ field: 'status', message: '状态（status）已变化，当前状态不允许此操作，请刷新后重试' }],
    });
    expect(await row(id)).toMatchObject({ status: 'draft', note: null, updated_at: '2026-01-01T00:00:00.000Z' });
    expect(await eventsOf(t.db, KIND, id)).toEqual([]);
  });

  it('lets exactly one of two racing transitions win', async () => {
    const [a, b] = [await actor(), await actor()];
    const id = await item();
    const results = await Promise.allSettled([inTx(a, close(id, { data: { by: 'a' } })), inTx(b, close(id, { data: { by: 'b' } }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409 });
    const events = await eventsOf(t.db, KIND, id);
    expect(events).toHaveLength(1);
    expect(events[0].actorAccountId).toBe(results[0].status === 'fulfilled' ? a.accountId : b.accountId);
  });
});

describe('eventsOf', () => {
  it('lists an entity’s timeline oldest first with actor names, and no actor for an anonymous act', async () => {
    const [author, staff] = [await actor(), await actor()];
    const id = await item('draft');
    await inTx(author, (call) => recordEvent(call, { kind: KIND, id, event: 'submitted', to: 'draft', anonymous: true }));
    await inTx(staff, (call) => transition(call, { kind: KIND, table: TABLE, id, from: ['draft'], to: 'open', event: 'accepted' }));
    await inTx(staff, close(id));
    const events = await eventsOf(t.db, KIND, id);
    expect(events.map((e) => [e.event, e.from, e.to, e.actorName])).toEqual([
      ['submitted', null, 'draft', null],
      ['accepted', 'draft', 'open', staff.displayName],
      ['closed', 'open', 'closed', staff.displayName],
    ]);
    expect(events[0].actorAccountId).toBeNull();
    expect(await eventsOf(t.db, 'kitProbe.other', id)).toEqual([]);
  });
});

describe('writeCall', () => {
  it('replays an Idempotency-Key with the first answer and no second row', async () => {
    const who = await actor();
    const headers = { 'idempotency-key': `probe-${newId()}` };
    const first = await who.client.post('/api/v1/kit-probe/items', { title: '重试一次' }, headers);
    const again = await who.client.post('/api/v1/kit-probe/items', { title: '重试一次' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await any().selectFrom(TABLE).select('id').where('title', '=', '重试一次').execute()).toEqual([{ id: first.body.id }]);
    expect(await eventsOf(t.db, KIND, first.body.id)).toMatchObject([{ event: 'created', actorName: who.displayName, at: first.body.at }]);
    expect((await t.client().post('/api/v1/kit-probe/items', { title: '未登录' })).status).toBe(401);
  });
});
