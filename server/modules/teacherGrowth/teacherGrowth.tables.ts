/** Table types of teacherGrowth, in the storage conventions of core/db/schema.ts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Db, Tx } from '../../core/db/database.js';

export interface GrowthPlanTable {
  id: string;
  teacher_id: string;
  school_id: string;
  school_path: string;
  tier: string;
  title: string;
  vision: string;
  start_year: number;
  current_year: number;
  status: string;
  review_comment: string | null;
  activated_on: string | null;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface GrowthEvidenceTable {
  id: string;
  teacher_id: string;
  school_path: string;
  plan_id: string | null;
  goal_id: string | null;
  duty: string | null;
  kind: string;
  title: string;
  note: string | null;
  date: string;
  rubric: string | null;
  rubric_id: string | null;
  score: number | null;
  rubric_met: number | null;
  observer_id: string | null;
  activity_id: string | null;
  created_by: string;
  created_at: string;
}

export interface GrowthRubricTable {
  id: string;
  school_id: string;
  version: number;
  title: string;
  scale_max: number;
  pass_mark: number;
  /** JSON of RubricItem[]. */
  items: string;
  created_by: string;
  created_at: string;
}

export interface GrowthTables {
  growth_rubrics: GrowthRubricTable;
  growth_tiers: { school_id: string; tier: string; definition: string; updated_at: string };
  growth_placements: { teacher_id: string; school_id: string; school_path: string; tier: string; milestone: string | null; since: string; updated_at: string };
  growth_plans: GrowthPlanTable;
  growth_goals: {
    id: string;
    plan_id: string;
    year: number;
    area: string;
    title: string;
    measure: string | null;
    weight: number;
    done_on: string | null;
    sort: number;
  };
  growth_year_reviews: {
    plan_id: string;
    year: number;
    reflection: string;
    rating: string | null;
    comment: string | null;
    reviewer_account_id: string | null;
    reviewed_at: string | null;
  };
  growth_evidence: GrowthEvidenceTable;
  growth_mentorships: {
    id: string;
    school_id: string;
    school_path: string;
    mentor_id: string;
    mentee_id: string;
    started_on: string;
    ended_on: string | null;
    created_at: string;
  };
  growth_promotions: {
    id: string;
    teacher_id: string;
    school_id: string;
    school_path: string;
    from_tier: string;
    to_tier: string;
    reason: string;
    status: string;
    proposed_by: string;
    proposed_at: string;
    decided_by: string | null;
    decided_on: string | null;
    decision_note: string | null;
    updated_at: string;
  };
  growth_activities: {
    id: string;
    school_id: string;
    school_path: string;
    kind: string;
    title: string;
    date: string;
    tier: string | null;
    results_on: string | null;
    created_at: string;
  };
  growth_activity_entries: {
    activity_id: string;
    teacher_id: string;
    signed_up_at: string | null;
    attended: number | null;
    result: string | null;
    evidence_id: string | null;
  };
}

export type GDb = Kysely<DB & GrowthTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const gdb = (db: Db | Tx): GDb => db as unknown as GDb;
