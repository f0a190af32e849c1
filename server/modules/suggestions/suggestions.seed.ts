/**
 * The demo suggestion campaign: 2026年“我为企业发展献一策”, ~150 suggestions in every state, with
 * two evaluators' scores, decisions, decided items for the implemented ones, verified benefits
 * and paid rewards. Bulk inserts (the seed runs in several test worlds); the decided items go
 * through core's createDecidedItem so the supervision board sees them as it sees any other.
 * The demo `worker` has suggestions of their own; the demo `handler` has one to score. Deterministic.
 */
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { writeCallIn } from '../../core/call.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import { newId } from '../../core/ids.js';
import { DEFAULT_CRITERIA, IMPLEMENTED_STATUSES, type SuggestionStatus } from '../../../common/suggestions.js';
import { KIND } from './suggestions.service.js';
import { sdb, type SuggestionTable } from './suggestions.tables.js';

const PLAN: [SuggestionStatus, number][] = [
  ['submitted', 15],
  ['returned', 8],
  ['merged', 5],
  ['accepted', 10],
  ['evaluating', 12],
  ['evaluated', 10],
  ['archived', 15],
  ['adopted', 8],
  ['trial', 7],
  ['implementing', 20],
  ['assessed', 10],
  ['verified', 10],
  ['rewarded', 20],
];
const LATE: readonly SuggestionStatus[] = ['archived', 'adopted', 'trial', ...IMPLEMENTED_STATUSES];
const EVALUATED: readonly SuggestionStatus[] = ['evaluated', ...LATE];

const TOPICS: [string, string, string, string][] = [
  ['综采工作面液压支架快速移架', '移架时间长，影响割煤循环', '改进操作顺序并加装电液控制阀组', '每班多割一刀煤'],
  ['井下皮带机托辊更换工装', '人工更换托辊费时且有挤伤风险', '制作简易顶升更换工装', '减少停机时间，降低伤害'],
  ['班前会安全提示上墙', '班前会内容记不住', '把当班风险点做成看板', '减少违章'],
  ['废旧锚杆回收再利用', '回撤锚杆直接报废', '矫直检验后用于临时支护', '年节约材料费'],
  ['主通风机变频改造', '风机长期满负荷运行电耗高', '加装变频器按需调风', '年节电约 30 万度'],
  ['职工食堂错峰打饭', '交接班时排队时间长', '分窗口、错峰供餐并手机预订', '缩短排队时间'],
  ['矿灯充电架编号管理', '矿灯取错、漏充', '一人一号、充电状态指示', '减少矿灯故障'],
  ['洗煤厂循环水回用', '清水补给量大', '增加浓缩池回用管路', '年节水约 2 万吨'],
];

