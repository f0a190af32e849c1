/**
 * Scale-L data for contracts (issue #18: 2 000 contracts over 10 years in 24 mines and the group, 80 000 clauses,
 * 400 000 checkpoints): each org has 80 contracts — collective (3 years), wage (1 year), special (2 years) — whose
 * terms run across the ten years, the newest still in force; 40 promise clauses each, owned by one of the org's six
 * departments, with five checkpoints a clause spread over the term (past ones honoured, partly or not, the rest not
 * yet due). Written in bulk with the columns the services write. The appeals citing clauses are written too (what the
 * clause board and the inspection report read of appeals): 0–6 per clause in force, some in the last 30 days, a few
 * under a standing group alert; the world's other appeals, which cite nothing, are never read by them (they reach
 * appeals by primary key only). Deterministic (seeded).
 */
import { CLAUSE_CATEGORIES } from '../../common/contracts.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import type { Db } from '../../server/core/db/database.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, worldRows } from '../world.js';
import { refreshLastStatus } from '../../server/modules/contracts/index.js';

export const SCALE_L = { mines: 24, contractsPerOrg: 80, clauses: 40, checkpoints: 5 };
const KINDS = [
  ['collective', 3],
  ['wage', 1],
  ['special', 2],
] as const;

export interface Built {
  chairAccount: string;
  groupId: string;
  mineIds: string[];
  /** Contracts in force today, for the board and the inspection report. */
  inForce: string[];
  /** Appeals citing a clause (each cites one). */
  citations: number;
}

