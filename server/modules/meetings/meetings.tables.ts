import type { Kysely } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';

export interface MeetingSeriesTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  name: string;
  created_at: string;
  updated_at: string;
}
export interface MeetingTable {
  id: string;
  series_id: string;
  org_id: string;
  org_path: string;
  kind: string;
  title: string;
  planned_date: string;
  held_date: string | null;
  location: string | null;
  status: string;
  minutes: string | null;
  published_org_id: string | null;
  published_org_path: string | null;
  created_at: string;
  updated_at: string;
}
export interface MeetingAgendaItemTable {
  id: string;
  meeting_id: string;
  seq: number;
  title: string;
  presenter_account_id: string | null;
  minutes: string | null;
  carry_over: number;
  /** A worker's appeal the item studies (its outcome goes back to the appeal's timeline). */
  appeal_id: string | null;
  /** Planned duration in minutes (null: not planned). */
  planned_minutes: number | null;
  /** An adopted congress proposal the item takes up (its timeline shows the meeting). */
  proposal_id: string | null;
}
export interface MeetingAttendeeTable {
  meeting_id: string;
  account_id: string;
  signed_in_at: string | null;
  absence_reason: string | null;
}
export interface MeetingTables {
  meeting_series: MeetingSeriesTable;
  meetings: MeetingTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  meeting_attendees: MeetingAttendeeTable;
}
export const mq = (db: Tx) => db as unknown as Kysely<DB & MeetingTables>;
