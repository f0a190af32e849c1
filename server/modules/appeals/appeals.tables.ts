/**
 * Table types of the appeals module, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, 0/1 flags, JSON as text).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface AppealTable {
  id: string;
  code: string;
  org_id: string;
  /** The org's path, kept by triggers when omitted or when the org moves (the 20261206_2300_appeals_org_path migration). */
  org_path?: string | null;
  unit_id: string;
  department_id: string | null;
  author_account_id: string | null;
  author_person_id: string | null;
  author_category: string | null;
  anonymous: number;
  channel: string;
  registered_by: string | null;
  category: string;
  nature: string;
  urgency: string;
  title: string;
  description: string;
  status: string;
  submitted_at: string;
  submitted_date: string;
  accept_due_date: string;
  accepted_at: string | null;
  /** Working time from submission to acceptance in tenths of an hour (author org's calendar), recorded at acceptance. */
  accept_work_tenths: number | null;
  due_date: string | null;
  current_due: string | null;
  overdue_at: string | null;
  late: number;
  answer: string | null;
  answered_at: string | null;
  first_answered_at: string | null;
  /** The department that gave the first answer (null: union staff answered); kept through reopens and reassignments. */
  first_answer_department_id: string | null;
  /** Whether the latest answer came after the end of its round's deadline day (null: never answered); migration 20261207_1210. */
  last_answer_late: number | null;
  answered_by: string | null;
  decline_reason: string | null;
  closed_at: string | null;
  rating: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  /** The department whose answer the latest rating rated (null: union staff's answer). */
  rated_department_id: string | null;
  reopen_count: number;
  master_id: string | null;
  affected_workers: number;
  group_alert_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * An appeal's timeline lives in core's `entity_events` under this kind (core/workflow), with
 * `actor_role` 'author' | 'staff' | 'handler' | 'system' — what the worker's view shows instead of a name.
 */
export const APPEAL_ENTITY = 'appeals.appeal';

export interface AppealExtensionTable {
  id: string;
  appeal_id: string;
  requested_by: string;
  requested_at: string;
  days: number;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  old_due_date: string;
  new_due_date: string | null;
}

export interface AppealRatingTable {
  id: string;
  appeal_id: string;
  round: number;
  rating: string;
  comment: string | null;
  reopened: number;
  at: string;
}

export interface AppealReminderTable {
  appeal_id: string;
  kind: string;
  due_date: string;
  sent_at: string;
}

export interface AppealDeadlineRuleTable {
  org_id: string;
  category: string;
  urgency: string;
  accept_days: number;
  consultation_days: number;
  request_days: number;
  updated_at: string;
}

export interface AppealSettingsTable {
  org_id: string;
  reopen_limit: number | null;
  group_min_workers: number | null;
  group_window_days: number | null;
  group_threshold_pct: number | null;
  chair_may_reveal: number | null;
  updated_at: string;
}

export interface AppealSignatureTable {
  appeal_id: string;
  unit_id: string;
  category: string;
  submitted_at: string;
  author_key: string;
  tokens: string;
  group_alert_id: string | null;
  settled: number;
}

export interface AppealGroupAlertTable {
  id: string;
  unit_id: string;
  category: string;
  status: string;
  worker_count: number;
  appeal_count: number;
  keywords: string;
  raised_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  answer: string | null;
  answered_at: string | null;
  updated_at: string;
}

/** Counts per month × unit × category × department × employment category, kept by triggers ('' = none). */
export interface AppealCellTable {
  month: string;
  unit_id: string;
  category: string;
  department_id: string;
  author_category: string;
  /** Every appeal, merged ones included. */
  total: number;
  submitted: number;
  accepted: number;
  done: number;
  done_on_time: number;
  rated: number;
  satisfied: number;
  answered: number;
  reopened: number;
  open: number;
  /** Migration 20261207_0900: status closed, closed never late, accepted on time (case); 满意 alone (rating). */
  closed: number;
  closed_on_time: number;
  accepted_on_time: number;
  fully_satisfied: number;
  /** Migration 20261207_1210 (case): answered or closed, and closed, with the latest answer on time — a department's own round. */
  done_last_on_time: number;
  closed_last_on_time: number;
}

/** Accepted, not merged appeals per month × unit × working tenths of an hour to acceptance. */
export interface AppealAcceptanceCellTable {
  month: string;
  unit_id: string;
  tenths: number;
  n: number;
}

export interface AppealsTables {
  appeals: AppealTable;
  appeal_citations: { appeal_id: string; article_id: string; kind: string; created_at: string };
  appeal_extensions: AppealExtensionTable;
  appeal_ratings: AppealRatingTable;
  appeal_reminders: AppealReminderTable;
  appeal_deadline_rules: AppealDeadlineRuleTable;
  appeal_settings: AppealSettingsTable;
  appeal_signatures: AppealSignatureTable;
  appeal_signature_keys: { unit_id: string; category: string; key: string; submitted_at: string; appeal_id: string };
  appeal_group_alerts: AppealGroupAlertTable;
  appeal_counters: { day: string; n: number };
  appeal_cells: AppealCellTable;
  appeal_cells_by_category: Omit<AppealCellTable, 'department_id' | 'author_category'>;
  appeal_cells_by_department: Omit<AppealCellTable, 'category' | 'author_category'>;
  appeal_acceptance_cells: AppealAcceptanceCellTable;
  appeal_acceptance_hours: { month: string; unit_id: string; hours: number; n: number };
}

export type ADb = Kysely<DB & AppealsTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const adb = (db: Tx): ADb => db as unknown as ADb;
