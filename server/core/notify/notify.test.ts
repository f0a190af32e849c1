import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { notify } from './notify.js';

const t = useTestApp();

async function send(accountIds: string[], title: string, extra: Partial<Parameters<typeof notify>[1]> = {}) {
  await t.db
    .transaction()
    .execute((tx) => notify(tx, { accountIds, kind: 'appeal.assigned', title, body: `${title}：请及时办理`, link: '/appeals/x', ...extra }));
}

describe('in-app notifications', () => {
  it('lists only the caller’s own notices, newest first, with the unread count', async () => {
    const me = await t.user([]);
    const other = await t.user([]);
    await send([me.accountId, other.accountId], '诉求已交办');
    await send([me.accountId], '诉求即将超期');
    await send([other.accountId], '别人的通知');

    const res = await me.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    expect(res.body.items.map((n: any) => n.title)).toEqual(['诉求即将超期', '诉求已交办']);
    expect(res.body).toMatchObject({ unreadCount: 2, total: 2, page: 1, pageSize: 20 });
    expect(res.body.items[0]).toMatchObject({ kind: 'appeal.assigned', body: '诉求即将超期：请及时办理', link: '/appeals/x', readAt: null });
    expect((await t.client().get('/api/v1/notifications')).status).toBe(401);
  });

  it('marks one read, filters unread, pages, and refuses someone else’s notice with 404', async () => {
    const me = await t.user([]);
    const other = await t.user([]);
    for (let i = 1; i <= 5; i++) await send([me.accountId], `通知${i}`);
    await send([other.accountId], '他人通知');
    const mine = (await me.get('/api/v1/notifications?pageSize=10')).body.items;
    const theirs = (await other.get('/api/v1/notifications')).body.items;

    expect((await me.post(`/api/v1/notifications/${mine[0].id}/read`)).status).toBe(204);
    // Reading twice is harmless and keeps the first read time.
    const firstRead = (await me.get('/api/v1/notifications')).body.items[0].readAt;
    expect(firstRead).not.toBeNull();
    expect((await me.post(`/api/v1/notifications/${mine[0].id}/read`)).status).toBe(204);
    expect((await me.get('/api/v1/notifications')).body.items[0].readAt).toBe(firstRead);

    const denied = await me.post(`/api/v1/notifications/${theirs[0].id}/read`);
    expect(denied.status).toBe(404);
    expect(denied.body.detail).toBe('未找到该记录，或您无权查看');
    expect((await other.get('/api/v1/notifications')).body.items[0].readAt).toBeNull();

    const unread = await me.get('/api/v1/notifications?unreadOnly=1&page=2&pageSize=3');
    expect(unread.body).toMatchObject({ unreadCount: 4, total: 4, page: 2, pageSize: 3 });
    expect(unread.body.items.map((n: any) => n.title)).toEqual(['通知1']);
  });

  it('marks all of the caller’s notices read and nobody else’s', async () => {
    const me = await t.user([]);
    const other = await t.user([]);
    await send([me.accountId, other.accountId], '职代会通知');
    await send([me.accountId], '提案已立案');
    const res = await me.post('/api/v1/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect((await me.get('/api/v1/notifications')).body.unreadCount).toBe(0);
    expect((await other.get('/api/v1/notifications')).body.unreadCount).toBe(1);
  });

  it('creates no notice when the transaction that reports the change rolls back', async () => {
    const me = await t.user([]);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await notify(tx, { accountIds: [me.accountId], kind: 'x', title: '不该出现', body: '回滚' });
        throw new Error('service failed');
      }),
    ).rejects.toThrow('service failed');
    expect((await me.get('/api/v1/notifications')).body.total).toBe(0);
  });
});
