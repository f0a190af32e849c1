/**
 * Demo cases of the mediation committee: twenty over the past year, in every state — accepted
 * and in mediation (one extended), agreements performed and one unpaid past its deadline (the
 * 支付令 hint), referrals to arbitration, a withdrawal, a refusal, new applications — made
 * through the service itself at the times they happened, so every clock, timeline and audit
 * record is what the real flow writes. The demo `worker` has cases of their own. Deterministic.
 */
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import type { Actor } from '../../core/rbac/actor.js';
import type { ClaimType } from '../../../common/mediation.js';
import { writeCallIn, type WriteCall } from '../../core/call.js';
import * as service from './mediation.service.js';
import { mdb } from './mediation.tables.js';

type Outcome = 'performed' | 'agreedUnpaid' | 'failed' | 'withdrawn' | 'rejected' | 'accepted' | 'extended' | 'applied';

const DISPUTES: { respondent: string; summary: string; claims: { type: ClaimType; description: string; amount?: number }[] }[] = [
  {
    respondent: '华能煤业集团一号矿',
    summary: '2026 年 3—5 月井下加班费未按规定足额发放。',
    claims: [{ type: 'overtime', description: '补发延时加班费', amount: 6840 }],
  },
  {
    respondent: '华能煤业集团二号矿',
    summary: '劳务派遣期间单位未缴纳工伤保险，受伤后医疗费无人承担。',
    claims: [
      { type: 'socialInsurance', description: '补缴工伤保险' },
      { type: 'workInjury', description: '报销医疗费', amount: 12350.5 },
    ],
  },
  {
    respondent: '华能煤业集团机电公司',
    summary: '合同期满单位未续签也未支付经济补偿。',
    claims: [{ type: 'contract', description: '支付终止劳动合同经济补偿', amount: 21600 }],
  },
  {
    respondent: '华能煤业集团一号矿综采队',
    summary: '被以旷工为由解除劳动合同，职工称已请假并获批准。',
    claims: [
      { type: 'dismissal', description: '撤销解除决定、恢复劳动关系' },
      { type: 'wagesOwed', description: '支付停工期间工资', amount: 9200 },
    ],
  },
  { respondent: '华能煤业集团洗煤厂', summary: '两个月工资被拖欠。', claims: [{ type: 'wagesOwed', description: '支付拖欠工资', amount: 11400 }] },
];

const PLAN: Outcome[] = [
  'performed',
  'failed',
  'performed',
  'agreedUnpaid',
  'withdrawn',
  'performed',
  'rejected',
  'failed',
  'performed',
  'agreedUnpaid',
  'performed',
  'failed',
  'withdrawn',
  'performed',
  'extended',
  'accepted',
  'accepted',
  'applied',
  'applied',
  'applied',
];

