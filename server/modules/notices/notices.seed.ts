/**
 * Demo notices: a year of 厂务公开 at four levels — the group's standing rules, the mine's
 * monthly operating figures (one month published late) and quarterly finances, the
 * department's monthly performance results and a team's bonus shares — with read receipts
 * for most recipients (the demo worker has the latest two unread), one correction and one
 * withdrawal in the chain, and the demo worker's questions (one anonymous, one answered).
 * Publications go through the service (so the chain is real); receipts are bulk inserts.
 */
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/rbac/actor.js';
import type { CallContext } from '../../core/context.js';
import { writeCallIn, type WriteCall } from '../../core/call.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { NoticeKind, NoticeSchedule } from '../../../common/notices.js';
import { ndb } from './notices.tables.js';
import { recountReads } from './notices.repository.js';
import { ancestorIds } from '../../core/org/lookups.js';
import { unitUnder } from './notices.policy.js';
import * as notices from './notices.service.js';
import * as questions from './notices.questions.js';

async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const acc = await ndb(db).selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!acc) return null;
  return { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const monthsBack = (today: string, n: number, day: number) => {
  const [y, m] = today.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, day));
  return d.toISOString().slice(0, 10);
};
const monthName = (date: string) => `${Number(date.slice(5, 7))}月`;
/** A stable number per person (the tail of the UUIDv7 is random): the same demo every run. */
const numberOf = (id: string) => parseInt(id.slice(-8), 16);

interface Plan {
  level: 'group' | 'mine' | 'department' | 'team';
  date: string;
  title: string;
  body: string;
  kind: NoticeKind;
  schedule?: NoticeSchedule;
  nextDueDate?: string;
  series?: string;
}

