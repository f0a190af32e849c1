/**
 * Demo library and questions: the policies of policies.seed.texts.ts kept by the group's union,
 * the demo workers' questions over the last four months in every state (awaiting, one overdue,
 * answered on time and late, published as FAQ and then opened and marked 「解答了我的问题」 on later days, withdrawn; some anonymous), then the salary rule
 * amended and the housing allowance repealed, which flags the answers citing them. Deterministic.
 */
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/rbac/actor.js';
import type { CallContext } from '../../core/context.js';
import { writeCallIn, type WriteCall } from '../../core/call.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { pdb } from './policies.tables.js';
import * as library from './policies.service.js';
import * as questions from './questions.service.js';
import * as faqUse from './faqUse.service.js';
import { DEMO_POLICIES, DEMO_QUESTIONS } from './policies.seed.texts.js';

async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const acc = await pdb(db).selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!acc) return null;
  return { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

/** A Shanghai wall-clock time `daysAgo` days before `now`. */
const ago = (now: Date, daysAgo: number, hour: number) => new Date(`${addDays(shanghaiDate(now), -daysAgo)}T${String(hour).padStart(2, '0')}:20:00+08:00`);

export async function seedPoliciesDemo(db: Db, now: Date): Promise<void> {
  if (await pdb(db).selectFrom('policies').select('id').limit(1).executeTakeFirst()) return;
  const staff = await actorOf(db, 'staff');
  const workers = [await actorOf(db, 'worker'), await actorOf(db, 'worker2')].filter((a): a is Actor => !!a?.personId);
  const libraryOrg = staff?.grants.find((g) => g.orgId)?.orgId;
  if (!staff || !libraryOrg || !workers.length) return;
  const as = <T>(actor: Actor, at: Date, work: (call: WriteCall) => Promise<T>) =>
    db.transaction().execute((tx) => work(writeCallIn(db, tx, actor, { actor, ip: null, requestId: 'seed', locale: 'zh-CN' } satisfies CallContext, at)));

  const ids = new Map<string, { id: string; articles: Map<string, string> }>();
  for (const p of DEMO_POLICIES) {
    const d = await as(staff, ago(now, 180, 9), (call) =>
      library.create(call, {
        orgId: libraryOrg,
        title: p.title,
        issuer: p.issuer,
        docNumber: p.docNumber ?? undefined,
        level: p.level,
        effectiveDate: p.effectiveDate,
        text: p.text,
      }),
    );
    ids.set(p.title, { id: d.id, articles: new Map(d.articles.map((a) => [a.label, a.id])) });
  }
  const article = (title: string, label: string) => {
    const p = [...ids.entries()].find(([t]) => t.startsWith(title))?.[1];
    const id = p?.articles.get(label);
    if (!id) throw new Error(`policies seed: no ${title} ${label}`);
    return id;
  };

  const n = DEMO_QUESTIONS.length;
  for (const [i, q] of DEMO_QUESTIONS.entries()) {
    const asker = workers[i % workers.length];
    // Spread over four months, oldest first; the last three are still waiting (one of them overdue).
    const waiting = i >= n - 3;
    const daysAgo = waiting ? [8, 2, 1][i - (n - 3)] : 120 - i * 6;
    const anonymous = i % 4 === 1;
    const asked = await as(asker, ago(now, daysAgo, 8 + (i % 9)), (call) => questions.ask(call, { topic: q.topic, title: q.title, body: q.body, anonymous }));
    if (waiting) continue;
    if (i === n - 4) {
      await as(asker, ago(now, daysAgo, 18), (call) => questions.withdraw(call, asked.id));
      continue;
    }
    // Most answers come within two working days; every fifth takes a week (late).
    const answeredAgo = i % 5 === 3 ? daysAgo - 7 : daysAgo - 1;
    await as(staff, ago(now, answeredAgo, 15), (call) =>
      questions.answer(call, asked.id, { answer: q.answer, articleIds: q.cites.map(([t, l]) => article(t, l)) }),
    );
    if (q.faq) {
      await as(staff, ago(now, answeredAgo - 1, 10), (call) => questions.publish(call, asked.id, { faqTitle: q.faq![0], faqAnswer: q.faq![1] }));
      // Workers open the entry on the days after it is published; about one in three finds it answers them (dated uses).
      const publishedAgo = answeredAgo - 1;
      for (let k = 1; k <= (i * 7) % 13 && publishedAgo - k >= 0; k++) {
        const reader = workers[k % workers.length];
        await as(reader, ago(now, publishedAgo - k, 12), async (call) => {
          await (k % 3 === 0 ? faqUse.deflect(call, asked.id) : faqUse.view(call, asked.id));
        });
      }
    }
  }

  for (const p of DEMO_POLICIES) {
    const id = ids.get(p.title)!.id;
    if (p.amended) {
      const a = p.amended;
      await as(staff, ago(now, 10, 10), (call) =>
        library.newVersion(call, id, {
          title: p.title,
          issuer: p.issuer,
          docNumber: a.docNumber ?? undefined,
          level: p.level,
          effectiveDate: a.effectiveDate,
          text: a.text,
        }),
      );
    }
    if (p.repealed) await as(staff, ago(now, 10, 11), (call) => library.repeal(call, id, { repealDate: p.repealed!, note: '改为缴存住房公积金' }));
  }
}
