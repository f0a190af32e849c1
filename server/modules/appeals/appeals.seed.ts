/**
 * Demo appeals: about a year of them for the demo organisation, in every state, pushed
 * through the real service (so deadlines, timelines, audit and group alerts are what the
 * product would have produced), plus one group of similar overtime-pay appeals in 一号矿
 * from six different workers that raises a group alert.
 *
 * Finds its people by querying: accounts by demo username when the core demo made them,
 * otherwise by role through role_grants; workers are persons of kind 'worker'.
 */
import type { Db } from '../../core/db/database.js';
import type { CallContext } from '../../core/context.js';
import type { Actor } from '../../core/rbac/actor.js';
import { markReadExcept } from '../../core/notify/notify.repository.js';
import { adb } from './appeals.tables.js';
import { workCalendar, shanghaiDate } from '../../core/calendar/calendar.js';
import type { AppealCategory } from '../../../common/appeals.js';
import { demoAccount, demoActor, grantsOfRole, orgsOfKind, workersUnder } from '../../core/demo.js';
import { orgBrief } from '../../core/org/lookups.js';
import { accountOfPerson } from '../../core/people/lookups.js';
import { findRaw } from './appeals.detail.js';
import * as service from './appeals.service.js';
import { sweepDeadlines } from './appeals.jobs.js';
import { Rng } from '../../core/random.js';

type Text = readonly [title: string, description: string];

const TEXTS: Record<AppealCategory, readonly Text[]> = {
  wages: [
    ['工资发放日期不固定', '每个月发工资的日子都不一样，有时拖到十五号以后，家里还房贷很紧张，希望固定发薪日。'],
    ['计件单价调整没有公示', '掘进队这个季度的计件单价变了，事先没有公示，也没有和班组商量。'],
    ['技能等级提高后工资没变', '去年考取了高级工证书，按规定技能工资应该上调，到现在还是原来的标准。'],
    ['病假工资扣得太多', '因为腰伤休了半个月病假，工资被扣了一大半，想了解病假工资是怎么计算的。'],
    ['夜班津贴标准咨询', '刚调到倒班岗位，想问一下夜班津贴按什么标准发，是按班次还是按小时。'],
    ['年终奖分配方案不透明', '去年的年终奖各队差别很大，分配方案没有公布，职工不清楚依据。'],
  ],
  benefits: [
    ['职工食堂菜品单一', '井口食堂的班中餐天天都是那几样，希望增加一些面食和蔬菜。'],
    ['劳保手套发放不够用', '综采队的劳保手套每月只发两副，井下磨损快，根本不够用。'],
    ['希望增加疗休养名额', '一线职工常年井下作业，希望疗休养名额多向一线倾斜。'],
    ['职工浴室热水不稳定', '下夜班后浴室经常没有热水，冬天洗凉水很容易感冒。'],
    ['生日慰问卡没有收到', '这个月过生日，工会的生日慰问卡到现在还没有收到。'],
    ['通勤班车时间调整', '早班的通勤车发车太早，住得远的职工赶不上，能否推迟十分钟。'],
  ],
  housing: [
    ['单身宿舍墙面发霉', '单身宿舍二楼墙面返潮发霉，屋里味道很大，请后勤尽快处理。'],
    ['宿舍暖气不热', '入冬以后宿舍暖气一直不热，晚上屋里只有十来度。'],
    ['周转房申请条件', '新分配来的大学生想申请周转房，需要满足什么条件，找谁办理。'],
    ['家属区路灯损坏', '家属区北门到三号楼的路灯坏了好几盏，晚上下班回家很不安全。'],
    ['宿舍分配不公开', '新宿舍楼的分配名单没有公示，有的人刚来就住进去了。'],
  ],
  medical: [
    ['医药费报销周期太长', '去年十月交的住院报销材料，到现在还没有报下来。'],
    ['职业健康体检安排', '今年的职业健康体检什么时候安排，接尘岗位的职工比较担心。'],
    ['矿医院常用药缺货', '矿医院的降压药经常缺货，只能去外面药店自费买。'],
    ['工伤认定进展', '三个月前在井下扭伤了脚，工伤认定材料交上去后一直没有消息。'],
    ['大病救助政策咨询', '家属查出重病，想了解工会有没有大病救助，怎么申请。'],
  ],
  childrenEmployment: [
    ['职工子女招聘政策', '孩子今年大专毕业，想了解集团今年有没有面向职工子女的招聘。'],
    ['子女实习岗位', '孩子读的是机电专业，想在矿上机电部门安排一段实习。'],
    ['子女就业技能培训', '工会能不能组织职工子女参加就业技能培训。'],
  ],
  antiCorruption: [
    ['班组长收受好处', '反映有班组长在排班时收受职工的烟酒，排轻松岗位看关系。'],
    ['物资采购价格偏高', '矿上采购的劳保鞋价格比市场高出不少，怀疑采购环节有问题。'],
    ['公车私用', '多次看到有干部用公车办私事，周末也开回家。'],
  ],
  fairness: [
    ['评先评优名单没有公示', '今年的先进个人名单没有公示就报上去了，职工不了解评选过程。'],
    ['岗位竞聘成绩不公布', '机电队岗位竞聘的考试成绩没有公布，落选的人不知道差在哪里。'],
    ['培训机会分配不均', '外出培训的机会总是那几个人，其他职工没有机会学习提高。'],
    ['调岗程序不规范', '我被从地面岗位调到井下，事先没有谈话，也没有书面通知。'],
  ],
  other: [
    ['井下通讯信号差', '运输巷的通讯信号很差，遇到情况联系不上调度。'],
    ['建议组织文体活动', '建议工会组织篮球赛和拔河比赛，丰富职工业余生活。'],
    ['考勤机识别困难', '刷脸考勤机对刚升井的职工识别不了，经常被记成迟到。'],
    ['电动车充电桩不够', '矿门口电动车充电桩太少，下班时排队充电要等很久。'],
  ],
};