export async function seedNoticesDemo(db: Db, now: Date): Promise<void> {
  // Another module's demo may publish through notices first (a contract's publication): only the notices' own mark a run.
  if (await ndb(db).selectFrom('notices').select('id').where('source_kind', 'is', null).limit(1).executeTakeFirst()) return;
  const staff = await actorOf(db, 'staff');
  const worker = await actorOf(db, 'worker');
  if (!staff || !worker?.personId) return;
  const person = await ndb(db).selectFrom('persons').select(['id', 'org_path']).where('id', '=', worker.personId).executeTakeFirst();
  if (!person) return;
  const [group, mine, department, team] = ancestorIds(person.org_path);
  if (!team) return;
  const orgOf = { group, mine, department, team };
  const ctx = (actor: Actor): CallContext => ({ actor, ip: null, requestId: 'seed', locale: 'zh-CN' });
  const as = <T>(actor: Actor, when: Date, work: (call: WriteCall) => Promise<T>) =>
    db.transaction().execute((tx) => work(writeCallIn(db, tx, actor, ctx(actor), when)));

  const today = shanghaiDate(now);
  const plans: Plan[] = [
    {
      level: 'group',
      date: monthsBack(today, 12, 3),
      title: '集团厂务公开实施办法',
      body: '一、公开内容：企业重大决策、经营状况、职工切身利益事项。\n二、公开形式：平台公开、公开栏、职代会报告。\n三、监督：工会负责日常监督，职工可对公开事项提问。',
      kind: 'standing',
    },
    {
      level: 'group',
      date: monthsBack(today, 11, 6),
      title: '第五届职工代表名单',
      body: '第五届职工代表共 30 名，分三个代表团。\n名单按代表团公开，任期五年。',
      kind: 'standing',
    },
  ];
  for (let i = 11; i >= 1; i--) {
    const date = monthsBack(today, i, i === 5 ? 14 : 8);
    const month = monthName(monthsBack(today, i + 1, 1));
    plans.push({
      level: 'mine',
      date,
      title: `一号矿${month}经营情况与工资总额公开`,
      body: `${month}原煤产量完成计划的 10${i % 4} %。\n工资总额按月足额发放，人均 ${8200 + i * 37} 元。\n业务招待费同比下降 ${(i % 5) + 3} %。`,
      kind: 'periodic',
      schedule: 'monthly',
      nextDueDate: monthsBack(today, i - 1, 10),
      series: 'mineMonthly',
    });
  }
  for (let q = 3; q >= 0; q--) {
    const date = monthsBack(today, q * 3 + 1, 12);
    plans.push({
      level: 'mine',
      date,
      title: `一号矿第${['一', '二', '三', '四'][(4 - q) % 4]}季度财务收支公开`,
      body: '本季度材料费、电费、修理费均在预算内。\n安全费用足额提取并专款专用。',
      kind: 'periodic',
      schedule: 'quarterly',
      nextDueDate: monthsBack(today, q * 3 - 2, 15),
      series: 'mine',
    });
  }
  for (let i = 6; i >= 1; i--) {
    const date = monthsBack(today, i, 5);
    plans.push({
      level: 'department',
      date,
      title: `生产部${monthName(monthsBack(today, i + 1, 1))}绩效考核结果`,
      body: '考核得分按队公开，扣分项目附检查记录。\n对考核结果有异议的，可在本页提问。',
      kind: 'periodic',
      schedule: 'monthly',
      nextDueDate: monthsBack(today, i - 1, 7),
      series: 'department',
    });
  }
  plans.push(
    {
      level: 'team',
      date: monthsBack(today, 4, 20),
      title: '综采一队班组奖金二次分配方案',
      body: '分配系数：班长 1.3，副班长 1.15，其他岗位 1.0。\n本月奖金总额 86 400 元。',
      kind: 'adHoc',
    },
    {
      level: 'team',
      date: monthsBack(today, 2, 18),
      title: '综采一队先进个人评选结果',
      body: '经班组民主评议，评出先进个人 3 名。\n公示期 5 天。',
      kind: 'adHoc',
    },
    {
      level: 'mine',
      date: monthsBack(today, 1, 22),
      title: '一号矿职工食堂承包费用公开',
      body: '承包费每年 36 万元。\n早餐 3 元、午餐 12 元，价格调整须经职代会同意。',
      kind: 'adHoc',
    },
  );
  plans.sort((a, b) => a.date.localeCompare(b.date));

  const published: { id: string; date: string; level: Plan['level']; title: string }[] = [];
  const last = new Map<string, string>();
  for (const p of plans) {
    if (p.date > today) continue;
    const d = await as(staff, at(p.date, 9), (call) =>
      notices.publish(call, {
        orgId: orgOf[p.level],
        title: p.title,
        body: p.body,
        kind: p.kind,
        schedule: p.schedule,
        nextDueDate: p.nextDueDate,
        follows: p.series ? last.get(p.series) : undefined,
      }),
    );
    if (p.series) last.set(p.series, d.id);
    published.push({ id: d.id, date: p.date, level: p.level, title: p.title });
  }

  // A correction and a withdrawal in the chain.
  const bonus = published.find((n) => n.level === 'team');
  if (bonus) {
    await as(staff, at(addDays(bonus.date, 2), 10), (call) =>
      notices.correct(call, bonus.id, {
        body: '分配系数：班长 1.3，副班长 1.15，其他岗位 1.0。\n本月奖金总额 88 200 元（含夜班补贴 1 800 元）。',
        reason: '漏计夜班补贴，奖金总额更正',
      }),
    );
  }
  const withdrawn = await as(staff, at(monthsBack(today, 3, 2), 9), (call) =>
    notices.publish(call, { orgId: mine, title: '一号矿宿舍调整方案（征求意见稿）', body: '拟将三号公寓楼调整为单身职工宿舍。', kind: 'adHoc' }),
  );
  await as(staff, at(monthsBack(today, 3, 4), 9), (call) => notices.withdraw(call, withdrawn.id, { reason: '方案需先经职代会审议，暂不公开' }));

  // Receipts: most recipients read within days; the demo worker has the latest two unread.
  const people = await ndb(db)
    .selectFrom('persons')
    .select(['id', 'org_path', 'employment_category'])
    .where('kind', '=', 'worker')
    .where('archived', '=', 0)
    .where('org_path', 'like', `/${group}/%`)
    .execute();
  const paths = new Map(
    (await ndb(db).selectFrom('orgs').select(['id', 'path']).where('id', 'in', [group, mine, department, team]).execute()).map((o) => [o.id, o.path]),
  );
  const recent = new Set(published.slice(-2).map((n) => n.id));
  const rows: { notice_id: string; person_id: string; unit_id: string; category: string; read_at: string }[] = [];
  for (const [i, n] of published.entries()) {
    const path = paths.get(orgOf[n.level])!;
    const percent = 55 + ((i * 7) % 35);
    for (const p of people) {
      if (!p.org_path.startsWith(path)) continue;
      const me = p.id === worker.personId;
      if (me ? recent.has(n.id) : (numberOf(p.id) + i * 37) % 100 >= percent) continue;
      rows.push({
        notice_id: n.id,
        person_id: p.id,
        unit_id: unitUnder(path, p.org_path),
        category: p.employment_category ?? 'contract',
        read_at: at(addDays(n.date, p.id.charCodeAt(p.id.length - 1) % 4), 12).toISOString(),
      });
    }
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 1_000)
      await ndb(tx)
        .insertInto('notice_receipts')
        .values(rows.slice(i, i + 1_000))
        .execute();
    // Written in bulk, not through the receipt route: count them once as the route keeps them.
    await recountReads(tx);
  });

  // The demo worker's questions on the canteen notice: one answered, one anonymous still open.
  const canteen = published.find((n) => n.title.includes('食堂'));
  if (!canteen) return;
  const asked = await as(worker, at(addDays(canteen.date, 1), 19), (call) =>
    questions.ask(call, canteen.id, { body: '早餐价格以后还会调整吗？', anonymous: false }),
  );
  await as(staff, at(addDays(canteen.date, 2), 10), (call) => questions.answer(call, asked.id, { answer: '价格调整须经职代会同意，今年不调整。' }));
  await as(worker, at(addDays(canteen.date, 2), 20), (call) => questions.ask(call, canteen.id, { body: '承包合同能否作为附件公开？', anonymous: true }));
}
