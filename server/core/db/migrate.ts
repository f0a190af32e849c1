import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as core0001 from './migrations/20261124_0001_core.js';
import * as core0002 from './migrations/20261124_0002_people.js';
import * as core0003 from './migrations/20261124_0003_calendar_notices.js';
import * as core0004 from './migrations/20261206_0001_login_attempts.js';
import * as core0005 from './migrations/20261206_1530_core_entity_events.js';
import * as coreDecidedItems from './migrations/20261206_1530_core_decided_items.js';
import * as core0006 from './migrations/20261206_1600_core_files.js';
import * as coreWebhookRobots from './migrations/20261206_1600_core_webhook_robots.js';
import * as coreDecidedBoard from './migrations/20261206_2200_core_decided_board.js';
import * as coreDecidedFigures from './migrations/20261207_2100_core_decided_figures.js';
import * as coreFilesReleased from './migrations/20261208_1100_core_files_released.js';
import * as coreEventNotes from './migrations/20261208_1150_core_entity_events_notes.js';

export const coreMigrations: Record<string, Migration> = {
  '20261124_0001_core': core0001,
  '20261124_0002_people': core0002,
  '20261124_0003_calendar_notices': core0003,
  '20261206_0001_login_attempts': core0004,
  '20261206_1530_core_entity_events': core0005,
  '20261206_1530_core_decided_items': coreDecidedItems,
  '20261206_1600_core_files': core0006,
  '20261206_1600_core_webhook_robots': coreWebhookRobots,
  '20261206_2200_core_decided_board': coreDecidedBoard,
  '20261207_2100_core_decided_figures': coreDecidedFigures,
  '20261208_1100_core_files_released': coreFilesReleased,
  '20261208_1150_core_entity_events_notes': coreEventNotes,
};

/** Migrations of core and of every module, applied in name (timestamp) order. */
export async function migrateToLatest(db: Db, moduleMigrations: Record<string, Migration> = {}): Promise<string[]> {
  const all = { ...coreMigrations, ...moduleMigrations };
  const provider: MigrationProvider = { getMigrations: async () => all };
  // Core tables sort before every module's (a module migration may read them, as the appeals
  // backfill reads the calendar); a database made before one was added still gets it.
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'xq_migrations',
    migrationLockTableName: 'xq_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
