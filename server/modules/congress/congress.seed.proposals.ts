/**
 * Demo proposals of 第五届第三次: 40 submissions by the representatives, in every state —
 * still collecting seconds, adopted, converted to opinions, merged, not accepted, being
 * handled, answered, closed with ratings and A/B/C grades — each with its timeline, and a
 * decided item for every assigned one that follows the proposal (the answer closes it). The
 * `rep` account's own proposal sits with mine 1's 生产部, where the `handler` account answers it.
 */
import type { Tx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { addDays } from '../../core/calendar/calendar.js';
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import type { ProposalStatus } from '../../../common/congress.js';
import { reportProgress } from '../../core/decidedItems/decidedItems.service.js';
import { answerClosesItem, decideProposal } from './congress.decided.js';
import { cdb, type CongressProposalTable } from './congress.tables.js';

const MATTERS: [string, string, string][] = [
  ['井下更衣室冬季供暖', '更衣室冬季温度低，职工升井换衣易受凉。', '加装暖气片并安排专人检修。'],
  ['夜班职工班中餐质量', '夜班班中餐菜品单一，送到井下已经变凉。', '增加保温餐箱，每周调整菜谱。'],
  ['劳务派遣职工同工同酬', '派遣职工与合同制职工同岗不同酬。', '按岗位核定工资，逐步缩小差距。'],
  ['职工子女暑期托管', '双职工家庭暑期子女无人照看。', '利用职工之家开设暑期托管班。'],
  ['矿区通勤班车增加班次', '早班班车过早、晚班无车。', '增开一趟早班车和一趟夜班车。'],
  ['单身宿舍热水供应', '单身宿舍热水只在晚上供应两小时。', '延长供应时间或改为全天供应。'],
  ['一线职工疗休养名额', '一线职工疗休养名额偏少。', '疗休养名额向井下一线倾斜。'],
  ['安全培训学时计入工时', '班后安全培训占用休息时间。', '培训学时计入工作时间。'],
  ['职工体检增加项目', '体检项目少，尘肺筛查不足。', '增加高千伏胸片和肺功能检查。'],
  ['井口候车室改造', '井口候车室狭小，冬季寒冷。', '扩建候车室并增加座椅和取暖设备。'],
  ['困难职工帮扶标准', '帮扶标准多年未调整。', '按物价水平调整帮扶标准。'],
  ['女职工休息室', '机关和区队没有女职工休息室。', '各区队设置女职工休息室。'],
  ['劳保用品发放周期', '防护手套、口罩发放周期长。', '按实际消耗缩短发放周期。'],
  ['职工食堂延长开放时间', '中班下班后食堂已关门。', '食堂延长至晚上十点。'],
  ['技能等级晋升通道', '技能等级评定名额少、周期长。', '每年组织两次技能等级评定。'],
  ['退休职工走访慰问', '部分退休职工多年无人走访。', '建立退休职工走访台账，每年至少走访一次。'],
  ['矿区道路照明', '矿区部分道路夜间无照明。', '增设路灯并定期检修。'],
  ['职工书屋更新图书', '职工书屋图书陈旧。', '每年更新图书并增加电子阅读。'],
  ['加班费核算公开', '加班费核算不透明。', '每月公示加班时长和加班费。'],
  ['高温季节防暑降温', '地面作业高温季节防暑物资不足。', '增加防暑降温饮品和药品。'],
  ['井下通讯信号覆盖', '部分巷道无通讯信号。', '增设井下基站。'],
  ['职工文体活动场地', '职工缺少文体活动场地。', '改造闲置库房为职工活动中心。'],
  ['外包队伍安全管理', '外包队伍安全培训不到位。', '外包人员与正式职工同标准培训。'],
  ['工装更换周期', '工装磨损快，更换周期长。', '一线工装一年两套。'],
  ['职工心理疏导', '一线职工工作压力大。', '设立心理咨询室，定期开展心理疏导。'],
];
// 40 submissions: 25 proposals (adopted ones in every later state), the rest opinions, merges and refusals.
const PLAN: ProposalStatus[] = [
  ...Array<ProposalStatus>(5).fill('collecting'),
  ...Array<ProposalStatus>(3).fill('adopted'),
  ...Array<ProposalStatus>(6).fill('assigned'),
  ...Array<ProposalStatus>(5).fill('answered'),
  ...Array<ProposalStatus>(6).fill('closed'),
  ...Array<ProposalStatus>(6).fill('opinion'),
  ...Array<ProposalStatus>(6).fill('merged'),
  ...Array<ProposalStatus>(3).fill('rejected'),
];
const ANSWERS = ['已列入本季度计划，正在组织实施。', '经研究同意，已安排专项资金落实。', '已与相关部门会商，下月起执行。'];
// The six still being handled, in the order they appear: two assigned at the session and now past their answer date (one
// with a progress report), two adopted in the recess and assigned 12 days ago (under way), two assigned 4 days ago (not started).
const HANDLING: { assignedOn: number; progressOn: number | null }[] = [
  { assignedOn: 2, progressOn: null },
  { assignedOn: 2, progressOn: 12 },
  { assignedOn: 28, progressOn: 33 },
  { assignedOn: 28, progressOn: 34 },
  { assignedOn: 36, progressOn: null },
  { assignedOn: 36, progressOn: null },
];
const GRADE_OF = ['A', 'A', 'B', 'A', 'C', 'B'];
const RATING_OF = ['satisfied', 'satisfied', 'basic', 'satisfied', 'unsatisfied', 'basic'];

export async function seedProposals(
  tx: Tx,
  now: Date,
  s: { id: string; name: string; startsOn: string },
  reps: { id: string; account_id: string | null }[],
  departmentId: string,
  handlerAccountId: string,
  chairAccountId: string,
) {
  const c = cdb(tx);
  const iso = (days: number, hour = 9) => `${addDays(s.startsOn, days)}T0${hour}:00:00.000Z`;
  const events: {
    id: string;
    kind: string;
    entity_id: string;
    event: string;
    from_status: string | null;
    to_status: string | null;
    actor_account_id: string | null;
    data: string | null;
    at: string;
  }[] = [];
  const ev = (id: string, event: string, from: string | null, to: string | null, actor: string | null, at: string, data?: Record<string, unknown>) =>
    events.push({
      id: newId(),
      kind: 'congress.proposal',
      entity_id: id,
      event,
      from_status: from,
      to_status: to,
      actor_account_id: actor,
      data: data ? JSON.stringify(data) : null,
      at,
    });
  const chairGrants = await loadGrants(tx, chairAccountId);
  const call = writeCallIn(
    tx,
    tx,
    { accountId: chairAccountId, displayName: '工会主席', personId: null, grants: chairGrants, via: 'session' },
    systemContext(),
    now,
  );
  const handlerCall = async (at: string) =>
    writeCallIn(
      tx,
      tx,
      { accountId: handlerAccountId, displayName: '承办人', personId: null, grants: await loadGrants(tx, handlerAccountId), via: 'session' },
      systemContext(),
      new Date(at),
    );
  const repOwn = reps.findIndex((r) => r.account_id !== null);
  const rows: CongressProposalTable[] = [];
  let number = 0;
  const adoptedIds: string[] = [];
  for (let i = 0; i < PLAN.length; i++) {
    const status = PLAN[i];
    // The demo representative raised the first proposal being handled.
    const proposer = status === 'assigned' && !rows.some((r) => r.status === 'assigned') && repOwn >= 0 ? reps[repOwn] : reps[(i * 7) % reps.length];
    const [title, reasons, solution] = MATTERS[i % MATTERS.length];
    const id = newId();
    const adopted = ['adopted', 'assigned', 'answered', 'closed'].includes(status);
    const assigned = ['assigned', 'answered', 'closed'].includes(status);
    const handling = status === 'assigned' ? HANDLING[rows.filter((r) => r.status === 'assigned').length] : undefined;
    const due = assigned ? addDays(s.startsOn, (handling?.assignedOn ?? 2) + 19) : null;
    const k = i % 6;
    const row: CongressProposalTable = {
      id,
      session_id: s.id,
      proposer_id: proposer.id,
      title: status === 'merged' ? `${MATTERS[i % 6][0]}（同类）` : title,
      reasons,
      solution,
      status,
      number: adopted ? ++number : null,
      screening_reason:
        status === 'collecting'
          ? null
          : status === 'rejected'
            ? '不属于职代会提案范围，已转有关部门了解'
            : status === 'opinion'
              ? '属日常管理事项，转意见建议办理'
              : status === 'merged'
                ? '与同类提案合并办理'
                : '符合立案条件，事关职工切身利益',
      merged_into_id: status === 'merged' ? (adoptedIds[i % Math.max(1, adoptedIds.length)] ?? null) : null,
      department_id: assigned ? departmentId : null,
      co_department_ids: '[]',
      answer_due_date: due,
      answer: ['answered', 'closed'].includes(status) ? ANSWERS[i % ANSWERS.length] : null,
      answered_at: ['answered', 'closed'].includes(status) ? iso(10 + k) : null,
      rating: status === 'closed' ? RATING_OF[k] : null,
      reopened: 0,
      grade: status === 'closed' ? GRADE_OF[k] : null,
      grade_reason: status === 'closed' ? '根据办理结果和提案人评价评定' : null,
      decided_item_id: null,
      published_at: null,
      submitted_at: iso(-3, 8),
      created_at: iso(-3, 8),
      updated_at: iso(2),
    };
    if (adopted) adoptedIds.push(id);
    rows.push(row);
  }
  await c.insertInto('congress_proposals').values(rows).execute();
  const seconds: { proposal_id: string; representative_id: string; at: string }[] = [];
  rows.forEach((r, i) => {
    const n = r.status === 'collecting' ? i % 3 : 2 + (i % 3);
    const others = reps.filter((x) => x.id !== r.proposer_id);
    for (let j = 0; j < n; j++) seconds.push({ proposal_id: r.id, representative_id: others[(i * 3 + j * 5) % others.length].id, at: iso(-2, 8) });
  });
  await c.insertInto('congress_seconds').values(seconds).execute();
  for (const r of rows) {
    const who = reps.find((x) => x.id === r.proposer_id)?.account_id ?? null;
    ev(r.id, 'raised', null, 'collecting', who, r.submitted_at);
    if (r.status === 'collecting') continue;
    const screened = r.status === 'merged' || r.status === 'opinion' || r.status === 'rejected' ? r.status : 'adopted';
    ev(
      r.id,
      screened === 'adopted' ? 'adopted' : screened === 'merged' ? 'merged' : screened === 'opinion' ? 'convertedToOpinion' : 'rejected',
      'collecting',
      screened,
      chairAccountId,
      iso(1),
      { reason: r.screening_reason },
    );
    if (!r.department_id) continue;
    const handling = r.status === 'assigned' ? HANDLING[rows.filter((x) => x.status === 'assigned').indexOf(r)] : undefined;
    const assignedAt = iso(handling?.assignedOn ?? 2);
    ev(r.id, 'assigned', 'adopted', 'assigned', chairAccountId, assignedAt, { departmentId, answerDueDate: r.answer_due_date });
    const item = await decideProposal(
      { ...call, now: new Date(assignedAt), iso: assignedAt },
      {
        id: r.id,
        number: r.number,
        title: r.title,
        sessionName: s.name,
        departmentId,
        ownerAccountId: handlerAccountId,
        dueDate: r.answer_due_date!,
      },
    );
    await c.updateTable('congress_proposals').set({ decided_item_id: item.id }).where('id', '=', r.id).execute();
    if (handling?.progressOn) {
      await reportProgress(await handlerCall(iso(handling.progressOn)), item.id, { progress: 40, note: '已现场查看，正在编制实施方案' });
    }
    if (!r.answered_at) continue;
    ev(r.id, 'answered', 'assigned', 'answered', handlerAccountId, r.answered_at);
    await answerClosesItem(await handlerCall(r.answered_at), r.id, r.answer!);
    if (r.status === 'closed') {
      ev(r.id, 'rated', 'answered', 'closed', who, addDays(r.answered_at.slice(0, 10), 1) + 'T02:00:00.000Z', { rating: r.rating });
      ev(r.id, 'graded', 'closed', 'closed', chairAccountId, addDays(r.answered_at.slice(0, 10), 2) + 'T02:00:00.000Z', { grade: r.grade });
    }
  }
  await tx.insertInto('entity_events').values(events).execute();
}
