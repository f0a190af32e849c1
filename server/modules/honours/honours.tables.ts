import type { Kysely } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';

export interface HonourTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  name: string;
  year: number;
  criteria: string;
  /** JSON HonourCriterion[] (common/honours.ts). */
  criteria_items: string;
  pass_score: number | null;
  competition_id: string | null;
  created_at: string;
  updated_at: string;
}
export interface NominationTable {
  id: string;
  honour_id: string;
  year: number;
  unit_id: string;
  unit_path: string;
  team_id: string;
  record: string;
  nominated_by: string;
  status: string;
  nominated_on: string;
  checked_at: string | null;
  /** JSON Assessment (common/honours.ts): the union review's points and requirements met. */
  assessment: string | null;
  assessment_total: number | null;
  assessed_by: string | null;
  assessed_at: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}
export interface HonoursTables {
  honours: HonourTable;
  honour_nominations: NominationTable;
  honour_findings: { nomination_id: string; reason: string; evidence: string };
  honour_safety_accidents: {
    id: string;
    org_id: string;
    org_path: string;
    occurred_on: string;
    severity: string;
    description: string;
    recorded_by: string;
    created_at: string;
  };
  competitions: {
    id: string;
    org_id: string;
    org_path: string;
    name: string;
    starts_on: string;
    ends_on: string;
    status: string;
    created_at: string;
    updated_at: string;
  };
  competition_teams: { competition_id: string; team_id: string };
  competition_measures: { id: string; competition_id: string; seq: number; name: string; unit: string; weight: number };
  competition_scores: { competition_id: string; team_id: string; measure_id: string; period: string; value: number; entered_by: string; entered_at: string };
}
export const hq = (db: Db | Tx) => db as unknown as Kysely<DB & HonoursTables>;
