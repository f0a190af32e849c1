/**
 * The declaration every practice module makes in its index.ts: `defineModule({...})`. The
 * composition root (compose.ts) validates all declarations together at start-up and builds
 * from them the role → permission table, the message catalogue, the migration list, the
 * scheduler's jobs and the indicator registry. Nothing of a module happens at import time.
 */
import type { Migration } from 'kysely';
import type { Grants, Role } from '../../common/roles.js';
import type { Database, Db } from '../core/db/database.js';
import type { App } from '../core/http/types.js';
import type { MessageEntry } from '../core/i18n/messages.js';
import type { IndicatorDefinition } from '../core/indicators/indicator.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';
import type { NotableCaseQuery } from '../core/indicators/notableCases.js';
import type { NotableCase } from '../../common/notableCase.js';

/** A card the web home page shows to holders of `roles` (the web shell renders it). */
export interface HomeCard {
  /** '<module>.<name>'. */
  key: string;
  roles: readonly Role[];
  title: { zh: string; en: string };
  /** The web route the card opens. */
  path: string;
  /** The indicator the card shows, when it shows one. */
  indicator?: string;
}

/** The notices of a module a group robot may be set to receive, as the robot page lists them. */
export interface RobotEvents {
  /** The heading of the module's group on the robot page. */
  label: { zh: string; en: string };
  /** key '<module>.<event>' = the `kind` of the notices it names; each sent with the org's path (notify's orgPath). */
  events: readonly { key: string; label: { zh: string; en: string } }[];
}

export interface ModuleDeclaration {
  /** camelCase; the prefix of every permission, job, indicator and new migration key of the module. */
  name: string;
  /** Every permission name the module checks: '<module>.<verb>'. */
  permissions: readonly string[];
  /** Which role holds which of those permissions (common/<module>.ts). */
  grants: Grants;
  /**
   * Need-to-know permissions: held only by the roles `grants` names, never by the system admin
   * (who otherwise holds every permission). For records the admin has no business reading, such as
   * a household's hardship file.
   */
  needToKnow?: readonly string[];
  /** Server-side texts, Chinese and English. */
  messages: Readonly<Record<string, MessageEntry>>;
  /** Keyed '<YYYYMMDD>_<HHMM>_<module>_<what>', in ascending order. */
  migrations: Readonly<Record<string, Migration>>;
  routes?(app: App): Promise<void>;
  /** Named '<module>.<what>'. */
  jobs: readonly JobDefinition[];
  /** Keyed '<module>.<name>'. */
  indicators: readonly IndicatorDefinition[];
  homeCards: readonly HomeCard[];
  /**
   * Notices a group robot may receive. Only what carries no personal data of an anonymous
   * author or a household in need belongs here: a robot posts into a chat group.
   */
  robotEvents?: RobotEvents;
  /**
   * The module's notable cases of a period, for the work report's author to pick from (e.g. the
   * largest group alert resolved): de-identified here, best first, a handful at most.
   */
  notableCases?(db: Db, q: NotableCaseQuery): Promise<NotableCase[]>;
  /**
   * Adds this module's demo records after the core demo (orgs, people, accounts) exists.
   * Finds what it needs by querying (e.g. accounts by demo username). `now` is the seed's clock.
   */
  seedDemo?(db: Db, now: Date): Promise<void>;
  /**
   * CLI commands the module adds, keyed by the first word: `xq <key> …` runs it with the open,
   * migrated database and the remaining words (e.g. notices: `xq notices verify`).
   */
  commands?: Readonly<Record<string, (database: Database, args: string[]) => Promise<void>>>;
}

/** Types a module's declaration; validation happens at composition (compose.ts). */
export function defineModule(d: ModuleDeclaration): ModuleDeclaration {
  return d;
}
