/**
 * Scale-L data for hardship (issue #19): one group with 20 mines × 10 teams, 20 000 workers and
 * 20 000 household files in every state and tier, with causes, members, reviews, callbacks and
 * 200 000 assistance records — written in bulk, with the columns the services would write.
 * Deterministic (seeded).
 */
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, unionTree, worldRows } from '../world.js';
import type { HardshipProfileTable, HardshipTables } from '../../server/modules/hardship/index.js';

export const SCALE_L = { mines: 20, teamsPerMine: 10, files: 20_000, assistance: 200_000 };
const STATUSES = ['filed', 'filed', 'filed', 'filed', 'exited', 'exited', 'refused', 'notice', 'verified', 'applied'] as const;
const TIERS = ['deep', 'relative', 'sudden'] as const;
const CAUSES = ['illness', 'disability', 'injury', 'accident', 'schooling', 'unemployedSpouse', 'disaster'] as const;
const KINDS = ['living', 'medical', 'schooling', 'festival', 'employment'] as const;

export interface Built {
  group: { id: string; path: string };
  teams: { id: string; path: string }[];
  chairAccount: string;
  workerAccount: { accountId: string; personId: string };
  fileIds: string[];
}

export async function buildHardshipL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(20);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)];
  const w = worldRows();
  const iso = w.iso;
  const { group, teams, workers: persons } = await unionTree(db, w, { ...scale, workers: scale.files }, { prefix: 'H' });
  const chair = w.account('bench.chair');
  const worker = w.account('bench.worker', persons[0]!.id);
  await bulk(db, 'accounts', [chair, worker]);
  await bulk(db, 'role_grants', [w.grant(chair.id, 'unionChair', group.id), w.grant(worker.id, 'worker', teams[0]!.id)]);

  const files: HardshipProfileTable[] = [];
  const causes: HardshipTables['hardship_causes'][] = [];
  const reviews: HardshipTables['hardship_reviews'][] = [];
  const callbacks: HardshipTables['hardship_callbacks'][] = [];
  for (let i = 0; i < scale.files; i++) {
    const person = persons[i];
    const team = teams[i % teams.length];
    const status = pick(STATUSES);
    const applied = addDays(today, -Math.floor(rng.next() * 1460));
    const filed = status === 'filed' || status === 'exited' ? addDays(applied, 14) : null;
    const exited = status === 'exited' ? addDays(filed!, 200 + Math.floor(rng.next() * 300)) : null;
    const id = newId();
    const head = 40_000 + Math.floor(rng.next() * 100_000);
    files.push({
      id,
      code: `BF${applied.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`,
      org_id: team.id,
      org_path: team.path,
      worker_person_id: person.id,
      locality: '本市',
      year: Number(applied.slice(0, 4)),
      household_size: 3,
      household_income_fen: head * 3,
      income_per_head_fen: head,
      tier: status === 'refused' ? null : pick(TIERS),
      situation: '家属患病',
      status,
      applied_at: `${applied}T02:00:00.000Z`,
      applied_date: applied,
      registered_by: null,
      verified_on: status === 'applied' ? null : addDays(applied, 3),
      approved_on: filed ? addDays(applied, 5) : null,
      notice_from: filed ? addDays(applied, 5) : null,
      notice_to: filed ? addDays(applied, 12) : null,
      filed_on: filed,
      review_due: status === 'filed' ? addDays(filed!, 365) : null,
      refusal_reason: status === 'refused' ? '收入超标' : null,
      exited_on: exited,
      relapsed_on: exited && rng.next() < 0.1 ? addDays(exited, 90) : null,
      assistance_fen: 0,
      created_at: iso,
      updated_at: iso,
    });
    causes.push({ profile_id: id, cause: pick(CAUSES) });
    if (filed)
      reviews.push({
        id: newId(),
        profile_id: id,
        due_date: addDays(filed, 365),
        reviewed_on: rng.next() < 0.8 ? addDays(filed, 360) : null,
        outcome: 'continue',
        tier: null,
        notes: null,
        cancelled: 0,
        reviewed_by: null,
        created_at: iso,
      });
    if (exited)
      for (const [k, m] of [3, 6, 12].entries())
        callbacks.push({
          id: newId(),
          profile_id: id,
          month: m,
          due_date: addDays(exited, 91 * (k + 1) + (m === 12 ? 91 : 0)),
          done_on: rng.next() < 0.7 ? addDays(exited, 90 * (k + 1)) : null,
          relapse: 0,
          notes: null,
          cancelled: 0,
          done_by: null,
          created_at: iso,
        });
  }
  const assisted = files.filter((f) => f.filed_on);
  const assistance: HardshipTables['hardship_assistance'][] = [];
  for (let i = 0; i < scale.assistance; i++) {
    const f = assisted[i % assisted.length];
    const amount = 20_000 + Math.floor(rng.next() * 300_000);
    f.assistance_fen += amount;
    assistance.push({
      id: newId(),
      profile_id: f.id,
      org_path: f.org_path,
      kind: pick(KINDS),
      amount_fen: amount,
      given_on: addDays(f.filed_on!, Math.floor(rng.next() * 700)),
      fund: pick(['工会帮扶资金', '送温暖专项资金', '金秋助学资金']),
      delivered_by: '工会',
      note: null,
      created_by: null,
      created_at: iso,
    });
  }
  await bulk(db, 'hardship_profiles', files, 100);
  await bulk(db, 'hardship_causes', causes, 500);
  await bulk(db, 'hardship_reviews', reviews, 300);
  await bulk(db, 'hardship_callbacks', callbacks, 300);
  await bulk(db, 'hardship_assistance', assistance, 250);
  return { group, teams, chairAccount: chair.id, workerAccount: { accountId: worker.id, personId: persons[0].id }, fileIds: files.map((f) => f.id) };
}