async function actorOf(db: Db, username: string) {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  return acc && { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
}

export async function seedSuggestionsDemo(db: Db, now: Date): Promise<void> {
  const s = sdb(db);
  if (await s.selectFrom('suggestion_campaigns').select('id').limit(1).executeTakeFirst()) return;
  const staff = await actorOf(db, 'staff');
  const chair = await actorOf(db, 'chair');
  const handler = await actorOf(db, 'handler');
  const rep = await actorOf(db, 'rep');
  const worker = await actorOf(db, 'worker');
  const group = staff?.grants[0];
  if (!staff || !chair || !handler || !rep || !group?.orgId || !group.orgPath) return;
  const workers = await db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.path'])
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('o.path', 'like', `${group.orgPath}%`)
    .orderBy('p.name')
    .limit(150)
    .execute();
  if (!workers.length) return;
  const me = worker?.personId
    ? await db
        .selectFrom('persons as p')
        .innerJoin('orgs as o', 'o.id', 'p.org_id')
        .select(['p.id', 'p.org_id', 'o.path'])
        .where('p.id', '=', worker.personId)
        .executeTakeFirst()
    : undefined;

  const today = shanghaiDate(now);
  const at = (date: string) => new Date(`${date}T10:00:00+08:00`).toISOString();
  const campaignId = newId();
  const iso = now.toISOString();
  await s
    .insertInto('suggestion_campaigns')
    .values({
      id: campaignId,
      org_id: group.orgId,
      org_path: group.orgPath,
      title: '2026年“我为企业发展献一策”合理化建议活动',
      starts_on: addDays(today, -160),
      ends_on: addDays(today, 40),
      criteria: JSON.stringify(DEFAULT_CRITERIA),
      created_by: staff.accountId,
      created_at: at(addDays(today, -160)),
      updated_at: iso,
    })
    .execute();

  const rows: SuggestionTable[] = [];
  const authors: { suggestion_id: string; person_id: string; lead: number }[] = [];
  const evaluations: {
    suggestion_id: string;
    account_id: string;
    scores: string | null;
    total: number | null;
    comment: string | null;
    assigned_at: string;
    scored_at: string | null;
  }[] = [];
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
  const toImplement: SuggestionTable[] = [];
  // The demo worker's own: one waiting, one returned, one being evaluated, one rewarded.
  const mine = new Set([0, 15, 38, 130]);
  let i = 0;
  let firstOpen: string | null = null;
  for (const [status, n] of PLAN) {
    for (let k = 0; k < n; k++, i++) {
      const lead = mine.has(i) && me ? me : workers[(i * 7) % workers.length];
      const [title, problem, proposal, benefit] = TOPICS[i % TOPICS.length];
      const late = LATE.includes(status);
      const submittedOn = addDays(today, -(late ? 60 + ((i * 13) % 95) : (i * 5) % 58));
      const decidedOn = late ? addDays(submittedOn, 20) : null;
      const id = newId();
      const benefitFen = ['assessed', 'verified', 'rewarded'].includes(status) ? (((i * 7919) % 500) + 20) * 10_000 : null;
      const verified = status === 'verified' || status === 'rewarded';
      const row: SuggestionTable = {
        id,
        code: `JY${submittedOn.replace(/-/g, '')}-${String(i + 1).padStart(5, '0')}`,
        campaign_id: campaignId,
        org_id: lead.org_id,
        org_path: lead.path,
        lead_person_id: lead.id,
        team_name: i % 6 === 0 ? '综采一队技术攻关小组' : null,
        title: `${title}（第${i + 1}条）`,
        problem,
        proposal,
        expected_benefit: benefit,
        status,
        submitted_at: at(submittedOn),
        submitted_on: submittedOn,
        return_reason: status === 'returned' ? '问题描述不够具体，请补充现场数据后再提交' : null,
        merged_into_id: null,
        decision: late ? (status === 'archived' ? 'archive' : status === 'trial' ? 'trial' : 'adopt') : null,
        decision_note: late ? (status === 'archived' ? '已有同类措施在实施，存档备查' : '评审通过，列入年度技改计划') : null,
        decided_on: decidedOn,
        decided_item_id: null,
        implemented_on: IMPLEMENTED_STATUSES.includes(status) ? addDays(submittedOn, 25) : null,
        benefit_kind: benefitFen === null ? null : i % 3 === 0 ? 'output' : 'savings',
        benefit_fen: benefitFen,
        benefit_note: benefitFen === null ? null : '按实施后三个月的实测数据折算',
        benefit_recorded_by: benefitFen === null ? null : staff.accountId,
        benefit_verified_by: verified ? chair.accountId : null,
        verified_on: verified ? addDays(submittedOn, 45) : null,
        reward_fen: status === 'rewarded' ? Math.max(20_000, Math.round((benefitFen ?? 0) / 20 / 10_000) * 10_000) : null,
        reward_paid_on: status === 'rewarded' ? addDays(submittedOn, 55) : null,
        created_at: at(submittedOn),
        updated_at: iso,
      };
      if (status === 'submitted' && !firstOpen) firstOpen = id;
      if (status === 'merged') row.merged_into_id = firstOpen;
      rows.push(row);
      authors.push({ suggestion_id: id, person_id: lead.id, lead: 1 });
      if (row.team_name) {
        const co = workers[(i * 7 + 1) % workers.length];
        if (co.id !== lead.id) authors.push({ suggestion_id: id, person_id: co.id, lead: 0 });
      }
      const ev = (event: string, from: string | null, to: string | null, actor: string | null, date: string) =>
        events.push({ id: newId(), kind: KIND, entity_id: id, event, from_status: from, to_status: to, actor_account_id: actor, data: null, at: at(date) });
      ev('submitted', null, 'submitted', null, submittedOn);
      if (status !== 'submitted')
        ev(
          status === 'returned' ? 'returned' : status === 'merged' ? 'merged' : 'accepted',
          'submitted',
          ['returned', 'merged'].includes(status) ? status : 'accepted',
          staff.accountId,
          addDays(submittedOn, 3),
        );
      if (status === 'evaluating' || EVALUATED.includes(status)) {
        const assigned = at(addDays(submittedOn, 5));
        const scored = EVALUATED.includes(status);
        for (const [j, acc] of [handler.accountId, rep.accountId].entries()) {
          // Being evaluated: the representative has scored, the handler has not yet.
          const done = scored || j === 1;
          const sc = { innovation: 15 + ((i + j) % 15), feasibility: 15 + ((i * 3 + j) % 15), benefit: 20 + ((i * 7 + j) % 20) };
          evaluations.push({
            suggestion_id: id,
            account_id: acc,
            scores: done ? JSON.stringify(sc) : null,
            total: done ? sc.innovation + sc.feasibility + sc.benefit : null,
            comment: done ? '思路清楚，可操作' : null,
            assigned_at: assigned,
            scored_at: done ? at(addDays(submittedOn, 12)) : null,
          });
        }
        ev('evaluatorsAssigned', 'accepted', 'evaluating', staff.accountId, addDays(submittedOn, 5));
        if (scored) ev('evaluated', 'evaluating', 'evaluated', handler.accountId, addDays(submittedOn, 12));
      }
      if (late) ev('decided', 'evaluated', status === 'archived' ? 'archived' : status === 'trial' ? 'trial' : 'adopted', chair.accountId, decidedOn!);
      if (IMPLEMENTED_STATUSES.includes(status)) toImplement.push(row);
      if (benefitFen !== null) ev('benefitRecorded', 'implementing', 'assessed', staff.accountId, addDays(submittedOn, 40));
      if (verified) ev('benefitVerified', 'assessed', 'verified', chair.accountId, row.verified_on!);
      if (status === 'rewarded') ev('rewarded', 'verified', 'rewarded', staff.accountId, row.reward_paid_on!);
    }
  }
  await db.transaction().execute(async (tx) => {
    const t = sdb(tx);
    for (let k = 0; k < rows.length; k += 50)
      await t
        .insertInto('suggestions')
        .values(rows.slice(k, k + 50))
        .execute();
    for (let k = 0; k < authors.length; k += 200)
      await t
        .insertInto('suggestion_authors')
        .values(authors.slice(k, k + 200))
        .execute();
    for (let k = 0; k < evaluations.length; k += 100)
      await t
        .insertInto('suggestion_evaluations')
        .values(evaluations.slice(k, k + 100))
        .execute();
    for (let k = 0; k < events.length; k += 100)
      await tx
        .insertInto('entity_events')
        .values(events.slice(k, k + 100))
        .execute();
    // The implemented ones become decided items owned by the demo handler, as the service does it.
    const call = writeCallIn(db, tx, staff, { actor: staff, ip: null, requestId: null, locale: 'zh-CN' }, now);
    for (const r of toImplement) {
      const item = await createDecidedItem(call, {
        source: { kind: KIND, id: r.id, label: `合理化建议 ${r.code}`, public: false },
        title: `落实建议：${r.title}`,
        orgId: r.org_id,
        ownerAccountId: handler.accountId,
        dueDate: addDays(r.implemented_on!, 60),
      });
      await t.updateTable('suggestions').set({ decided_item_id: item.id }).where('id', '=', r.id).execute();
    }
  });
}
