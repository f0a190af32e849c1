/**
 * Demo wage data: ten years of the group's wage bill by employment category and job family
 * (front line growing faster than management after the first wage agreements), and both sides'
 * proposals in the wage agreement's first round. Bulk inserts only: the demo seed runs in many test worlds.
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { cq } from './contracts.tables.js';

/** [category, job family, heads, average yuan in the first year, yearly growth in per mille]. */
const GROUPS = [
  ['contract', 'frontLine', 5200, 52_000, 75],
  ['contract', 'technical', 900, 68_000, 60],
  ['contract', 'management', 600, 95_000, 45],
  ['dispatched', 'frontLine', 1100, 38_000, 85],
] as const;

export async function seedWageDemo(
  db: Db,
  at: { orgId: string; orgPath: string; contractId: string; roundId: string; lastYear: number; staffId: string; iso: string },
) {
  const rows = [];
  for (let y = 0; y < 10; y++) {
    const year = at.lastYear - 9 + y;
    const localMinimum = 1_400_00 + y * 90_00;
    for (const [category, jobFamily, heads, first, growth] of GROUPS) {
      const averageFen = Math.round(first * 100 * ((1000 + growth) / 1000) ** y);
      rows.push({
        id: newId(),
        org_id: at.orgId,
        org_path: at.orgPath,
        year,
        category,
        job_family: jobFamily,
        headcount: heads + y * 10,
        total_fen: averageFen * (heads + y * 10),
        lowest_monthly_fen: Math.round((averageFen / 12) * 0.55),
        local_minimum_fen: localMinimum,
        imported_by: at.staffId,
        imported_at: at.iso,
      });
    }
  }
  await cq(db).insertInto('contract_wage_rows').values(rows).execute();
  const union = newId();
  const employer = newId();
  await cq(db)
    .insertInto('contract_wage_proposals')
    .values([
      {
        id: union,
        contract_id: at.contractId,
        round_id: at.roundId,
        side: 'union',
        base_year: at.lastYear,
        note: '一线职工增幅不低于9%，其余不低于8%',
        adopted_version: null,
        created_by: at.staffId,
        created_at: at.iso,
      },
      {
        id: employer,
        contract_id: at.contractId,
        round_id: at.roundId,
        side: 'employer',
        base_year: at.lastYear,
        note: '受煤价下行影响，统一增长4%',
        adopted_version: null,
        created_by: at.staffId,
        created_at: at.iso,
      },
    ])
    .execute();
  await cq(db)
    .insertInto('contract_wage_items')
    .values([
      { proposal_id: union, seq: 1, category: null, job_family: 'frontLine', raise_bp: 900 },
      { proposal_id: union, seq: 2, category: null, job_family: 'technical', raise_bp: 800 },
      { proposal_id: union, seq: 3, category: null, job_family: 'management', raise_bp: 800 },
      { proposal_id: employer, seq: 1, category: null, job_family: 'frontLine', raise_bp: 400 },
      { proposal_id: employer, seq: 2, category: null, job_family: 'technical', raise_bp: 400 },
      { proposal_id: employer, seq: 3, category: null, job_family: 'management', raise_bp: 400 },
    ])
    .execute();
}
