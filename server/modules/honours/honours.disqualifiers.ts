/**
 * The disqualifiers (一票否决) the union checks automatically from records the platform already
 * holds, one small function each behind one list. Each returns null when the unit is clear, or
 * the evidence found (possibly none, for an absence such as no congress or no collective contract).
 */
import type { DisqualifierReason } from '../../../common/honours.js';
import type { Finding } from '../../../common/schemas/honours.js';
import type { Db, Tx } from '../../core/db/database.js';
import { pathUnder } from '../../core/rbac/scope-sql.js';
import { arrearsAppealsIn, confirmedGroupAlertsIn } from '../appeals/index.js';
import { termsCovering } from '../congress/index.js';
import { collectiveContractsCovering } from '../contracts/index.js';
import { arrearsCasesIn } from '../mediation/index.js';
import { hq } from './honours.tables.js';

/** The unit a nomination is checked against, and the day of the check ('YYYY-MM-DD'). */
export interface CheckSubject {
  unitPath: string;
  today: string;
}
type Evidence = Finding['evidence'];
interface Disqualifier {
  reason: DisqualifierReason;
  check(db: Db | Tx, s: CheckSubject): Promise<Evidence | null>;
}

const yearsBefore = (today: string, years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
const nonEmpty = (e: Evidence) => (e.length ? e : null);

const arrearsAppeal: Disqualifier = {
  reason: 'arrearsAppeal',
  check: async (db, s) =>
    nonEmpty(
      (await arrearsAppealsIn(db, s.unitPath, yearsBefore(s.today, 1))).map((a) => ({
        kind: 'appeal',
        id: a.id,
        label: `${a.code} ${a.title}`,
        date: a.submitted_date,
      })),
    ),
};

const arrearsMediation: Disqualifier = {
  reason: 'arrearsMediation',
  check: async (db, s) =>
    nonEmpty(
      (await arrearsCasesIn(db, s.unitPath, yearsBefore(s.today, 1))).map((c) => ({ kind: 'mediationCase', id: c.id, label: c.code, date: c.applied_date })),
    ),
};

const noCongress: Disqualifier = {
  reason: 'noCongress',
  check: async (db, s) => ((await termsCovering(db, s.unitPath, s.today)).length ? null : []),
};

const noCollectiveContract: Disqualifier = {
  reason: 'noCollectiveContract',
  check: async (db, s) => ((await collectiveContractsCovering(db, s.unitPath, s.today)).length ? null : []),
};

const groupIncident: Disqualifier = {
  reason: 'groupIncident',
  check: async (db, s) =>
    nonEmpty(
      (await confirmedGroupAlertsIn(db, s.unitPath, `${yearsBefore(s.today, 3)}T00:00:00.000Z`)).map((g) => ({
        kind: 'groupAlert',
        id: g.id,
        label: `${g.keywords}（${g.worker_count}人）`,
        date: g.raised_at.slice(0, 10),
      })),
    ),
};

const safetyAccident: Disqualifier = {
  reason: 'safetyAccident',
  check: async (db, s) => {
    const rows = await hq(db)
      .selectFrom('honour_safety_accidents as a')
      .select(['a.id', 'a.description', 'a.occurred_on'])
      .where((eb) => pathUnder(eb, 'a.org_path', s.unitPath))
      .where('a.occurred_on', '>', yearsBefore(s.today, 3))
      .where('a.occurred_on', '<=', s.today)
      .orderBy('a.occurred_on', 'desc')
      .limit(20)
      .execute();
    return nonEmpty(rows.map((a) => ({ kind: 'safetyAccident', id: a.id, label: a.description.slice(0, 60), date: a.occurred_on })));
  },
};

export const DISQUALIFIERS: readonly Disqualifier[] = [arrearsAppeal, arrearsMediation, noCongress, noCollectiveContract, groupIncident, safetyAccident];

/** Every disqualifier found for the unit, with its evidence. */
export async function checkDisqualifiers(db: Db | Tx, s: CheckSubject): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const d of DISQUALIFIERS) {
    const evidence = await d.check(db, s);
    if (evidence) found.push({ reason: d.reason, evidence });
  }
  return found;
}
