/**
 * CLI commands beyond serve/migrate/backup/restore. Each takes the open database and
 * its own arguments.
 */
import type { Database } from '../core/db/database.js';
import { usersCommand } from './users.js';

export type Command = (database: Database, args: string[]) => Promise<void>;

export const commands: Record<string, Command> = {
  users: usersCommand,
  seed: (database, args) => import('./seed/index.js').then((m) => m.seedCommand(database, args)),
  import: (database, args) => import('./import.js').then((m) => m.importCommand(database, args)),
};
