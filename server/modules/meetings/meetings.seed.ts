/**
 * Demo meetings: a year of monthly union meetings of the group and quarterly joint meetings
 * of 一号矿 with its administration, each held, minuted, approved and published, with
 * decisions owned by the demo handlers and staff in every state — done on time, done late,
 * in progress, overdue, dropped, planned. Written through the services, so every record has
 * its timeline. Deterministic for a given `now`.
 */
import type { WriteCall } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { systemContext } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import * as decided from '../../core/decidedItems/decidedItems.service.js';
import { sweepDecidedItems } from '../../core/decidedItems/decidedItems.jobs.js';
import { decidedItemsOf } from '../../core/decidedItems/index.js';
import { MEETING_DECISION_KIND } from '../../../common/meetings.js';
import * as service from './meetings.service.js';
import { mq } from './meetings.tables.js';

const REGULAR_TOPICS: [string, string][] = [
  ['职工食堂夜班供餐', '夜班职工用餐时间延长到凌晨两点'],
  ['井下澡堂热水供应', '澡堂热水改为全天供应'],
  ['困难职工春节慰问', '春节前完成困难职工走访慰问'],
  ['劳动竞赛表彰', '拟定本季度劳动竞赛表彰名单'],
  ['女职工专项体检', '组织女职工两癌筛查'],
  ['职工书屋建设', '一号矿职工书屋增购图书五百册'],
  ['夏季防暑降温', '防暑降温物资发放到班组'],
  ['农民工工资支付检查', '检查劳务派遣工工资按月足额支付'],
  ['班组长培训', '举办班组长民主管理培训班'],
  ['职工代表提案督办', '梳理上次职代会提案办理情况'],
  ['安全生产合理化建议', '收集评审安全生产合理化建议'],
  ['年终工作总结', '起草年度工会工作总结'],
];
const JOINT_TOPICS: [string, string][] = [
  ['工资集体协商准备', '提供近三年分工种人均收入数据'],
  ['井口候车室改造', '井口候车室加装暖气和座椅'],
  ['倒班宿舍维修', '倒班宿舍更换门窗、修缮卫生间'],
  ['劳动防护用品更新', '按新标准更换防尘口罩'],
];

async function callAs(db: Db, username: string, at: Date, work: (call: WriteCall) => Promise<void>) {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!acc) return;
  const actor = { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
  await db.transaction().execute((tx) => work({ db, tx, actor, ctx: { ...systemContext(), actor }, now: at, iso: at.toISOString() }));
}

const accountId = async (db: Db, username: string) => (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst())?.id;
const orgNamed = async (db: Db, kind: string, name?: string) => {
  let q = db.selectFrom('orgs').select('id').where('kind', '=', kind);
  if (name) q = q.where('name', '=', name);
  return (await q.orderBy('path').executeTakeFirst())?.id;
};
const noon = (date: string) => new Date(`${date}T04:00:00Z`);
const monthDay = (today: string, monthsBack: number, day: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return `${d.toISOString().slice(0, 7)}-${String(day).padStart(2, '0')}`;
};

