/**
 * Scale-L data for mediation (issue #19): one group with 20 mines × 10 teams, 20 000 workers,
 * 6 mediators and 50 000 cases over two years in every state, with 1–2 claims each, sessions,
 * payments and named mediators — written in bulk, with the columns the service would write.
 * Deterministic (seeded).
 */
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, unionTree, worldRows } from '../world.js';
import type { MediationCaseTable, MediationTables } from '../../server/modules/mediation/index.js';

export const SCALE_L = { mines: 20, teamsPerMine: 10, workers: 20_000, mediators: 6, cases: 50_000 };
const STATUSES = ['performed', 'performed', 'agreed', 'failed', 'withdrawn', 'rejected', 'accepted', 'applied'] as const;
const CLAIMS = ['wagesOwed', 'overtime', 'socialInsurance', 'workInjury', 'dismissal', 'contract'] as const;

export interface Built {
  group: { id: string; path: string };
  teams: { id: string; path: string }[];
  chairAccount: string;
  mediatorAccounts: string[];
  workerAccount: { accountId: string; personId: string };
  caseIds: string[];
}

export async function buildMediationL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(19);
  const w = worldRows();
  const iso = w.iso;
  const { group, teams, workers: persons } = await unionTree(db, w, scale, { prefix: 'B' });
  const chair = w.account('bench.chair');
  const mediators = Array.from({ length: scale.mediators }, (_, i) => w.account(`bench.mediator${i}`));
  const worker = w.account('bench.worker', persons[0]!.id);
  await bulk(db, 'accounts', [chair, ...mediators, worker]);
  await bulk(db, 'role_grants', [
    w.grant(chair.id, 'unionChair', group.id),
    ...mediators.map((m) => w.grant(m.id, 'mediator', group.id)),
    w.grant(worker.id, 'worker', teams[0]!.id),
  ]);

  const cases: MediationCaseTable[] = [];
  const claims: MediationTables['mediation_claims'][] = [];
  const named: MediationTables['mediation_case_mediators'][] = [];
  const sessions: MediationTables['mediation_sessions'][] = [];
  for (let i = 0; i < scale.cases; i++) {
    const p = Math.floor(rng.next() * persons.length);
    const person = persons[p];
    const team = teams[p % teams.length];
    const applied = addDays(today, -Math.floor(rng.next() * 730));
    const status = STATUSES[Math.floor(rng.next() * STATUSES.length)];
    const recent = status === 'applied' || status === 'accepted';
    const appliedDate = recent ? addDays(today, -Math.floor(rng.next() * 20)) : applied;
    const accepted = status === 'applied' || status === 'rejected' ? null : addDays(appliedDate, 2);
    const due = accepted ? addDays(accepted, 15) : null;
    const closed = recent ? null : addDays(appliedDate, 3 + Math.floor(rng.next() * 20));
    const amount = Math.round(rng.next() * 3_000_000);
    const agreed = status === 'agreed' || status === 'performed' ? Math.round(amount * 0.8) : null;
    const id = newId();
    cases.push({
      id,
      code: `TJ${appliedDate.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`,
      org_id: team.id,
      org_path: team.path,
      applicant_person_id: person.id,
      applicant_kind: 'worker',
      group_size: null,
      respondent: `${Math.floor(rng.next() * 20) + 1}号矿`,
      dispute_date: addDays(appliedDate, -20),
      summary: '加班费与社保争议',
      appeal_id: null,
      status,
      applied_at: `${appliedDate}T02:00:00.000Z`,
      applied_date: appliedDate,
      accept_due: addDays(appliedDate, 3),
      accepted_on: accepted,
      extension_days: 0,
      mediation_due: due,
      closed_on: closed,
      outcome_reason: status === 'failed' ? '调解不成' : null,
      claimed_cents: amount,
      agreed_cents: agreed,
      paid_cents: status === 'performed' ? agreed! : 0,
      agreement_terms: agreed !== null ? '一次性支付' : null,
      performance_due: agreed !== null ? addDays(closed!, 15) : null,
      applicant_signed_on: agreed !== null ? closed : null,
      respondent_signer: agreed !== null ? '人力资源部' : null,
      respondent_signed_on: agreed !== null ? closed : null,
      registered_by: null,
      created_at: iso,
      updated_at: iso,
    });
    const n = 1 + Math.floor(rng.next() * 2);
    for (let k = 0; k < n; k++)
      claims.push({
        id: newId(),
        case_id: id,
        type: CLAIMS[Math.floor(rng.next() * CLAIMS.length)],
        description: '请求',
        amount_cents: k === 0 ? amount : null,
        sort: k,
      });
    if (accepted) {
      named.push({ case_id: id, account_id: mediators[i % mediators.length].id });
      sessions.push({
        id: newId(),
        case_id: id,
        date: accepted,
        attendees: '双方',
        applicant_said: '要求补发',
        respondent_said: '核对后答复',
        next_step: null,
        recorded_by: null,
        recorded_by_name: null,
        created_at: iso,
      });
    }
  }
  await bulk(db, 'mediation_cases', cases, 200);
  await bulk(db, 'mediation_claims', claims);
  await bulk(db, 'mediation_case_mediators', named);
  await bulk(db, 'mediation_sessions', sessions);
  return {
    group,
    teams,
    chairAccount: chair.id,
    mediatorAccounts: mediators.map((m) => m.id),
    workerAccount: { accountId: worker.id, personId: persons[0].id },
    caseIds: cases.map((c) => c.id),
  };
}
