/**
 * The composition of core and the practice modules, checked once at start-up. Every name a
 * module adds to a shared space — permission, migration key, job, indicator, home card,
 * message — must carry the module's prefix and be unique, so a module cannot silently
 * shadow another's (a plain merge of migration maps let the later one win). A mistake stops
 * the start with a message naming the module and the name.
 */
import type { Migration } from 'kysely';
import { CORE_GRANTS, PERMISSIONS, ROLES, type Role } from '../../common/roles.js';
import { coreMigrations } from '../core/db/migrate.js';
import { registerMessages } from '../core/i18n/messages.js';
import type { IndicatorDefinition } from '../core/indicators/indicator.js';
import { installIndicators } from '../core/indicators/indicators.registry.js';
import { installNotableCases } from '../core/indicators/notableCases.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';
import { installRobotEvents } from '../core/notify/robotEvents.js';
import type { RobotEventGroup } from '../../common/schemas/notify.js';
import { installRolePermissions, type RolePermissions } from '../core/rbac/permissions.js';
import { corePlugins } from '../core/index.js';
import type { HomeCard, ModuleDeclaration } from './module.js';

/**
 * Migration keys applied before the naming rule existed. Databases have recorded them under
 * these names, so they stay; every new key must follow `<YYYYMMDD>_<HHMM>_<module>_<what>`.
 */
export const GRANDFATHERED_MIGRATIONS: ReadonlySet<string> = new Set([
  '20261125_0001_appeals',
  '20261126_0900_appeal_cells',
  '20261125_1000_school',
  '20261125_1010_heartBridge',
  '20261125_1020_moralEducation',
]);

/**
 * Robot events named before the prefix rule: webhooks and inboxes have stored these kinds, so
 * they stay, for appeals alone; every new event must be named '<module>.<event>'.
 */
export const GRANDFATHERED_ROBOT_EVENTS = {
  module: 'appeals',
  keys: new Set(['appeal.new', 'appeal.assigned', 'appeal.answered', 'appeal.overdue', 'appeal.groupAlert']),
} as const;

export interface House {
  modules: readonly ModuleDeclaration[];
  rolePermissions: RolePermissions;
  /** Core's and every module's, keyed by name; Kysely applies them in name order. */
  migrations: Readonly<Record<string, Migration>>;
  /** Every module's jobs (core's are registered from core's own plugins). */
  jobs: readonly JobDefinition[];
  indicators: readonly (IndicatorDefinition & { module: string })[];
  homeCards: readonly HomeCard[];
  robotEvents: readonly RobotEventGroup[];
}

export class ModuleDeclarationError extends Error {
  constructor(module: string, problem: string) {
    super(`模块声明有误 / invalid module declaration — ${module}: ${problem}`);
    this.name = 'ModuleDeclarationError';
  }
}

