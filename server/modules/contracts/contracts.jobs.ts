/**
 * 'contracts.clocks': tells the union chair and staff of the contract's org when the reply to a
 * bargaining request is due soon or overdue, when the filing is due soon, and — in the 60
 * days before a contract's term ends — that renegotiation must start. Each notice is claimed
 * under a key holding the date it is about (notifyOnce), so reruns send nothing twice and a
 * new term is a new key.
 */
import { RENEWAL_WINDOW_DAYS } from '../../../common/contracts.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { holdersOf, notifyOnce } from '../../core/notify/index.js';
import { REPLY_WARNING_DAYS } from './contracts.clocks.js';
import { cq } from './contracts.tables.js';

const FILING_WARNING_DAYS = 3;

export async function sweepContractClocks(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const rows = await cq(db)
    .selectFrom('contracts')
    .select(['id', 'title', 'status', 'org_path', 'reply_due', 'filing_due', 'ends_on'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'requested'), eb('reply_due', '<=', addDays(today, REPLY_WARNING_DAYS))]),
        eb.and([eb('status', '=', 'signed'), eb('filing_due', '<=', addDays(today, FILING_WARNING_DAYS))]),
        eb.and([
          eb('status', '=', 'published'),
          eb('ends_on', '<=', addDays(today, RENEWAL_WINDOW_DAYS)),
          eb('ends_on', '>=', addDays(today, -RENEWAL_WINDOW_DAYS)),
        ]),
      ]),
    )
    .execute();
  let sent = 0;
  for (const c of rows) {
    await db.transaction().execute(async (tx) => {
      const union = [...new Set((await holdersOf(tx, ['unionChair', 'unionStaff'], c.org_path)).map((h) => h.accountId))];
      const send = async (key: string, title: string, body: string) => {
        if (await notifyOnce(tx, key, { accountIds: union, kind: 'contracts.clock', title, body, link: `/contracts/${c.id}`, orgPath: c.org_path })) sent++;
      };
      if (c.status === 'requested') {
        if (c.reply_due < today)
          await send(`contracts.replyOverdue:${c.id}:${c.reply_due}`, '协商要约回应已超期', `「${c.title}」的协商要约应于 ${c.reply_due} 前书面回应`);
        else await send(`contracts.replyDue:${c.id}:${c.reply_due}`, '协商要约即将到期', `「${c.title}」的协商要约应于 ${c.reply_due} 前书面回应`);
      } else if (c.status === 'signed' && c.filing_due) {
        await send(`contracts.filingDue:${c.id}:${c.filing_due}`, '集体合同报送即将到期', `「${c.title}」应于 ${c.filing_due} 前报送劳动行政部门审查`);
      } else if (c.status === 'published' && c.ends_on) {
        await send(`contracts.renewal:${c.id}:${c.ends_on}`, '集体合同即将到期，请启动续订协商', `「${c.title}」将于 ${c.ends_on} 到期`);
      }
    });
  }
  return sent;
}

export const contractsJobs: JobDefinition[] = [
  {
    name: 'contracts.clocks',
    // Hourly: every clock here is counted in days.
    intervalMs: 60 * 60_000,
    run: async ({ db, now }) => {
      await sweepContractClocks(db, now);
    },
  },
];
