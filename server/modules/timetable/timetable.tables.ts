/** Table types of the timetable module (storage conventions of core/db/schema.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface TimetableSlotTable {
  class_id: string;
  weekday: number;
  period: number;
  subject: string;
  teacher_id: string;
  updated_at: string;
}

export interface TimetableTables {
  timetable_slots: TimetableSlotTable;
}

export type TDb = Kysely<DB & TimetableTables>;
export const tdb = (db: Tx): TDb => db as unknown as TDb;