const MODULE_NAME = /^[a-z][a-zA-Z0-9]*$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Validates every declaration together and builds what the composition root installs. */
export function composeModules(modules: readonly ModuleDeclaration[]): House {
  const owners = {
    module: new Map<string, string>(),
    permission: new Map<string, string>(PERMISSIONS.map((p) => [p, 'core'])),
    migration: new Map<string, string>(Object.keys(coreMigrations).map((k) => [k, 'core'])),
    job: new Map<string, string>(corePlugins.flatMap((p) => (p.jobs ?? []).map((j) => [j.name, 'core'] as const))),
    indicator: new Map<string, string>(corePlugins.flatMap((p) => (p.indicators ?? []).map((i) => [i.key, 'core'] as const))),
    homeCard: new Map<string, string>(),
    robotEvent: new Map<string, string>(),
    message: new Map<string, string>(),
  };
  const claim = (kind: keyof typeof owners, name: string, module: string) => {
    const had = owners[kind].get(name);
    if (had !== undefined)
      throw new ModuleDeclarationError(module, `${kind} '${name}' is declared twice (also by ${had}) / ${kindZh[kind]}「${name}」重复（${had} 已声明）`);
    owners[kind].set(name, module);
  };
  const prefixed = (kind: keyof typeof owners, name: string, module: string) => {
    if (!name.startsWith(`${module}.`) || name.length === module.length + 1)
      throw new ModuleDeclarationError(module, `${kind} '${name}' must be named '${module}.<name>' / ${kindZh[kind]}「${name}」应以「${module}.」开头`);
    claim(kind, name, module);
  };

  const migrations: Record<string, Migration> = { ...coreMigrations };
  const table = Object.fromEntries(ROLES.map((r) => [r, new Set<string>(CORE_GRANTS[r])])) as Record<Role, Set<string>>;
  const jobs: JobDefinition[] = [];
  const indicators: (IndicatorDefinition & { module: string })[] = corePlugins.flatMap((p) => (p.indicators ?? []).map((i) => ({ ...i, module: 'core' })));
  const homeCards: HomeCard[] = [];
  const robotEvents: RobotEventGroup[] = [];

  for (const m of modules) {
    if (!MODULE_NAME.test(m.name)) throw new ModuleDeclarationError(m.name, 'the name must be camelCase / 模块名应为驼峰式（camelCase）');
    claim('module', m.name, m.name);
    for (const p of m.permissions) prefixed('permission', p, m.name);
    for (const [role, perms] of Object.entries(m.grants) as [Role, readonly string[]][]) {
      if (!table[role]) throw new ModuleDeclarationError(m.name, `grants name an unknown role '${role}' / 授权中的角色「${role}」不存在`);
      for (const p of perms) {
        if (owners.permission.get(p) !== m.name)
          throw new ModuleDeclarationError(m.name, `grants '${p}' to ${role} but does not declare it / 授予了未声明的权限「${p}」`);
        table[role].add(p);
      }
    }
    for (const p of m.needToKnow ?? [])
      if (owners.permission.get(p) !== m.name)
        throw new ModuleDeclarationError(m.name, `needToKnow names '${p}', which it does not declare / 须知权限「${p}」未声明`);
    // The system admin holds every permission but the module's need-to-know ones.
    for (const p of m.permissions) if (!m.needToKnow?.includes(p)) table.sysAdmin.add(p);
    const keyRule = new RegExp(`^(\\d{8})_(\\d{4})_${escape(m.name)}_[a-zA-Z0-9]+(_[a-zA-Z0-9]+)*$`);
    let previous = '';
    for (const [key, migration] of Object.entries(m.migrations)) {
      if (!keyRule.test(key) && !GRANDFATHERED_MIGRATIONS.has(key))
        throw new ModuleDeclarationError(
          m.name,
          `migration '${key}' must be named '<YYYYMMDD>_<HHMM>_${m.name}_<what>' / 迁移「${key}」应命名为「<日期>_<时分>_${m.name}_<内容>」`,
        );
      if (key <= previous)
        throw new ModuleDeclarationError(m.name, `migration '${key}' is listed after '${previous}' / 迁移「${key}」应排在「${previous}」之前`);
      previous = key;
      claim('migration', key, m.name);
      migrations[key] = migration;
    }
    for (const j of m.jobs) {
      prefixed('job', j.name, m.name);
      jobs.push(j);
    }
    for (const i of m.indicators) {
      prefixed('indicator', i.key, m.name);
      indicators.push({ ...i, module: m.name });
    }
    for (const c of m.homeCards) {
      prefixed('homeCard', c.key, m.name);
      homeCards.push(c);
    }
    if (m.robotEvents) {
      for (const e of m.robotEvents.events) {
        if (m.name === GRANDFATHERED_ROBOT_EVENTS.module && GRANDFATHERED_ROBOT_EVENTS.keys.has(e.key)) claim('robotEvent', e.key, m.name);
        else prefixed('robotEvent', e.key, m.name);
      }
      robotEvents.push({ module: m.name, label: m.robotEvents.label, events: m.robotEvents.events.map((e) => ({ key: e.key, label: e.label })) });
    }
    for (const k of Object.keys(m.messages)) claim('message', k, m.name);
  }
  return { modules, rolePermissions: table, migrations, jobs, indicators, homeCards, robotEvents };
}

const kindZh: Record<string, string> = {
  module: '模块',
  permission: '权限',
  migration: '迁移',
  job: '定时任务',
  indicator: '指标',
  homeCard: '首页卡片',
  robotEvent: '机器人推送事件',
  message: '消息键',
};

/**
 * Hands core what the modules declared: the role table, the texts, the indicators, the robot events. The
 * composition roots (app.ts, main.ts, the test database) call it before serving or
 * calling a service; calling it again with the same house changes nothing.
 */
export function installHouse(house: House): void {
  installRolePermissions(house.rolePermissions);
  for (const m of house.modules) registerMessages(m.name, m.messages);
  installIndicators(house.indicators);
  installRobotEvents(house.robotEvents);
  installNotableCases(house.modules.flatMap((m) => (m.notableCases ? [{ module: m.name, suggest: m.notableCases }] : [])));
}