export async function buildContractsL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(18);
  const w = worldRows();
  const iso = w.iso;
  const group = w.org('基准煤业集团', 'group', null);
  const mines = Array.from({ length: scale.mines }, (_, i) => w.org(`${i + 1}号矿`, 'mine', group));
  const depts = new Map([group, ...mines].map((o) => [o.id, Array.from({ length: 6 }, (_, i) => w.org(`${o.name}部门${i + 1}`, 'department', o))]));
  await bulk(db, 'orgs', [group, ...mines, ...[...depts.values()].flat()]);
  const chair = w.account('bench.chair');
  await bulk(db, 'accounts', [chair]);
  await bulk(db, 'role_grants', [w.grant(chair.id, 'unionChair', group.id)]);

  const inForce: string[] = [];
  const citable: { id: string; contractId: string; orgId: string }[] = [];
  const firstDay = addDays(today, -3650);
  for (const o of [group, ...mines]) {
    const contracts = [];
    const clauses = [];
    const checkpoints = [];
    for (let k = 0; k < scale.contractsPerOrg; k++) {
      const [kind, years] = KINDS[k % KINDS.length];
      // Spread the starts over the ten years so that the last of each kind is still running today.
      const startsOn = addDays(firstDay, Math.floor((k / scale.contractsPerOrg) * 3650) - (years - 1) * 365 + 365);
      const endsOn = addDays(startsOn, 365 * years - 1);
      const requestDate = addDays(startsOn, -90);
      const id = newId();
      if (startsOn <= today && endsOn >= today) inForce.push(id);
      contracts.push({
        id,
        org_id: o.id,
        org_path: o.path,
        kind,
        title: `${o.name}${kind === 'wage' ? '工资专项集体合同' : kind === 'special' ? '专项集体合同' : '集体合同'}（${startsOn.slice(0, 4)}）`,
        status: 'published',
        predecessor_id: null,
        requested_by: 'union',
        request_date: requestDate,
        reply_due: addDays(requestDate, 20),
        replied_date: addDays(requestDate, rng.int(5, 25)),
        term_years: years,
        current_version: 1,
        review_mode: 'congress',
        congress_vote_id: null,
        vote_eligible: 100,
        vote_for: 80,
        vote_against: 10,
        vote_abstain: 10,
        signed_date: addDays(startsOn, -40),
        filing_due: addDays(startsOn, -30),
        received_date: addDays(startsOn, -32),
        objection_due: addDays(startsOn, -17),
        effective_date: addDays(startsOn, -17),
        published_date: addDays(startsOn, -10),
        starts_on: startsOn,
        ends_on: endsOn,
        created_at: iso,
        updated_at: iso,
      });
      const owners = depts.get(o.id)!;
      for (let n = 1; n <= scale.clauses; n++) {
        const clauseId = newId();
        const category = CLAUSE_CATEGORIES[n % CLAUSE_CATEGORIES.length];
        clauses.push({
          id: clauseId,
          contract_id: id,
          version: 1,
          chapter: `第${Math.ceil(n / 5)}章`,
          number: n,
          category,
          text: `第${n}条 承诺事项${'内容'.repeat(10)}`,
          promise: 1,
          owner_org_id: owners[n % owners.length].id,
          decided_item_id: null,
        });
        if (startsOn <= today && endsOn >= today) citable.push({ id: clauseId, contractId: id, orgId: o.id });
        for (let c = 0; c < scale.checkpoints; c++) {
          const due = addDays(startsOn, Math.floor(((c + 1) * 365 * years) / (scale.checkpoints + 1)));
          const past = due <= today;
          const status = !past
            ? 'notDue'
            : rng.pick(['honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'partly', 'notHonoured'] as const);
          checkpoints.push({
            id: newId(),
            clause_id: clauseId,
            contract_id: id,
            due_date: due,
            method: '年度履约检查',
            evidence_required: '台账',
            status,
            finding: status === 'notHonoured' ? '未按约定履行' : null,
            checked_date: past ? due : null,
            checked_by: past ? chair.id : null,
            created_at: iso,
            updated_at: iso,
          });
        }
      }
    }
    await bulk(db, 'contracts', contracts, 50);
    await bulk(
      db,
      'contract_versions',
      contracts.map((c) => ({ contract_id: c.id, version: 1, note: '定稿', created_by: chair.id, created_at: iso })),
    );
    await bulk(db, 'contract_clauses', clauses);
    await bulk(db, 'contract_checkpoints', checkpoints);
    // Each clause's last finding, as recordCheck stores it (the board's rule: latest due date, then id).
    await refreshLastStatus(
      db,
      clauses.map((c) => c.id),
    );
  }
  const citations = await citingAppeals(db, citable, today, rng, iso);
  return { chairAccount: chair.id, groupId: group.id, mineIds: mines.map((m) => m.id), inForce, citations };
}

/**
 * Appeals citing the clauses in force, as an appeal's citation stores them: 0–6 a clause (≈ 36 000 at L), a third of them
 * in the last 30 days, 15 % anonymous; every twentieth clause's recent appeals stand under an open group alert.
 */
async function citingAppeals(db: Db, clauses: { id: string; contractId: string; orgId: string }[], today: string, rng: Rng, iso: string) {
  const appeals = [];
  const cites = [];
  const alerts = [];
  let n = 0;
  for (const [i, cl] of clauses.entries()) {
    const alertId = i % 20 === 0 ? newId() : null;
    if (alertId)
      alerts.push({
        id: alertId,
        unit_id: cl.orgId,
        category: 'wages',
        status: 'open',
        worker_count: 5,
        appeal_count: 5,
        keywords: '[]',
        raised_at: `${addDays(today, -3)}T02:00:00.000Z`,
        updated_at: iso,
      });
    for (let k = rng.int(0, 6); k > 0; k--) {
      const date = addDays(today, -(k % 3 === 0 ? rng.int(0, 29) : rng.int(30, 700)));
      const id = newId();
      appeals.push({
        id,
        code: `BC${String(++n).padStart(7, '0')}`,
        org_id: cl.orgId,
        unit_id: cl.orgId,
        anonymous: rng.int(0, 99) < 15 ? 1 : 0,
        channel: 'online',
        category: 'wages',
        nature: 'request',
        urgency: 'general',
        title: '合同条款未落实',
        description: '引用集体合同条款的诉求',
        status: 'submitted',
        submitted_at: `${date}T02:00:00.000Z`,
        submitted_date: date,
        accept_due_date: addDays(date, 3),
        group_alert_id: alertId && date >= addDays(today, -29) ? alertId : null,
        created_at: iso,
        updated_at: iso,
      });
      cites.push({ clause_id: cl.id, appeal_id: id, contract_id: cl.contractId, appeal_date: date, cited_by: null, cited_at: iso });
    }
  }
  await bulk(db, 'appeal_group_alerts', alerts);
  await bulk(db, 'appeals', appeals);
  await bulk(db, 'contract_clause_citations', cites);
  return cites.length;
}