/** Six workers of one mine, six ways of saying "our overtime pay is months late". */
const GROUP: readonly Text[] = [
  ['综采队加班费三个月没发', '从七月起综采队的加班费就没有发过，每个月都加班几十个小时。'],
  ['加班工资被拖欠', '我们队的加班工资已经拖欠好几个月了，问队里说还没批下来。'],
  ['加班费什么时候发', '下半年的加班费一直没到账，家里等着用钱，希望工会帮忙问问。'],
  ['请求补发加班费', '节假日和延时加班的加班费至今没有发放，请督促矿上尽快补发。'],
  ['加班的钱一直没给', '夏天连续加班，加班的钱到现在都没给，工友们意见很大。'],
  ['加班报酬长期拖着不发', '综采二队的加班报酬拖着不发已经一个季度了，请给个说法。'],
];

const ANSWERS: Record<AppealCategory, string> = {
  wages: '经与劳动工资科核实，已按公司薪酬制度核对您反映的情况，相关款项将随下月工资发放，并在工资条中单独列明。',
  benefits: '已与后勤和相关部门沟通，将按职工福利管理办法调整，并在职工之家公示改进安排。',
  housing: '后勤服务中心已现场查看，维修计划已排定，预计两周内完成，完工后请您确认。',
  medical: '已督促医疗保障部门加快办理，您的材料已进入审核，结果将电话告知。',
  childrenEmployment: '今年职工子女招聘按集团人力资源部公告执行，报名时间和条件将在厂务公开栏公布。',
  antiCorruption: '您反映的问题已转纪检部门核查，核查结果将按规定反馈。感谢您对廉洁建设的监督。',
  fairness: '已要求相关单位公开评选（竞聘）的依据和结果，并在公示期内接受职工监督。',
  other: '您的建议已转交相关部门研究，采纳情况将在例会后答复。',
};

const STAGES = ['accepted', 'assigned', 'handling', 'answered'] as const;
type Stage = (typeof STAGES)[number];

const CATEGORY_WEIGHTS: [AppealCategory, number][] = [
  ['wages', 28],
  ['benefits', 20],
  ['housing', 12],
  ['medical', 12],
  ['childrenEmployment', 5],
  ['antiCorruption', 5],
  ['fairness', 10],
  ['other', 8],
];

