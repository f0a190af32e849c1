import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createDecidedItem, decidedItemsOf } from './index.js';
import { asAccount } from './decidedItems.testkit.js';

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
      createDecidedItem(call, { source: source('src-1'), title: '井下澡堂热水全天供应', orgId: w.mine.id, ownerAccountId: w.owner.accountId, coOwnerAccountIds: [w.coOwner.accountId, w.owner.accountId], dueDate: '2026-12-31' }),
    );
    const items = await decidedItemsOf(t.db, { kind: 'meetings.decision', id: 'src-1' });
    expect(items).toMatchObject([{ id, title: '井下澡堂热水全天供应', status: 'planned', progress: 0, dueDate: '2026-12-31', ownerAccountId: w.owner.accountId, coOwnerAccountIds: [w.coOwner.accountId], source: { label: '12月联席会 · 议题一', public: true } }]);
    expect(await decidedItemsOf(t.db, { kind: 'congress.proposal', id: 'src-1' })).toEqual([]);
  });

  it('refuses what it cannot refer to, naming the field', async () => {
    const base = { source: source('src-2'), title: '事项', orgId: w.mine.id, ownerAccountId: w.owner.accountId, dueDate: '2026-12-31' };
    const fault = (over: Record<string, unknown>) => asAccount(t.db, w.chair.accountId, (call) => createDecidedItem(call, { ...base, ...over })).then(() => null, (e) => e.fields?.[0]?.field);
    expect(await fault({ orgId: 'nope' })).toBe('orgId');
    expect(await fault({ ownerAccountId: 'nope' })).toBe('ownerAccountId');
    expect(await fault({ coOwnerAccountIds: ['nope'] })).toBe('coOwnerAccountIds');
    expect(await fault({ dueDate: '2026-02-30' })).toBe('dueDate');
    expect(await fault({ title: '  ' })).toBe('title');
    expect(await fault({ parentId: 'nope' })).toBe('parentId');
    expect(await decidedItemsOf(t.db, { kind: 'meetings.decision', id: 'src-2' })).toEqual([]);
  });
});
