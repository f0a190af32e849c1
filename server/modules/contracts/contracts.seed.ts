/**
 * Demo contracts of the group: the previous collective contract (three years, ended, fully
 * inspected: two clauses not honoured, with appeals cited on them), the current one mid-term
 * (published through the service with its notice, about half of its checkpoints checked, its promise clauses decided items), a
 * yearly wage agreement in its first bargaining round, and a special contract for women workers
 * whose bargaining request waits for its reply. Bulk inserts, deterministic for a given `now`.
 */
import { CLAUSE_SOURCE_KIND, type ClauseCategory } from '../../../common/contracts.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { writeCallIn } from '../../core/call.js';
import { addDays, shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { systemContext } from '../../core/context.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { legalDeadline, REPLY_DAYS, termEnd } from './contracts.clocks.js';
import { readContractNotice } from './contracts.seed.readers.js';
import { publishWithNotice } from './contracts.service.js';
import { refreshLastStatus } from './contracts.monitor.js';
import { cq, type ContractCheckpointTable, type ContractClauseTable, type ContractTable } from './contracts.tables.js';
import { seedWageDemo } from './wages.seed.js';

type Dept = '生产部' | '机电部' | '通风部' | '运输部' | '安全部' | '调度室' | '后勤部';
/** [chapter, category, text, promise, owner department] — the current contract's text; the previous one differs in the figures. */
const CLAUSES: [string, ClauseCategory, string, boolean, Dept | null][] = [
  ['第一章 总则', 'other', '本合同依据《劳动法》《劳动合同法》《集体合同规定》订立，适用于集团及所属各矿全体职工。', false, null],
  ['第一章 总则', 'other', '企业尊重职工依法参加和组织工会的权利，支持工会依法开展工作。', false, null],
  ['第一章 总则', 'other', '双方在平等协商、协商一致的基础上订立本合同，各方均应全面履行。', false, null],
  ['第二章 劳动合同管理', 'other', '企业与职工订立书面劳动合同的比例保持100%，续订劳动合同提前30日通知职工。', true, '后勤部'],
  ['第二章 劳动合同管理', 'other', '解除劳动合同前，企业将理由事先通知工会并听取工会意见。', true, '后勤部'],
  ['第三章 劳动报酬', 'wages', '一线职工年平均工资增长不低于6%，增长幅度不低于管理人员平均增幅。', true, '生产部'],
  ['第三章 劳动报酬', 'wages', '工资于每月15日前以货币形式足额支付，不得克扣或无故拖欠。', true, '生产部'],
  ['第三章 劳动报酬', 'wages', '最低档岗位工资不低于当地最低工资标准的130%。', true, '生产部'],
  ['第三章 劳动报酬', 'wages', '延长工作时间的加班费按国家规定标准计发，逐月列入工资条。', true, '调度室'],
  ['第三章 劳动报酬', 'wages', '井下津贴、夜班津贴标准每年经工资集体协商确定。', true, '生产部'],
  ['第四章 工作时间', 'hours', '实行每日不超过8小时、每周不超过40小时的标准工时制度。', true, '调度室'],
  ['第四章 工作时间', 'hours', '因生产需要延长工作时间的，每月累计不超过36小时，并征得工会同意。', true, '调度室'],
  ['第四章 工作时间', 'hours', '井下作业实行四班三运转，交接班时间计入工作时间。', true, '调度室'],
  ['第五章 休息休假', 'rest', '职工依法享受法定节假日、年休假、婚丧假、探亲假。', true, '后勤部'],
  ['第五章 休息休假', 'rest', '年休假安排率不低于95%，未休的按规定支付报酬。', true, '后勤部'],
  ['第五章 休息休假', 'rest', '职工疗休养每年组织不少于两批，优先安排一线职工和劳动模范。', true, '后勤部'],
  ['第六章 劳动安全卫生', 'safety', '安全生产投入按规定足额提取，专款专用。', true, '安全部'],
  ['第六章 劳动安全卫生', 'safety', '每年组织一次职业健康体检，接触粉尘职工建立职业健康档案。', true, '安全部'],
  ['第六章 劳动安全卫生', 'safety', '劳动防护用品按标准及时足额发放，防尘口罩每班更换。', true, '安全部'],
  ['第六章 劳动安全卫生', 'safety', '井下作业场所粉尘浓度每月检测一次，结果向职工公开。', true, '通风部'],
  ['第六章 劳动安全卫生', 'safety', '工会劳动保护监督检查员有权参加事故调查，提出处理意见。', true, '安全部'],
  ['第六章 劳动安全卫生', 'safety', '发现危及生命安全的紧急情况，职工有权停止作业或撤离。', false, null],
  ['第七章 保险福利', 'insurance', '依法为全体职工足额缴纳五项社会保险和住房公积金。', true, '后勤部'],
  ['第七章 保险福利', 'insurance', '建立企业年金，企业缴费比例不低于工资总额的5%。', true, '后勤部'],
  ['第七章 保险福利', 'insurance', '职工食堂保证井下班中餐热食供应，夜班供餐至凌晨两点。', true, '后勤部'],
  ['第七章 保险福利', 'insurance', '困难职工帮扶资金每年不少于上年度的水平。', true, '后勤部'],
  ['第八章 职业技能培训', 'training', '职工教育经费按工资总额的2.5%提取，其中60%以上用于一线职工。', true, '机电部'],
  ['第八章 职业技能培训', 'training', '每年组织一线职工岗位技能培训不少于40学时。', true, '机电部'],
  ['第八章 职业技能培训', 'training', '取得高一级职业技能等级的职工，次月起享受相应技能津贴。', true, '机电部'],
  ['第九章 女职工特殊保护', 'womenProtection', '女职工每年进行一次妇科病、乳腺病筛查，费用由企业承担。', true, '后勤部'],
  ['第九章 女职工特殊保护', 'womenProtection', '女职工孕期、产期、哺乳期不安排夜班和禁忌劳动。', true, '后勤部'],
  ['第九章 女职工特殊保护', 'womenProtection', '在女职工较多的单位设立母婴室。', true, '后勤部'],
  ['第十章 劳务派遣工', 'dispatch', '劳务派遣工与本企业同类岗位职工同工同酬。', true, '生产部'],
  ['第十章 劳务派遣工', 'dispatch', '劳务派遣工用工比例不超过用工总量的10%。', true, '生产部'],
  ['第十章 劳务派遣工', 'dispatch', '劳务派遣工享受与本企业职工同等的劳动保护和培训。', true, '安全部'],
  ['第十一章 合同期限与续订', 'term', '本合同期限三年，自生效之日起计算。', false, null],
  ['第十一章 合同期限与续订', 'term', '合同期满前60日内，双方启动续订协商。', true, '调度室'],
  ['第十二章 监督检查', 'other', '双方每年联合开展一次履约检查，检查报告提交职工代表大会。', true, '调度室'],
  ['第十二章 监督检查', 'other', '因履行本合同发生争议，双方协商解决；协商不成的，依法申请劳动争议仲裁。', false, null],
  ['第十三章 附则', 'other', '本合同未尽事宜，按国家有关规定执行。', false, null],
];
/** The previous contract's figures, where they differed. */
const PREVIOUS: Record<number, string> = {
  6: '一线职工年平均工资增长不低于5%。',
  8: '最低档岗位工资不低于当地最低工资标准的120%。',
  24: '建立企业年金，企业缴费比例不低于工资总额的4%。',
  28: '每年组织一线职工岗位技能培训不少于32学时。',
};
/** The previous contract's two clauses found not honoured, and what the inspection found. */
const BROKEN: Record<number, string> = {
  9: '部分区队加班费未逐月列入工资条，二季度有两个月延后发放。',
  33: '综采三队劳务派遣工井下津贴低于同岗位合同制职工。',
};

const accountOf = async (db: Db, username: string) =>
  db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();

export async function seedContractsDemo(db: Db, now: Date): Promise<void> {
  const group = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'group').where('name', '=', '华能煤业集团').executeTakeFirst();
  const mine1 = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'mine').where('name', '=', '一号矿').executeTakeFirst();
  const staff = await accountOf(db, 'staff');
  const handler = await accountOf(db, 'handler');
  if (!group || !mine1 || !staff || !handler) return;
  const depts = new Map((await db.selectFrom('orgs').select(['id', 'name']).where('parent_id', '=', mine1.id).execute()).map((o) => [o.name, o.id]));
  const today = shanghaiDate(now);
  const cal = await workCalendar(db, group.path);
  const iso = now.toISOString();

  // The current contract took effect about eleven months ago; the previous one ended the day before.
  const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7) === '02' ? '-03' : today.slice(4, 7)}-01`;
  const prevStart = `${Number(start.slice(0, 4)) - 3}${start.slice(4)}`;
  const contract = (over: Partial<ContractTable> & Pick<ContractTable, 'id' | 'kind' | 'title' | 'status' | 'request_date'>): ContractTable => ({
    org_id: group.id,
    org_path: group.path,
    predecessor_id: null,
    requested_by: 'union',
    reply_due: legalDeadline(cal, over.request_date, REPLY_DAYS),
    replied_date: null,
    term_years: 3,
    current_version: 0,
    review_mode: null,
    congress_vote_id: null,
    vote_eligible: null,
    vote_for: null,
    vote_against: null,
    vote_abstain: null,
    signed_date: null,
    filing_due: null,
    received_date: null,
    objection_due: null,
    effective_date: null,
    published_date: null,
    starts_on: null,
    ends_on: null,
    created_at: iso,
    updated_at: iso,
    ...over,
  });
  // Both collective contracts took effect; their publication (with its 厂务公开 notice) goes through the service below.
  const done = (id: string, title: string, from: string, version: number, predecessor: string | null): ContractTable => {
    const request = addDays(from, -75);
    return contract({
      id,
      kind: 'collective',
      title,
      status: 'effective',
      request_date: request,
      replied_date: addDays(request, 6),
      predecessor_id: predecessor,
      current_version: version,
      review_mode: 'allWorkers',
      vote_eligible: 2000,
      vote_for: 1712,
      vote_against: 96,
      vote_abstain: 41,
      signed_date: addDays(from, -30),
      filing_due: addDays(from, -20),
      received_date: addDays(from, -26),
      objection_due: addDays(from, -11),
      effective_date: addDays(from, -10),
      starts_on: from,
      ends_on: termEnd(from, 3),
    });
  };
  const prev = done(newId(), `华能煤业集团集体合同（${prevStart.slice(0, 4)}—${Number(prevStart.slice(0, 4)) + 3}）`, prevStart, 1, null);
  const cur = done(newId(), `华能煤业集团集体合同（${start.slice(0, 4)}—${Number(start.slice(0, 4)) + 3}）`, start, 2, prev.id);
  const wageRequest = addDays(today, -24);
  const wage = contract({
    id: newId(),
    kind: 'wage',
    title: `${today.slice(0, 4)}年度工资专项集体合同`,
    status: 'negotiating',
    request_date: wageRequest,
    replied_date: addDays(wageRequest, 9),
    term_years: 1,
  });
  const women = contract({
    id: newId(),
    kind: 'special',
    title: '女职工权益保护专项集体合同',
    status: 'requested',
    request_date: addDays(today, -17),
    requested_by: 'union',
  });
  await cq(db).insertInto('contracts').values([prev, cur, wage, women]).execute();

  await cq(db)
    .insertInto('contract_negotiators')
    .values(
      [cur, wage].flatMap((c) => [
        { id: newId(), contract_id: c.id, side: 'union', name: '集团工会主席', account_id: null, chief: 1 },
        { id: newId(), contract_id: c.id, side: 'union', name: '一号矿分工会主席', account_id: null, chief: 0 },
        { id: newId(), contract_id: c.id, side: 'union', name: '综采一队职工代表', account_id: null, chief: 0 },
        { id: newId(), contract_id: c.id, side: 'employer', name: '集团总经理', account_id: null, chief: 1 },
        { id: newId(), contract_id: c.id, side: 'employer', name: '人力资源部部长', account_id: null, chief: 0 },
        { id: newId(), contract_id: c.id, side: 'employer', name: '财务部部长', account_id: null, chief: 0 },
      ]),
    );
  const round = newId();
  await cq(db)
    .insertInto('contract_rounds')
    .values({
      id: round,
      contract_id: wage.id,
      seq: 1,
      held_date: addDays(today, -6),
      minutes: '首轮工资集体协商：双方交换了近十年分用工身份的人均工资数据，就增幅和津贴尚未达成一致。',
      created_at: iso,
    })
    .execute();
  await cq(db)
    .insertInto('contract_positions')
    .values([
      {
        round_id: round,
        seq: 1,
        topic: '职工平均工资增幅',
        category: 'wages',
        union_position: '增长8%，一线职工不低于9%',
        employer_position: '增长4%',
        agreed: 0,
      },
      { round_id: round, seq: 2, topic: '井下津贴', category: 'wages', union_position: '每工提高10元', employer_position: '每工提高5元', agreed: 0 },
      {
        round_id: round,
        seq: 3,
        topic: '劳务派遣工工资',
        category: 'dispatch',
        union_position: '与同岗位合同制职工同工同酬',
        employer_position: '同意',
        agreed: 1,
      },
    ])
    .execute();
  await seedWageDemo(db, {
    orgId: group.id,
    orgPath: group.path,
    contractId: wage.id,
    roundId: round,
    lastYear: Number(today.slice(0, 4)) - 1,
    staffId: staff.id,
    iso,
  });

  await cq(db)
    .insertInto('contract_versions')
    .values([
      { contract_id: prev.id, version: 1, note: '签字版本', created_by: staff.id, created_at: iso },
      { contract_id: cur.id, version: 1, note: '初稿（沿用上期合同）', created_by: staff.id, created_at: iso },
      { contract_id: cur.id, version: 2, note: '签字版本', created_by: staff.id, created_at: iso },
    ])
    .execute();
  const rows = (contractId: string, version: number, text: (n: number, t: string) => string): ContractClauseTable[] =>
    CLAUSES.map(([chapter, category, t, promise, dept], i) => ({
      id: newId(),
      contract_id: contractId,
      version,
      chapter,
      number: i + 1,
      category,
      text: text(i + 1, t),
      promise: promise ? 1 : 0,
      owner_org_id: dept ? (depts.get(dept) ?? null) : null,
      decided_item_id: null,
    }));
  const old = (n: number, t: string) => PREVIOUS[n] ?? t;
  const prevClauses = rows(prev.id, 1, old);
  const curClauses = rows(cur.id, 2, (_n, t) => t);
  await cq(db)
    .insertInto('contract_clauses')
    .values([...prevClauses, ...rows(cur.id, 1, old), ...curClauses])
    .execute();

  // The previous contract, fully inspected at the end of its last year.
  const checkpoint = (c: ContractTable, clause: ContractClauseTable, due: string, status: string, finding: string | null): ContractCheckpointTable => ({
    id: newId(),
    clause_id: clause.id,
    contract_id: c.id,
    due_date: due,
    method: '年度履约检查：查阅台账、抽查班组、听取职工意见',
    evidence_required: '相关台账、名单或票据',
    status,
    finding,
    checked_date: status === 'notDue' ? null : due,
    checked_by: status === 'notDue' ? null : staff.id,
    created_at: iso,
    updated_at: iso,
  });
  const prevCheck = addDays(prev.ends_on!, -30);
  const checkpoints = prevClauses
    .filter((c) => c.promise)
    .map((c) => checkpoint(prev, c, prevCheck, BROKEN[c.number] ? 'notHonoured' : 'honoured', BROKEN[c.number] ?? null));
  // The current one: this year's first half checked (one partly), the rest due at the year's inspection.
  const midCheck = addDays(start, 180);
  const yearCheck = addDays(start, 364);
  curClauses
    .filter((c) => c.promise)
    .forEach((c, i) => {
      if (i % 2 === 0 && midCheck <= today)
        checkpoints.push(
          checkpoint(cur, c, midCheck, c.number === 20 ? 'partly' : 'honoured', c.number === 20 ? '二号矿部分工作面粉尘检测结果未按月公开。' : null),
        );
      checkpoints.push(checkpoint(cur, c, yearCheck, 'notDue', null));
    });
  await cq(db).insertInto('contract_checkpoints').values(checkpoints).execute();
  await refreshLastStatus(db, [...new Set(checkpoints.filter((cp) => cp.status !== 'notDue').map((cp) => cp.clause_id))]);

  // Wage and dispatch appeals of the group cited on the two clauses the inspection found broken.
  const appeals = await cq(db)
    .selectFrom('appeals as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.submitted_date'])
    .where('a.category', '=', 'wages')
    .where('o.path', 'like', `${group.path}%`)
    .orderBy('a.submitted_date', 'desc')
    .orderBy('a.id')
    .limit(6)
    .execute();
  const cited = [prevClauses[8], prevClauses[32]];
  if (appeals.length) {
    await cq(db)
      .insertInto('contract_clause_citations')
      .values(
        appeals.map((a, i) => ({
          clause_id: cited[i % 2].id,
          appeal_id: a.id,
          contract_id: prev.id,
          appeal_date: a.submitted_date,
          cited_by: staff.id,
          cited_at: iso,
        })),
      )
      .execute();
  }

  const actor = {
    accountId: staff.id,
    displayName: staff.display_name,
    personId: staff.person_id,
    grants: await loadGrants(db, staff.id),
    via: 'session' as const,
  };
  // Published to all workers eight days after taking effect, on that day's clock: the notice, its chain entry and the
  // contract's event are what a publication from the contract page writes.
  const published: { id: string; publishedAt: Date }[] = [];
  for (const c of [prev, cur]) {
    const day = new Date(`${addDays(c.starts_on!, -8)}T09:00:00+08:00`);
    const { noticeId } = await db.transaction().execute((tx) => publishWithNotice(writeCallIn(db, tx, actor, { ...systemContext(), actor }, day), c.id));
    published.push({ id: noticeId, publishedAt: day });
  }
  // Both notices were read, the previous one in its day as the current one now: each has its read receipts.
  const readers = await db.selectFrom('accounts').select('person_id').where('username', 'in', ['worker', 'worker2']).execute();
  for (const notice of published)
    await readContractNotice(
      db,
      notice,
      readers.flatMap((r) => (r.person_id ? [r.person_id] : [])),
    );

  // The current contract's promise clauses are decided items, owned in the production department by its handler.
  await db.transaction().execute(async (tx) => {
    const call = writeCallIn(db, tx, actor, { ...systemContext(), actor }, now);
    for (const c of curClauses.filter((x) => x.promise && x.owner_org_id)) {
      const item = await createDecidedItem(call, {
        source: { kind: CLAUSE_SOURCE_KIND, id: c.id, label: `${cur.title} 第${c.number}条`, public: true },
        title: `第${c.number}条 ${c.text.slice(0, 60)}`,
        orgId: c.owner_org_id!,
        ownerAccountId: c.owner_org_id === depts.get('生产部') ? handler.id : staff.id,
        dueDate: cur.ends_on!,
      });
      await cq(tx).updateTable('contract_clauses').set({ decided_item_id: item.id }).where('id', '=', c.id).execute();
    }
  });
}
