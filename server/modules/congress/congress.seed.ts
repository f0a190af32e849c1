/**
 * Demo congress: the group's 第五届 (five-year term, now in its third year) with 30
 * representatives in three delegations — leaders, front-line, technical and other workers in
 * the proportions the rules ask, women and dispatched workers among them — the first two
 * sessions held and closed with attendance, the third (第五届第三次) held 40 days ago with its
 * 40 proposal submissions being handled (congress.seed.proposals.ts), and the fourth planned in
 * three days. Session 3 also voted: a roll-call resolution and a secret appraisal ballot
 * (congress.seed.votes.ts). The demo account `rep` acts for one of the mine 1 representatives. Deterministic.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { Rng } from '../../core/random.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { DEFAULT_PROPORTION_RULES, type RepresentativeCategory } from '../../../common/congress.js';
import { seedProposals } from './congress.seed.proposals.js';
import { sweepDecidedItems } from '../../core/decidedItems/decidedItems.jobs.js';
import { seedVotes } from './congress.seed.votes.js';
import { cdb, type CongressAttendanceTable, type CongressRepresentativeTable } from './congress.tables.js';

const ABSENCE = ['因公出差', '病假', '井下值班', '探亲假', '参加培训'];

export async function seedCongressDemo(db: Db, now: Date) {
  const group = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'group').where('name', '=', '华能煤业集团').executeTakeFirst();
  if (!group) return;
  const c = cdb(db);
  if (await c.selectFrom('congress_terms').select('id').where('org_id', '=', group.id).executeTakeFirst()) return;
  const rng = new Rng(1717);
  const mines = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('kind', '=', 'mine')
    .where('path', '>=', group.path)
    .where('path', '<', `${group.path}~`)
    .orderBy('name')
    .execute();
  const workersOf = (h: Tx, path: string) =>
    h
      .selectFrom('persons as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .select(['p.id', 'p.gender', 'p.employment_category'])
      .where('p.kind', '=', 'worker')
      .where('p.archived', '=', 0)
      .where('p.employment_category', '!=', 'retired')
      .where('o.path', '>=', path)
      .where('o.path', '<', `${path}~`)
      .orderBy('p.name')
      .orderBy('p.employee_no')
      .execute();

  const today = shanghaiDate(now);
  const at = now.toISOString();
  const termId = newId();
  await db.transaction().execute(async (tx) => {
    const t = cdb(tx);
    await t
      .insertInto('congress_terms')
      .values({
        id: termId,
        org_id: group.id,
        number: 5,
        name: '第5届职工代表大会',
        start_date: addDays(today, -800),
        end_date: addDays(today, 1026),
        rules: JSON.stringify(DEFAULT_PROPORTION_RULES),
        created_at: at,
        updated_at: at,
      })
      .execute();

    // 14 + 12 from the mines, 4 from the group's offices: leaders 5, front-line 17, technical 5, other 3.
    const plan: { path: string; delegation: string; n: number }[] = [
      ...mines.slice(0, 2).map((m, i) => ({ path: m.path, delegation: `${m.name}代表团`, n: i === 0 ? 14 : 12 })),
    ];
    const categories: RepresentativeCategory[] = [
      'leader',
      'leader',
      'leader',
      'leader',
      'leader',
      ...Array<RepresentativeCategory>(17).fill('frontLine'),
      ...Array<RepresentativeCategory>(5).fill('technical'),
      'other',
      'other',
      'other',
    ];
    const reps: CongressRepresentativeTable[] = [];
    const taken = new Set<string>();
    let k = 0;
    const pickFrom = (pool: { id: string; gender: string | null; employment_category: string | null }[], n: number, delegation: string) => {
      // Women first, then two dispatched workers, then anyone: the roster meets its own rules.
      const women = pool.filter((p) => p.gender === 'female');
      const dispatched = pool.filter((p) => p.employment_category === 'dispatched');
      const order = [...women.slice(0, Math.ceil(n / 4)), ...dispatched.slice(0, 1), ...pool.filter(() => rng.chance(0.3))];
      for (const p of order) {
        if (reps.filter((r) => r.delegation === delegation).length >= n) break;
        if (taken.has(p.id)) continue;
        taken.add(p.id);
        reps.push({
          id: newId(),
          term_id: termId,
          person_id: p.id,
          account_id: null,
          delegation,
          category: categories[k++ % categories.length],
          created_at: at,
          updated_at: at,
        });
      }
    };
    for (const d of plan) pickFrom(await workersOf(tx, d.path), d.n, d.delegation);
    pickFrom(await workersOf(tx, group.path), 30 - reps.length, '机关代表团');
    // The demo representative account acts for a front-line representative of mine 1.
    const repAccount = await tx.selectFrom('accounts').select('id').where('username', '=', 'rep').executeTakeFirst();
    const mine1Rep = reps.find((r) => r.delegation === plan[0]?.delegation && r.category === 'frontLine');
    if (repAccount && mine1Rep) mine1Rep.account_id = repAccount.id;
    await t.insertInto('congress_representatives').values(reps).execute();
    const production = mines[0]
      ? await tx.selectFrom('orgs').select('id').where('parent_id', '=', mines[0].id).where('name', '=', '生产部').executeTakeFirst()
      : undefined;
    const handler = await tx.selectFrom('accounts').select('id').where('username', '=', 'handler').executeTakeFirst();
    const chair = await tx.selectFrom('accounts').select('id').where('username', '=', 'chair').executeTakeFirst();

    // The third session met 40 days ago; its proposals are being handled, and collection stays open in the recess (闭会期间).
    const sessions = [
      { number: 1, starts_on: addDays(today, -760), close: addDays(today, -753), status: 'closed', present: 28 },
      { number: 2, starts_on: addDays(today, -390), close: addDays(today, -383), status: 'closed', present: 27 },
      { number: 3, starts_on: addDays(today, -40), close: addDays(today, 10), status: 'closed', present: 26 },
      { number: 4, starts_on: addDays(today, 3), close: addDays(today, 10), status: 'planned', present: 0 },
    ];
    const ids = sessions.map(() => newId());
    let held: Parameters<typeof seedVotes>[3] | undefined;
    for (const [n, s] of sessions.entries()) {
      const id = ids[n];
      await t
        .insertInto('congress_sessions')
        .values({
          id,
          term_id: termId,
          number: s.number,
          name: `第5届第${s.number}次职工代表大会`,
          starts_on: s.starts_on,
          proposals_close_on: s.close,
          status: s.status,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (s.status === 'planned') continue;
      const order = reps.filter((r) => r !== mine1Rep);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j], order[i]];
      }
      if (mine1Rep) order.unshift(mine1Rep);
      const rows: CongressAttendanceTable[] = order.map((r, i) => ({
        session_id: id,
        representative_id: r.id,
        present: i < s.present ? 1 : 0,
        absence_reason: i < s.present ? null : ABSENCE[i % ABSENCE.length],
        recorded_by: null,
        at: `${s.starts_on}T00:30:00.000Z`,
      }));
      await t.insertInto('congress_attendance').values(rows).execute();
      if (s.number === 3 && production && handler && chair)
        await seedProposals(tx, now, { id, name: `第5届第${s.number}次职工代表大会`, startsOn: s.starts_on }, reps, production.id, handler.id, chair.id);
      if (s.number === 3) held = { id, name: `第5届第${s.number}次职工代表大会`, startsOn: s.starts_on, present: order.slice(0, s.present).map((r) => r.id) };
    }
    if (held && chair) await seedVotes(tx, now, rng, held, { id: ids[3] }, { id: group.id, representatives: reps.length }, chair.id);
  });
  // The proposals' items past their answer date turn overdue now, as the quarter-hourly sweep would have turned them.
  await sweepDecidedItems(db, now);
}
