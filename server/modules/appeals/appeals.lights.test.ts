/**
 * The yellow/red light is the union's deadline alarm. The worker who raised the appeal sees
 * its status and dates, never the alarm; staff see it on the same appeal, in lists and detail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

describe('lights on an appeal', () => {
  it('shows an overdue appeal red to staff and to the handler, and without a light to its author', async () => {
    const worker = await w.worker();
    const created = await worker.post('/api/v1/appeals', wageAppeal({ title: '井下更衣室没有热水' }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    await w.staff.post(`/api/v1/appeals/${id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${id}/assign`, { departmentId: w.prod1.id });
    await t.db
      .updateTable('appeals' as any)
      .set({ current_due: '2020-01-06', due_date: '2020-01-06' })
      .where('id', '=', id)
      .execute();

    const staffDetail = (await w.staff.get(`/api/v1/appeals/${id}`)).body;
    expect(staffDetail.light).toBe('red');
    const staffList = (await w.staff.get('/api/v1/appeals?light=red')).body.items.find((a: any) => a.id === id);
    expect(staffList.light).toBe('red');
    expect((await w.handler.get(`/api/v1/appeals/${id}`)).body.light).toBe('red');

    const own = (await worker.get(`/api/v1/appeals/${id}`)).body;
    expect(own.light).toBeNull();
    // The author still sees where the appeal stands and until when it is due.
    expect(own).toMatchObject({ status: 'assigned', deadline: '2020-01-06' });
    const mine = (await worker.get('/api/v1/appeals/mine')).body.items.find((a: any) => a.id === id);
    expect(mine.light).toBeNull();
  });
});
