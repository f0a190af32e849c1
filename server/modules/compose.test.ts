import { describe, expect, it } from 'vitest';
import type { Migration } from 'kysely';
import { defineIndicator } from '../core/indicators/indicator.js';
import { composeModules, ModuleDeclarationError } from './compose.js';
import { defineModule, type ModuleDeclaration } from './module.js';
import { house, modules } from './registry.js';
import { coreMigrations } from '../core/db/migrate.js';

const migration: Migration = { up: async () => {} };
const figure = async () => ({ value: 0, numerator: 0, denominator: 0, unit: 'count' as const, drill: null });

/** A small valid module; each test breaks one thing in a copy of it. */
function probe(name: string, extra: Partial<ModuleDeclaration> = {}): ModuleDeclaration {
  return defineModule({
    name,
    permissions: [`${name}.read`],
    grants: { worker: [`${name}.read`] },
    messages: { [`${name}.hello`]: ['你好', 'Hello'] },
    migrations: { [`20270101_0000_${name}_tables`]: migration },
    jobs: [{ name: `${name}.sweep`, intervalMs: 60_000, run: async () => {} }],
    indicators: [
      defineIndicator({
        key: `${name}.count`,
        label: { zh: '数量', en: 'Count' },
        definition: { zh: '记录数', en: 'Records' },
        period: 'range',
        unit: 'count',
        compute: figure,
      }),
    ],
    homeCards: [{ key: `${name}.card`, roles: ['worker'], title: { zh: '卡片', en: 'Card' }, path: `/${name}` }],
    ...extra,
  });
}

const startWith =
  (...ms: ModuleDeclaration[]) =>
  () =>
    composeModules(ms);