export async function seedMeetingsDemo(db: Db, now: Date): Promise<void> {
  const group = await orgNamed(db, 'group');
  const mine1 = await orgNamed(db, 'mine', '一号矿');
  const [chair, staff, handler, handler2, rep] = await Promise.all(['chair', 'staff', 'handler', 'handler2', 'rep'].map((u) => accountId(db, u)));
  if (!group || !mine1 || !chair || !staff || !handler || !handler2) return;
  const today = shanghaiDate(now);
  const owners = [handler, handler2, staff];

  let regular = '';
  let joint = '';
  await callAs(db, 'chair', noon(monthDay(today, 12, 1)), async (call) => {
    regular = (await service.createSeries(call, { orgId: group, kind: 'regular', name: '集团工会工作例会' })).id;
    joint = (await service.createSeries(call, { orgId: mine1, kind: 'joint', name: '一号矿工会与行政联席会' })).id;
  });

  const plan: { series: string; date: string; title: string; topic: [string, string]; n: number }[] = [];
  for (let back = 11; back >= 0; back--) {
    const month = Number(monthDay(today, back, 1).slice(5, 7));
    plan.push({
      series: regular,
      date: monthDay(today, back, 10),
      title: `${month}月工会工作例会`,
      topic: REGULAR_TOPICS[(12 - back + month) % 12],
      n: 11 - back,
    });
    if (back % 3 === 1)
      plan.push({
        series: joint,
        date: monthDay(today, back, 20),
        title: `${month}月工会与行政联席会`,
        topic: JOINT_TOPICS[Math.floor(back / 3) % 4],
        n: 11 - back,
      });
  }
  plan.sort((a, b) => a.date.localeCompare(b.date));

  for (const p of plan) {
    let meeting = '';
    await callAs(db, 'staff', noon(addDays(p.date, -7)), async (call) => {
      meeting = (
        await service.createMeeting(call, {
          seriesId: p.series,
          title: p.title,
          plannedDate: p.date,
          location: p.series === joint ? '一号矿行政楼三楼会议室' : '集团工会会议室',
          agenda: [{ title: p.topic[0], presenterAccountId: staff }, { title: '其他事项' }],
          attendeeAccountIds: [chair, staff, handler, ...(p.series === joint ? [handler2] : []), ...(rep ? [rep] : [])],
        })
      ).id;
    });
    if (p.date > today) continue;
    const held = noon(p.date);
    const decisions: string[] = [];
    await callAs(db, 'staff', held, async (call) => {
      await service.markHeld(call, meeting, p.date);
      await service.recordAttendance(call, meeting, { accountId: handler, present: true });
      if (rep)
        await service.recordAttendance(
          call,
          meeting,
          p.n % 4 === 0 ? { accountId: rep, present: false, absenceReason: '井下当班' } : { accountId: rep, present: true },
        );
      const items = await mq(call.tx).selectFrom('meeting_agenda_items').select(['id', 'carry_over']).where('meeting_id', '=', meeting).execute();
      const topicItem = items.find((i) => i.carry_over === 0)!;
      await service.draftMinutes(call, meeting, {
        minutes: `会议由工会主席主持，研究了${p.topic[0]}等事项，形成决定如下。`,
        items: [{ agendaItemId: topicItem.id, minutes: `议定：${p.topic[1]}。` }],
      });
      for (let k = 0; k < 2; k++) {
        decisions.push(
          (
            await service.recordDecision(call, meeting, {
              agendaItemId: topicItem.id,
              title: k === 0 ? p.topic[1] : `${p.topic[0]}情况向职工公开`,
              ownerAccountId: owners[(p.n + k) % owners.length],
              coOwnerAccountIds: k === 0 ? [staff] : [],
              dueDate: addDays(p.date, 30 + 10 * k),
              public: k === 1 || p.series === joint,
            })
          ).id,
        );
      }
    });
    await callAs(db, 'chair', noon(addDays(p.date, 2)), (call) => service.approve(call, meeting).then(() => undefined));
    await callAs(db, 'staff', noon(addDays(p.date, 3)), (call) => service.publish(call, meeting, p.series === joint ? mine1 : group).then(() => undefined));

    // The fate of each decision, by the meeting's age: old ones mostly closed, recent ones under way.
    const age = Math.round((Date.parse(today) - Date.parse(p.date)) / 86_400_000);
    const recorded = await decidedItemsOf(db, { kind: MEETING_DECISION_KIND, id: meeting });
    for (const [k, id] of decisions.entries()) {
      const item = recorded.find((r) => r.id === id)!;
      const owner = item.ownerAccountId === handler ? 'handler' : item.ownerAccountId === handler2 ? 'handler2' : 'staff';
      const fate = (p.n * 2 + k) % 7;
      if (age < 10 && fate < 5) continue; // planned: nobody has started yet
      const firstReport = addDays(p.date, 7);
      if (firstReport > today) continue;
      await callAs(db, owner, noon(firstReport), (call) =>
        decided.reportProgress(call, id, { progress: 30, note: '已召集相关部门研究落实方案' }).then(() => undefined),
      );
      if (fate === 6 && age > 20) {
        await callAs(db, 'chair', noon(addDays(p.date, 12)), (call) => decided.drop(call, id, '与集团年度计划重复，并入统一实施'));
        continue;
      }
      const second = addDays(p.date, 20);
      if (second > today) continue;
      await callAs(db, owner, noon(second), (call) =>
        decided.reportProgress(call, id, { progress: 70, note: '主体工作已完成，正在验收' }).then(() => undefined),
      );
      // Fates 4 and 5 stay open past their due date and turn overdue in the sweep below.
      if (fate >= 4) continue;
      const doneOn = fate === 3 ? addDays(item.dueDate, 6) : addDays(item.dueDate, -3);
      if (doneOn > today) continue;
      if (doneOn > item.dueDate) await sweepDecidedItems(db, noon(addDays(item.dueDate, 1)));
      await callAs(db, owner, noon(doneOn), (call) => decided.done(call, id));
    }
  }
  await sweepDecidedItems(db, now);
}
