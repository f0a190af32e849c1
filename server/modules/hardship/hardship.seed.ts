/**
 * Demo hardship files: forty households of the group in every state and tier — new
 * applications, one visit in, verified, on public notice (one with an objection), refused, on
 * file with reviews and assistance, exited with callbacks, and one relapse that reopened its
 * file — with the rule (低保线) they were judged by. Written as bulk inserts (cheap: the seed
 * runs in several test worlds). The demo workers get no file, so they can apply. Deterministic.
 */
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { ASSISTANCE_KINDS, CAUSES, type Cause, type ProfileStatus } from '../../../common/hardship.js';
import { addMonths, perHead, tierOf } from './hardship.rules.js';
import { hdb } from './hardship.tables.js';
import { publishPublicityNotice } from './hardship.notice.js';
import { loadProfile } from './hardship.repository.js';
import { demoActor } from '../../core/demo.js';
import { systemContext } from '../../core/context.js';
import { writeCallIn } from '../../core/call.js';

type Plan = { status: ProfileStatus; daysAgo: number; visits: number; relapse?: boolean; objection?: boolean };

/** Forty households: where each stands and how long ago it applied. */
function plans(): Plan[] {
  const p: Plan[] = [];
  for (let i = 0; i < 3; i++) p.push({ status: 'applied', daysAgo: 2 + i, visits: i === 2 ? 1 : 0 });
  for (let i = 0; i < 3; i++) p.push({ status: 'verified', daysAgo: 8 + i, visits: 2 });
  for (let i = 0; i < 3; i++) p.push({ status: 'notice', daysAgo: 14 + i, visits: 2, objection: i === 0 });
  for (let i = 0; i < 3; i++) p.push({ status: 'refused', daysAgo: 30 + i * 9, visits: 2 });
  for (let i = 0; i < 20; i++) p.push({ status: 'filed', daysAgo: 60 + i * 33, visits: 2 });
  for (let i = 0; i < 7; i++) p.push({ status: 'exited', daysAgo: 500 + i * 40, visits: 2, relapse: i === 0 });
  p.push({ status: 'filed', daysAgo: 900, visits: 2, relapse: true });
  return p;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const FUNDS = ['工会帮扶资金', '送温暖专项资金', '金秋助学资金'];
const LINE = 80_000; // 低保线 800 元/人·月

async function actor(db: Db, username: string) {
  return db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
}

async function insertChunks<T extends Record<string, unknown>>(db: Db, table: string, rows: T[], size = 200) {
  for (let i = 0; i < rows.length; i += size)
    await (hdb(db) as any)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

export async function seedHardshipDemo(db: Db, now: Date): Promise<void> {
  const h = hdb(db);
  if (await h.selectFrom('hardship_rules').select('id').limit(1).executeTakeFirst()) return;
  const staff = await actor(db, 'staff');
  const chair = await actor(db, 'chair');
  const grant =
    staff &&
    (await db
      .selectFrom('role_grants as g')
      .innerJoin('orgs as o', 'o.id', 'g.org_id')
      .select(['o.id', 'o.path'])
      .where('g.account_id', '=', staff.id)
      .executeTakeFirst());
  if (!staff || !chair || !grant) return;
  const demoPersons = (await db.selectFrom('accounts').select('person_id').where('username', 'in', ['worker', 'worker2']).execute())
    .map((a) => a.person_id)
    .filter((x): x is string => !!x);
  let q = db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'o.id as org_id', 'o.path as org_path'])
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('o.path', 'like', `${grant.path}%`);
  if (demoPersons.length) q = q.where('p.id', 'not in', demoPersons);
  const workers = await q.orderBy('p.id').limit(40).execute();
  if (!workers.length) return;

  const iso = now.toISOString();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const rules = [year - 2, year - 1, year].map((y) => ({
    id: newId(),
    org_id: grant.id,
    org_path: grant.path,
    locality: '本市',
    year: y,
    minimum_living_fen: LINE - (year - y) * 3_000,
    deep_pct: 100,
    relative_pct: 150,
    sudden_pct: 200,
    created_at: iso,
    updated_at: iso,
  }));
  await insertChunks(db, 'hardship_rules', rules);
  await insertChunks(db, 'hardship_settings', [{ org_id: grant.id, org_path: grant.path, notice_days: 5, updated_at: iso }]);
  await insertChunks(
    db,
    'hardship_budgets',
    FUNDS.map((fund, i) => ({
      id: newId(),
      org_id: grant.id,
      org_path: grant.path,
      year,
      fund,
      amount_fen: [30_000_000, 12_000_000, 8_000_000][i],
      updated_at: iso,
    })),
  );

  const profiles: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const causes: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  const objections: Record<string, unknown>[] = [];
  const reviews: Record<string, unknown>[] = [];
  const callbacks: Record<string, unknown>[] = [];
  const assistance: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const at = (date: string) => `${addDays(date, -1)}T02:00:00.000Z`;
  const event = (id: string, date: string, name: string, from: string | null, to: string | null, by: string | null) =>
    events.push({
      id: newId(),
      kind: 'hardship.profile',
      entity_id: id,
      event: name,
      from_status: from,
      to_status: to,
      actor_account_id: by,
      data: null,
      at: at(date),
    });

  plans().forEach((plan, i) => {
    const w = workers[i % workers.length];
    if (i >= workers.length) return;
    const id = newId();
    const applied = addDays(today, -plan.daysAgo);
    const size = 2 + (i % 4);
    const causeSet: Cause[] = [CAUSES[i % CAUSES.length], ...(i % 3 === 0 ? [CAUSES[(i + 2) % CAUSES.length]] : [])];
    // Incomes spread over the three tiers' bands (and a few above them, refused).
    const head = plan.status === 'refused' ? LINE * 2 + 10_000 : [55_000, 78_000, 95_000, 110_000, 150_000][i % 5];
    const income = head * size;
    const tier =
      tierOf({ minimum_living_fen: LINE, deep_pct: 100, relative_pct: 150, sudden_pct: 200 }, perHead(income, size), causeSet) ??
      (plan.status === 'refused' ? null : 'relative');
    const verified = plan.visits >= 2 ? addDays(applied, 3) : null;
    const approved = ['notice', 'filed', 'exited'].includes(plan.status) ? addDays(applied, 5) : null;
    const noticeTo = approved ? (plan.status === 'notice' ? addDays(today, 3) : addDays(approved, 7)) : null;
    const filed = ['filed', 'exited'].includes(plan.status) ? addDays(applied, 14) : null;
    const exitedOn = plan.status === 'exited' || plan.relapse ? addDays(filed!, 365 + (i % 3) * 20) : null;
    const relapsedOn = plan.relapse && exitedOn ? addMonths(exitedOn, 3) : null;
    // Yearly reviews since filing: each done a few days before (or, every fifth, after) its due date.
    let nextDue: string | null = null;
    if (filed) {
      let due = addMonths(filed, 12);
      const end = exitedOn && !relapsedOn ? exitedOn : today;
      while (due <= end && due <= today) {
        const late = i % 5 === 0;
        reviews.push({
          id: newId(),
          profile_id: id,
          due_date: due,
          reviewed_on: addDays(due, late ? 6 : -4),
          outcome: exitedOn === due ? 'exit' : 'continue',
          tier,
          notes: '入户复核，家庭情况无明显变化。',
          cancelled: 0,
          reviewed_by: staff.id,
          created_at: at(due),
        });
        event(id, addDays(due, late ? 6 : -4), 'reviewed', 'filed', 'filed', staff.id);
        due = addMonths(due, 12);
      }
      if (plan.status === 'filed') {
        nextDue = relapsedOn ? addMonths(relapsedOn, 12) : due;
        reviews.push({
          id: newId(),
          profile_id: id,
          due_date: nextDue,
          reviewed_on: null,
          outcome: null,
          tier: null,
          notes: null,
          cancelled: 0,
          reviewed_by: null,
          created_at: iso,
        });
      }
    }
    const status = plan.relapse ? 'filed' : plan.status;
    profiles.push({
      id,
      code: `BF${applied.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`,
      org_id: w.org_id,
      org_path: w.org_path,
      worker_person_id: w.id,
      locality: '本市',
      year: Number(applied.slice(0, 4)),
      household_size: size,
      household_income_fen: income,
      income_per_head_fen: perHead(income, size),
      tier,
      situation: '家庭主要劳动力患病，收入下降，子女在校就读。',
      status,
      applied_at: at(applied),
      applied_date: applied,
      registered_by: i % 4 === 0 ? staff.id : null,
      verified_on: verified,
      approved_on: approved,
      notice_from: approved,
      notice_to: noticeTo,
      filed_on: filed,
      review_due: status === 'filed' ? nextDue : null,
      refusal_reason: plan.status === 'refused' ? '经入户核实，家庭人均收入高于困难标准。' : null,
      exited_on: exitedOn,
      relapsed_on: relapsedOn,
      assistance_fen: 0,
      created_at: at(applied),
      updated_at: iso,
    });
    for (let m = 0; m < size - 1; m++)
      members.push({
        id: newId(),
        profile_id: id,
        name: `${SURNAMES[(i + m) % 10]}家属${m + 1}`,
        relation: ['配偶', '子女', '父母'][m % 3],
        condition: m === 0 && causeSet.includes('illness') ? '慢性病长期服药' : null,
        monthly_income_fen: m === 0 ? Math.floor(income / 3) : 0,
        sort: m,
      });
    for (const cause of new Set(causeSet)) causes.push({ profile_id: id, cause });
    event(id, applied, 'applied', null, 'applied', i % 4 === 0 ? staff.id : null);
    for (const [k, who] of [staff, chair].slice(0, plan.visits).entries())
      visits.push({
        id: newId(),
        profile_id: id,
        account_id: who.id,
        staff_name: who.display_name,
        visited_on: addDays(applied, 1 + k * 2),
        notes: '入户查看住房与收入情况，与邻居、社区核实。',
        created_at: at(addDays(applied, 1 + k * 2)),
      });
    if (verified) event(id, verified, 'verified', 'applied', 'verified', chair.id);
    if (plan.status === 'refused') event(id, addDays(applied, 6), 'refused', 'verified', 'refused', chair.id);
    if (approved) event(id, approved, 'approved', 'verified', 'notice', chair.id);
    if (plan.objection)
      objections.push({
        id: newId(),
        profile_id: id,
        // Raised anonymously, as a neighbour would: the file shows what was said, not who.
        account_id: null,
        anonymous: 1,
        content: '该户家属另有经营收入，请再核实。',
        raised_on: addDays(today, -1),
        decision: null,
        note: null,
        decided_by: null,
        decided_at: null,
        created_at: iso,
      });
    if (filed) event(id, filed, 'filed', 'notice', 'filed', staff.id);
    if (exitedOn) {
      event(id, exitedOn, 'exited', 'filed', 'exited', staff.id);
      for (const month of [3, 6, 12]) {
        const due = addMonths(exitedOn, month);
        const relapseHere = relapsedOn !== null && month === 3;
        const cancelled = relapsedOn !== null && month > 3;
        const done = !cancelled && due <= today ? addDays(due, i % 2 ? -3 : 2) : null;
        callbacks.push({
          id: newId(),
          profile_id: id,
          month,
          due_date: due,
          done_on: done,
          relapse: relapseHere ? 1 : 0,
          notes: done ? (relapseHere ? '家属再次住院，家庭收入骤降。' : '收入稳定，无返困迹象。') : null,
          cancelled: cancelled ? 1 : 0,
          done_by: done ? staff.id : null,
          created_at: at(exitedOn),
        });
        if (relapseHere) event(id, relapsedOn!, 'relapsed', 'exited', 'filed', staff.id);
      }
    }
    // Assistance while on file: a festival visit each Spring Festival, and relief by tier.
    if (filed) {
      const until = exitedOn && !relapsedOn ? exitedOn : today;
      let total = 0;
      for (let k = 0, d = addDays(filed, 10); d <= until && k < 6; k++, d = addDays(d, 120)) {
        const kind = ASSISTANCE_KINDS[(i + k) % ASSISTANCE_KINDS.length];
        const amount = (kind === 'festival' ? 50_000 : kind === 'medical' ? 300_000 : 150_000) + (i % 4) * 10_000;
        total += amount;
        assistance.push({
          id: newId(),
          profile_id: id,
          org_path: w.org_path,
          kind,
          amount_fen: amount,
          given_on: d,
          fund: FUNDS[k % FUNDS.length],
          delivered_by: k % 2 ? chair.display_name : staff.display_name,
          note: null,
          created_by: staff.id,
          created_at: at(d),
        });
      }
      profiles[profiles.length - 1].assistance_fen = total;
    }
  });

  await insertChunks(db, 'hardship_profiles', profiles, 30);
  await insertChunks(db, 'hardship_members', members);
  await insertChunks(db, 'hardship_causes', causes);
  await insertChunks(db, 'hardship_visits', visits);
  await insertChunks(db, 'hardship_objections', objections);
  await insertChunks(db, 'hardship_reviews', reviews);
  await insertChunks(db, 'hardship_callbacks', callbacks);
  await insertChunks(db, 'hardship_assistance', assistance);
  await insertChunks(db, 'entity_events', events);

  // The households on notice today have their 公示 among the union's transparent notices, as an approval from the file
  // page publishes it; published on the seed's clock, so the notices' chain stays in time order.
  const onNotice = profiles.filter((p) => p.status === 'notice');
  if (!onNotice.length) return;
  const chairActor = await demoActor(db, chair.id);
  const call = (tx: Parameters<typeof writeCallIn>[1]) => writeCallIn(db, tx, chairActor, { ...systemContext(), actor: chairActor }, now);
  for (const { id } of onNotice as { id: string }[])
    await db.transaction().execute(async (tx) => {
      const file = (await loadProfile(tx, id))!;
      await publishPublicityNotice(call(tx), file, { from: file.notice_from!, to: file.notice_to! });
    });
}