describe('the module composition at start-up', () => {
  it('composes the modules of the house into one role → permission table', () => {
    expect(house.modules.map((m) => m.name)).toEqual([
      'school',
      'heartBridge',
      'moralEducation',
      'appeals',
      'meetings',
      'congress',
      'policies',
      'mediation',
      'surveys',
      'teacherGrowth',
      'contracts',
      'notices',
      'suggestions',
      'timetable',
      'lessonLogs',
      'honours',
      'hardship',
      'workReport',
    ]);
    const table = (role: keyof typeof house.rolePermissions) => [...house.rolePermissions[role]].sort();
    expect(table('worker')).toEqual([
      'appeals.submit',
      'contracts.readPublished',
      'decidedItems.readPublic',
      'hardship.apply',
      'hardship.publicity',
      'honours.readPublished',
      'mediation.apply',
      'meetings.readPublished',
      'notices.ask',
      'notices.read',
      'policies.ask',
      'policies.read',
      'suggestions.submit',
      'surveys.answer',
    ]);
    expect(table('parent')).toEqual(['heartBridge.writeHome', 'school.read']);
    // A student reads their own book and their own class's ten-minute plan, nothing of others.
    expect(table('student')).toEqual(['heartBridge.readOwn', 'moralEducation.readOwnClass', 'school.read']);
    expect(table('headTeacher')).toEqual([
      'heartBridge.writeSchool',
      'lessonLogs.log',
      'moralEducation.read',
      'moralEducation.record',
      'org.read',
      // A head teacher reveals one guardian's number to call it (audited), never the whole class's.
      'people.call',
      'people.read',
      'school.read',
      'teacherGrowth.own',
      'timetable.read',
    ]);
    expect(table('handler')).toEqual([
      'appeals.handle',
      'congress.answer',
      'contracts.readPublished',
      'honours.nominate',
      'honours.readPublished',
      'meetings.readPublished',
      'notices.read',
      'org.read',
      'policies.read',
      'suggestions.evaluate',
    ]);
    // The system admin holds every permission but the need-to-know ones (a hardship file is for its officers alone).
    for (const m of modules) for (const p of m.permissions) expect(house.rolePermissions.sysAdmin.has(p), p).toBe(!m.needToKnow?.includes(p));
    expect(house.rolePermissions.sysAdmin.has('hardship.officer')).toBe(false);
  });

  it('keeps every migration of core and the modules, each once', () => {
    expect(Object.keys(house.migrations)).toEqual(
      expect.arrayContaining([
        '20261124_0001_core',
        '20261124_0002_people',
        '20261125_0001_appeals',
        '20261127_0900_appeals_write_path',
        '20261125_1030_heartBridge_twoWay',
      ]),
    );
    // Nothing lost or overwritten in the merge: as many keys as core and the modules declare.
    const declared = Object.keys(coreMigrations).length + modules.reduce((n, m) => n + Object.keys(m.migrations).length, 0);
    expect(Object.keys(house.migrations)).toHaveLength(declared);
  });

  it('accepts a well-formed new module', () => {
    const h = composeModules([...modules, probe('trial')]);
    expect([...h.rolePermissions.worker]).toContain('trial.read');
    expect(h.jobs.map((j) => j.name)).toContain('trial.sweep');
    expect(h.indicators.find((i) => i.key === 'trial.count')?.module).toBe('trial');
  });

  it('refuses a migration key used twice — by another module or by core', () => {
    // Before, the registry merged the maps with Object.assign and the later module's migration silently won.
    const stolen = probe('trial', { migrations: { '20261125_0001_appeals': migration } });
    expect(startWith(...modules, stolen)).toThrow(ModuleDeclarationError);
    expect(startWith(...modules, stolen)).toThrow(/migration '20261125_0001_appeals' is declared twice \(also by appeals\)/);
    // A core key is refused already by its name, which no module may take.
    expect(startWith(probe('trial', { migrations: { '20261124_0001_core': migration } }))).toThrow(/migration '20261124_0001_core' must be named/);
  });

  it('refuses a new migration key without the <stamp>_<module>_<what> shape, or out of order', () => {
    expect(startWith(probe('trial', { migrations: { '20270101_0000_trial': migration } }))).toThrow(/must be named '<YYYYMMDD>_<HHMM>_trial_<what>'/);
    expect(startWith(probe('trial', { migrations: { '20270101_0000_meetings_tables': migration } }))).toThrow(/must be named/);
    expect(startWith(probe('trial', { migrations: { '2027_trial_tables': migration } }))).toThrow(/must be named/);
    const backwards = { '20270102_0000_trial_b': migration, '20270101_0000_trial_a': migration };
    expect(startWith(probe('trial', { migrations: backwards }))).toThrow(/is listed after/);
  });

  it('refuses a job name used twice or without the module prefix', () => {
    const job = { name: 'appeals.deadlines', intervalMs: 1, run: async () => {} };
    expect(startWith(...modules, probe('trial', { jobs: [job] }))).toThrow(/job 'appeals.deadlines' must be named 'trial.<name>'/);
    const dup = { name: 'trial.sweep', intervalMs: 1, run: async () => {} };
    expect(startWith(probe('trial', { jobs: [dup, dup] }))).toThrow(/job 'trial.sweep' is declared twice/);
  });

  it('refuses an indicator key used twice or without the module prefix', () => {
    const [i] = probe('trial').indicators;
    expect(startWith(probe('trial', { indicators: [i, i] }))).toThrow(/indicator 'trial.count' is declared twice/);
    expect(startWith(probe('trial', { indicators: [{ ...i, key: 'count' }] }))).toThrow(/indicator 'count' must be named 'trial.<name>'/);
  });

  it('refuses a permission used twice, without the prefix, or granted without being declared', () => {
    expect(startWith(probe('trial', { permissions: ['trial.read', 'trial.read'] }))).toThrow(/permission 'trial.read' is declared twice/);
    expect(startWith(probe('trial', { permissions: ['appeals.manage'], grants: {} }))).toThrow(/permission 'appeals.manage' must be named 'trial.<name>'/);
    expect(startWith(probe('honours', { grants: { worker: ['honours.write'] } }))).toThrow(/grants 'honours.write' to worker but does not declare it/);
  });

  it('refuses a robot event declared twice, or named without the module prefix', () => {
    const event = (key: string) => ({ label: { zh: '试点', en: 'Trial' }, events: [{ key, label: { zh: '事件', en: 'Event' } }] });
    expect(composeModules([...modules, probe('trial', { robotEvents: event('trial.done') })]).robotEvents.at(-1)).toEqual({
      module: 'trial',
      ...event('trial.done'),
    });
    const twice = { label: { zh: '试点', en: 'Trial' }, events: [...event('trial.done').events, ...event('trial.done').events] };
    expect(startWith(probe('trial', { robotEvents: twice }))).toThrow(/robotEvent 'trial.done' is declared twice/);
    expect(startWith(...modules, probe('trial', { robotEvents: event('contracts.clock') }))).toThrow(
      /robotEvent 'contracts.clock' must be named 'trial.<name>'/,
    );
    // The stored 'appeal.' kinds stay appeals' alone.
    expect(startWith(...modules, probe('trial', { robotEvents: event('appeal.overdue') }))).toThrow(/robotEvent 'appeal.overdue' must be named 'trial.<name>'/);
  });

  it('refuses a module name or a message key declared twice', () => {
    expect(startWith(probe('honours'), probe('honours'))).toThrow(/module 'honours' is declared twice/);
    expect(startWith(probe('honours'), probe('meetings', { messages: { 'honours.hello': ['你好', 'Hello'] } }))).toThrow(
      /message 'honours.hello' is declared twice/,
    );
  });
});