/** A Shanghai wall-clock time on a date. */
const at = (date: string, hour: number, minute = 0) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

const actorOf = demoActor;
const accountFor = demoAccount;

const anyAppeal = async (db: Db) => !!(await adb(db).selectFrom('appeals').select('id').limit(1).executeTakeFirst());

/** Marks the appeal notices read except those about appeals still open and group alerts: the demo inbox starts with what is open. */
async function markHistoryRead(db: Db, at: string) {
  const open = await adb(db).selectFrom('appeals').select('id').where('status', 'in', ['submitted', 'accepted', 'assigned', 'handling']).execute();
  await markReadExcept(
    db,
    'appeal.%',
    ['appeal.groupAlert'],
    open.map((a) => `/appeals/${a.id}`),
    at,
  );
}

export async function seedDemo(db: Db, now: Date): Promise<void> {
  if (await anyAppeal(db)) return;
  const staffId = await accountFor(db, 'staff', 'unionStaff');
  if (!staffId) return;
  const staff = await actorOf(db, staffId);
  const ctx: CallContext = { actor: staff, ip: null, requestId: 'seed', locale: 'zh-CN' };
  const rng = new Rng(20261125);

  const units = [];
  for (const mine of await orgsOfKind(db, 'mine')) {
    const workers = await workersUnder(db, mine.path, 400);
    const departments = await orgsOfKind(db, 'department', mine.path);
    if (workers.length >= 8 && departments.length) units.push({ mine, workers, departments });
  }
  if (!units.length) return;

  // Handlers act on what is assigned to their department; without a demo handler there, staff answer.
  const handlerGrants = await grantsOfRole(db, 'handler');
  const handlerActors = new Map<string, Actor>();
  for (const g of handlerGrants) if (!handlerActors.has(g.path)) handlerActors.set(g.path, await actorOf(db, g.account_id));
  const handlerFor = (deptPath: string) => [...handlerActors.entries()].find(([p]) => deptPath.startsWith(p))?.[1] ?? staff;

  const workerIds = [await accountFor(db, 'worker', 'worker'), await accountFor(db, 'worker2', 'worker')].filter((x): x is string => !!x);
  const demoWorkers = await Promise.all([...new Set(workerIds)].map((id) => actorOf(db, id)));

  const cal = await workCalendar(db, null);
  const before = (d: Date) => d.getTime() < now.getTime() - 60_000;
  const dayOf = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);

  interface Plan {
    date: string;
    hour: number;
    unit: (typeof units)[number];
    category: AppealCategory;
    text: Text;
    anonymous: boolean;
    personId: string;
    worker: Actor | null;
  }
  const plans: Plan[] = [];
  for (let i = 0; i < 260; i++) {
    const unit = rng.pick(units);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    let offset = rng.int(1, 364);
    while (!cal.isWorkingDay(dayOf(offset))) offset++;
    const date = dayOf(offset);
    const worker = demoWorkers.length && rng.chance(0.06) ? rng.pick(demoWorkers) : null;
    plans.push({
      date,
      hour: rng.int(8, 17),
      unit,
      category,
      text: rng.pick(TEXTS[category]),
      anonymous: rng.chance(0.12),
      personId: rng.pick(unit.workers),
      worker,
    });
  }
  // The group: six workers of the first mine within the last fortnight.
  const first = units[0];
  const groupWorkers = [...first.workers].sort(() => rng.next() - 0.5).slice(0, GROUP.length);
  GROUP.forEach((text, i) => {
    let offset = 14 - i * 2;
    while (!cal.isWorkingDay(dayOf(offset))) offset++;
    plans.push({ date: dayOf(offset), hour: 9 + i, unit: first, category: 'wages', text, anonymous: i === 2, personId: groupWorkers[i], worker: null });
  });
  plans.sort((a, b) => a.date.localeCompare(b.date) || a.hour - b.hour);

  for (const [i, plan] of plans.entries()) {
    const submittedAt = at(plan.date, plan.hour, rng.int(0, 59));
    if (!before(submittedAt)) continue;
    const body = {
      category: plan.category,
      nature: /咨询|想了解|想问|什么条件|怎么申请/.test(plan.text[1]) ? ('consultation' as const) : ('request' as const),
      title: plan.text[0],
      description: plan.text[1],
      anonymous: plan.anonymous,
      attachmentIds: [],
      ...(plan.worker ? {} : { onBehalfOf: { personId: plan.personId, channel: rng.pick(['visit', 'phone', 'letter'] as const) } }),
    };
    const author = plan.worker ?? staff;
    const id = await db.transaction().execute((tx) => service.createInTx(tx, plan.worker ? { ...ctx, actor: author } : ctx, author, body, submittedAt));
    // The newest few wait in the staff inbox; the dozen before them are caught mid-way, one stage each.
    const fromEnd = plans.length - i;
    if (fromEnd > 4) await lifecycle(id, plan, submittedAt, fromEnd <= 16 ? STAGES[fromEnd % STAGES.length] : undefined);
  }

  async function lifecycle(id: string, plan: Plan, submittedAt: Date, stopAt?: Stage) {
    const age = stopAt ? 30 : (now.getTime() - submittedAt.getTime()) / 86_400_000;
    // Most appeals are accepted within a working day; a few wait longer.
    const acceptDay = cal.addWorkingDays(
      plan.date,
      rng.weighted([
        [0, 4],
        [1, 5],
        [2, 1],
      ] as const),
    );
    const acceptedAt = at(acceptDay, acceptDay === plan.date ? Math.min(plan.hour + 2, 18) : rng.int(8, 11), rng.int(0, 59));
    if (age < 1 || !before(acceptedAt) || (age < 3 && rng.chance(0.5))) return;
    if (!stopAt && rng.chance(0.05)) {
      await service.decline(
        db,
        ctx,
        staff,
        id,
        { reason: 'outOfScope', explanation: '该事项属于个人劳动合同纠纷，请向劳动争议调解委员会申请调解，工会可提供法律咨询。' },
        acceptedAt,
      );
      return;
    }
    await service.accept(
      db,
      ctx,
      staff,
      id,
      {
        urgency: rng.weighted([
          ['general', 8],
          ['urgent', 1],
          ['special', 1],
        ] as const),
      },
      acceptedAt,
    );
    if (stopAt === 'accepted') return;
    const consult = (await findRaw(db, id))!.nature === 'consultation';
    if (!stopAt && consult && rng.chance(0.7)) {
      // Staff answer consultations themselves.
      const answeredAt = at(cal.addWorkingDays(acceptDay, rng.int(0, 2)), rng.int(9, 17));
      if (!before(answeredAt)) return;
      await service.answer(db, ctx, staff, id, { answer: ANSWERS[plan.category] }, answeredAt);
      return rateIt(id, plan, answeredAt);
    }
    const dept = rng.chance(0.6) ? plan.unit.departments[0] : rng.pick(plan.unit.departments);
    const assignedAt = new Date(acceptedAt.getTime() + rng.int(10, 120) * 60_000);
    if (!before(assignedAt)) return;
    await service.assign(db, ctx, staff, id, { departmentId: dept.id }, assignedAt);
    if (stopAt === 'assigned') return;
    const handler = handlerFor(dept.path);
    const hctx = { ...ctx, actor: handler };
    const due = (await findRaw(db, id))!.due_date!;
    // One in eight misses its deadline; some are still open.
    const late = rng.chance(0.12);
    const answerDay = late
      ? cal.addWorkingDays(due, rng.int(1, 3))
      : cal.addWorkingDays(acceptDay, rng.int(1, Math.max(1, cal.workingDaysBetween(acceptDay, due))));
    const noteAt = at(cal.addWorkingDays(acceptDay, 1), rng.int(9, 16));
    if (before(noteAt) && (rng.chance(0.6) || stopAt === 'handling'))
      await service.addNote(db, hctx, handler, id, { note: '已与相关科室核实情况，正在协调解决。' }, noteAt);
    if (stopAt === 'handling') return;
    // Caught mid-way on purpose: answered now-ish, whatever the plan said.
    const answeredAt = stopAt === 'answered' ? new Date(now.getTime() - 3_600_000) : at(answerDay, rng.int(9, 17), rng.int(0, 59));
    if (!before(answeredAt) || (age < 10 && rng.chance(0.4))) return;
    await service.answer(db, hctx, handler, id, { answer: ANSWERS[plan.category] }, answeredAt);
    if (stopAt === 'answered') return;
    await rateIt(id, plan, answeredAt);
  }

  async function rateIt(id: string, plan: Plan, answeredAt: Date) {
    const ratedAt = at(cal.addWorkingDays(shanghaiDate(answeredAt), rng.int(1, 4)), rng.int(12, 20));
    if (!before(ratedAt)) return;
    // Workers with an account rate online; the others give their rating on staff's follow-up call.
    const author = plan.worker ?? (await authorActor(plan.personId)) ?? staff;
    if (rng.chance(0.2)) {
      // Workers who never rate: staff close the appeal after a while.
      const closeAt = new Date(ratedAt.getTime() + 5 * 86_400_000);
      if (before(closeAt)) await service.close(db, ctx, staff, id, { note: '职工未评价，按期结案。' }, closeAt);
      return;
    }
    const rating = rng.weighted([
      ['satisfied', 55],
      ['basicallySatisfied', 30],
      ['unsatisfied', 15],
    ] as const);
    const reopen = rating === 'unsatisfied' && rng.chance(0.5);
    await service.rate(
      db,
      { ...ctx, actor: author },
      author,
      id,
      { rating, comment: rating === 'unsatisfied' ? '问题没有真正解决。' : undefined, reopen },
      ratedAt,
    );
    if (!reopen) return;
    const raw = (await findRaw(db, id))!;
    const again = at(cal.addWorkingDays(shanghaiDate(ratedAt), rng.int(1, 3)), rng.int(9, 17));
    if (!before(again)) return;
    const actor = raw.department_id ? handlerFor((await orgBrief(db, raw.department_id))!.path) : staff;
    await service.answer(db, { ...ctx, actor }, actor, id, { answer: `${ANSWERS[plan.category]}（重新核查后补充答复：已落实到位。）` }, again);
    const second = at(cal.addWorkingDays(shanghaiDate(again), 1), 19);
    if (before(second)) await service.rate(db, { ...ctx, actor: author }, author, id, { rating: 'basicallySatisfied', reopen: false }, second);
  }

  // Appeals registered for workers without an account are rated by nobody; demo workers rate their own.
  async function authorActor(personId: string): Promise<Actor | null> {
    const acc = await accountOfPerson(db, personId);
    return acc ? actorOf(db, acc.id) : null;
  }

  // Duplicates: two workers of the second mine raise what a third already has open; staff merge them.
  const second = units[units.length - 1];
  let masterAt = new Date(now.getTime() - 3 * 86_400_000);
  while (!cal.isWorkingDay(shanghaiDate(masterAt))) masterAt = new Date(masterAt.getTime() - 86_400_000);
  const dup: Text = ['澡堂热水时有时无', '二号矿职工浴室的热水时有时无，下夜班的人经常只能洗凉水。'];
  const onBehalf = (personId: string) => ({
    category: 'benefits' as const,
    nature: 'request' as const,
    title: dup[0],
    description: dup[1],
    anonymous: false,
    attachmentIds: [],
    onBehalfOf: { personId, channel: 'visit' as const },
  });
  const [p1, p2, p3] = second.workers.slice(-3);
  const master = await db.transaction().execute((tx) => service.createInTx(tx, ctx, staff, onBehalf(p1), masterAt));
  const dupIds = [];
  for (const [i, p] of [p2, p3].entries()) {
    dupIds.push(await db.transaction().execute((tx) => service.createInTx(tx, ctx, staff, onBehalf(p), new Date(masterAt.getTime() + (i + 1) * 3_600_000))));
  }
  await service.accept(db, ctx, staff, master, {}, new Date(masterAt.getTime() + 4 * 3_600_000));
  await service.merge(db, ctx, staff, master, { duplicateIds: dupIds }, new Date(masterAt.getTime() + 5 * 3_600_000));

  // What the deadline sweep would have done by now: overdue marks and escalations.
  await sweepDeadlines(db, now);
  // The demo inbox starts with what is still open, not a year of history.
  await markHistoryRead(db, now.toISOString());
}