async function actorOf(db: Db, username: string): Promise<Actor | undefined> {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  return acc && { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

/** A Shanghai working-hours instant `days` before `now`. */
const at = (now: Date, days: number) => new Date(`${addDays(shanghaiDate(now), -days)}T10:00:00+08:00`);

export async function seedMediationDemo(db: Db, now: Date): Promise<void> {
  if (await mdb(db).selectFrom('mediation_cases').select('id').limit(1).executeTakeFirst()) return;
  const staff = await actorOf(db, 'staff');
  const mediator = await actorOf(db, 'mediator');
  const worker = await actorOf(db, 'worker');
  if (!staff || !mediator) return;
  const group = staff.grants[0]?.orgPath;
  if (!group) return;
  const workers = await db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select('p.id')
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('o.path', 'like', `${group}%`)
    .orderBy('p.name')
    .limit(12)
    .execute();
  if (!workers.length) return;
  const step = <T>(actor: Actor, when: Date, work: (call: WriteCall) => Promise<T>) =>
    db.transaction().execute((tx) => work(writeCallIn(db, tx, actor, { actor, ip: null, requestId: null, locale: 'zh-CN' }, when)));

  for (const [i, outcome] of PLAN.entries()) {
    const d = DISPUTES[i % DISPUTES.length];
    // The demo worker's own: an agreement being performed, one in mediation, one new.
    const mine = worker?.personId && (i === 3 || i === 15 || i === 18);
    const applicantPersonId = mine ? worker!.personId! : workers[i % workers.length].id;
    const ago = outcome === 'applied' ? 1 + (i % 2) : outcome === 'accepted' || outcome === 'extended' ? 6 + (i % 5) : 350 - i * 17;
    const applied = at(now, ago);
    const c = await step(mine ? worker! : staff, applied, (call) =>
      service.apply(call, {
        applicantPersonId,
        applicantKind: i === 7 ? 'group' : 'worker',
        groupSize: i === 7 ? 23 : undefined,
        respondent: d.respondent,
        disputeDate: addDays(shanghaiDate(applied), -20),
        summary: d.summary,
        claims: d.claims,
      }),
    );
    if (outcome === 'applied') continue;
    if (outcome === 'rejected') {
      await step(staff, at(now, ago - 1), (call) => service.reject(call, c.id, '该争议已向劳动争议仲裁委员会申请仲裁，不属于本委员会受理范围'));
      continue;
    }
    if (outcome === 'withdrawn' && i % 2 === 0) {
      await step(worker && mine ? worker : staff, at(now, ago - 1), (call) => service.withdraw(call, c.id, '申请人与单位自行协商解决'));
      continue;
    }
    await step(mediator, at(now, ago - 1), (call) => service.accept(call, c.id, {}));
    const sessionDay = shanghaiDate(at(now, Math.max(ago - 4, 0)));
    await step(mediator, at(now, Math.max(ago - 4, 0)), (call) =>
      service.addSession(call, c.id, {
        date: sessionDay,
        attendees: '申请人、被申请人人力资源部代表、调解员',
        applicantSaid: '要求按实际出勤核算并一次性补足。',
        respondentSaid: '同意核对考勤记录，对部分金额有异议。',
        nextStep: '双方一周内提交考勤与工资表后再次调解',
      }),
    );
    if (outcome === 'accepted') continue;
    if (outcome === 'extended') {
      await step(mediator, at(now, Math.max(ago - 5, 0)), (call) => service.extend(call, c.id, { days: 10, reason: '双方同意等待社保部门核定缴费基数' }));
      continue;
    }
    if (outcome === 'withdrawn') {
      await step(staff, at(now, ago - 6), (call) => service.withdraw(call, c.id, '申请人撤回申请'));
      continue;
    }
    if (outcome === 'failed') {
      await step(mediator, at(now, ago - 12), (call) => service.fail(call, c.id, '被申请人坚持不予补发，双方差距较大，调解不成'));
      continue;
    }
    const agreedOn = at(now, ago - 9);
    const day = shanghaiDate(agreedOn);
    const claimed = d.claims.reduce((s, k) => s + (k.amount ?? 0), 0) || 5000;
    const amount = Math.round(claimed * 0.85);
    await step(mediator, agreedOn, (call) =>
      service.agree(call, c.id, {
        terms: `一、被申请人于 ${addDays(day, 15)} 前一次性向申请人支付 ${amount} 元；\n二、申请人放弃其他请求；\n三、双方就本争议再无其他纠纷。`,
        agreedAmount: amount,
        performanceDue: addDays(day, 15),
        applicantSignedOn: day,
        respondentSigner: '人力资源部 王经理',
        respondentSignedOn: day,
      }),
    );
    if (outcome === 'performed')
      await step(mediator, at(now, ago - 20), (call) =>
        service.recordPayment(call, c.id, { paidAmount: amount, paidOn: shanghaiDate(at(now, ago - 20)), note: '银行转账', complete: true }),
      );
    else
      await step(mediator, at(now, ago - 16), (call) =>
        service.recordPayment(call, c.id, { paidAmount: Math.round(amount / 3), paidOn: shanghaiDate(at(now, ago - 16)), note: '首期', complete: false }),
      );
  }
}
