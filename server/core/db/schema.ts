/**
 * Table types for Kysely. One shape for both engines: ids are UUIDv7 text, times are
 * ISO-8601 UTC text (sortable as strings), dates are 'YYYY-MM-DD' text, flags are 0/1
 * integers and structured data is JSON text. Keeping the storage types identical is what
 * lets every query run unchanged on SQLite and PostgreSQL.
 */
import type { ColumnType } from 'kysely';

export interface OrgTable {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids, '/root/…/self/'. Subtree = range scan on this column. */
  path: string;
  depth: number;
  kind: string;
  name: string;
  code: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  org_id: string;
  kind: string;
  name: string;
  gender: string | null;
  employee_no: string | null;
  employment_category: string | null;
  position: string | null;
  union_member: number;
  phone: string | null;
  id_number: string | null;
  birth_date: string | null;
  subject: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface GuardianLinkTable {
  guardian_id: string;
  student_id: string;
  relation: string;
  created_at: string;
}

export interface ClassTeacherTable {
  class_id: string;
  teacher_id: string;
  duty: string; // 'head' | 'subject'
  subject: string | null;
  created_at: string;
}

export interface AccountTable {
  id: string;
  username: string;
  phone: string | null;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  locale: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: string;
  /** null = the whole deployment (system admin). */
  org_id: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: string | null;
  changes: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface CalendarOverrideTable {
  id: string;
  /** null = applies everywhere; otherwise to that org's subtree. */
  org_id: string | null;
  date: string;
  working: number;
  note: string;
  created_at: string;
}

export interface CalendarNoticeTable {
  year: number;
  /** JSON: the parsed days, [{ date, working, name }]. */
  days: string;
  /** The notice as the admin pasted it. */
  text: string;
  imported_by: string;
  imported_at: string;
}

export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface WebhookTable {
  id: string;
  org_id: string;
  flavor: string; // 'wecom' | 'dingtalk'
  url: string;
  enabled: number;
  created_at: string;
  /** DingTalk 加签 secret, sealed (core/secrets.ts); never returned by the API. */
  secret_sealed?: string | null;
  /** DingTalk 关键词: every message to this robot carries it. */
  keyword?: string | null;
  /** JSON array of notice kinds this robot receives; null = all. */
  events?: string | null;
}

export interface OutboxTable {
  id: string;
  webhook_id: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
  /** When the last attempt started (the per-URL sliding minute counts these). */
  last_attempt_at?: string | null;
}

export interface JobRunTable {
  job: string;
  tick: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  account_id: string;
  route: string;
  status: number;
  body: string;
  created_at: string;
}

export interface ImportBatchTable {
  id: string;
  account_id: string;
  org_id: string;
  kind: string;
  file_name: string;
  status: string; // preview | importing | done | failed | cancelled
  total_rows: number;
  processed_rows: number;
  rows: string;
  errors: string;
  created_at: string;
  finished_at: string | null;
}

export interface LoginAttemptTable {
  /** 'a:' + account id, or 'n:' + hash of a login name no account has: both are treated alike. */
  subject: string;
  /** Client address, or '*' for the count across all addresses. */
  ip: string;
  failed: number;
  locked_until: string | null;
  last_failed_at: string | null;
  /** 1 once the owner signed in from this address: the global back-off never slows it. */
  trusted: number;
  updated_at: string;
}

/** One step of an entity's timeline (core/workflow). */
export interface EntityEventTable {
  id: string;
  /** '<module>.<entity>', e.g. 'congress.proposal'. */
  kind: string;
  entity_id: string;
  event: string;
  from_status: string | null;
  to_status: string | null;
  /** null for an anonymous author's act. */
  actor_account_id: string | null;
  /** JSON shown in the timeline. */
  data: string | null;
  at: string;
  /** Free text shown with the step (an answer, a reason). */
  note: string | null;
  /** 1: shown to the record's handlers only, never to its author (supervision, a missed deadline). */
  internal: ColumnType<number, number | undefined, number>;
  /** The role the actor acted in ('author' | 'staff' | 'handler' | 'system'): the author's view shows it instead of a name. */
  actor_role: string | null;
}

/** A notice key sent once (core/notify/once.ts). */
export interface NoticeClaimTable {
  key: string;
  at: string;
}

/** An uploaded file (core/files); owner null until a module's write claims it. */
export interface FileTable {
  id: string;
  /** '<module>.<entity>' of the record that claimed it. */
  owner_kind: string | null;
  owner_id: string | null;
  uploader_account_id: string | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: string;
  claimed_at: string | null;
  /** When its record let it go; 'core.filesSweep' removes it and its bytes. */
  released_at: string | null;
}

export interface DB {
  orgs: OrgTable;
  persons: PersonTable;
  guardian_links: GuardianLinkTable;
  class_teachers: ClassTeacherTable;
  accounts: AccountTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_notices: CalendarNoticeTable;
  notifications: NotificationTable;
  webhooks: WebhookTable;
  webhook_outbox: OutboxTable;
  job_runs: JobRunTable;
  idempotency_keys: IdempotencyKeyTable;
  import_batches: ImportBatchTable;
  login_attempts: LoginAttemptTable;
  entity_events: EntityEventTable;
  notice_claims: NoticeClaimTable;
  files: FileTable;
  kv: { key: string; value: string; updated_at: string };
}
