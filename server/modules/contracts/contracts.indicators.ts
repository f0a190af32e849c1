/**
 * Contract figures over the contracts of orgs in the scope. Counts of a state are judged on
 * the period's last day; their drills are the contract list's own filters (set + asOf). The
 * honoured rate drills to the clause list across contracts; the wage figure to the agreed-raise list.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { sortedIds } from '../../core/indicators/records.js';
import { CONTRACTS_PERMISSIONS } from '../../../common/contracts.js';
import type { ExpressionBuilder } from 'kysely';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { clauseIds, honouredCounts, notHonouredCount } from './contracts.cuts.js';
import { setFilter } from './contracts.queries.js';
import { cq } from './contracts.tables.js';
import { comparisons } from './wages.agreed.js';

type SetName = 'inForce' | 'expiring' | 'overdueRenewal';
/** The contracts of the scope in a set on the period's last day: what a count figure counts, and its records. */
const inSet = (db: Db, q: IndicatorQuery, set: SetName) =>
  cq(db)
    .selectFrom('contracts as c')
    .where((eb) => pathInScope(eb, 'c.org_path', q.scope))
    // Qualified: unqualified, the overdue set's "no signed successor" subquery read its own row's id (nx.id) and
    // counted every ended contract, renewed or not; the contract list (the drill) always qualified them.
    .where((eb) => setFilter(eb, set, q.to, (col) => `c.${col}`));

export async function countSet(db: Db, q: IndicatorQuery, set: SetName): Promise<Figure> {
  const r = await inSet(db, q, set)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  const drill = { set, asOf: q.to };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

const ids = async (rows: Promise<{ id: string }[]>) => sortedIds((await rows).map((r) => r.id));
const both = (list: string[]): CountedRecords => ({ numerator: list, denominator: list });

/** Bargaining requests made in the period, and the test of one answered within its 20 days. */
const requested = (db: Db, q: IndicatorQuery) =>
  cq(db)
    .selectFrom('contracts')
    .where((eb) => pathInScope(eb, 'org_path', q.scope))
    .where('request_date', '>=', q.from)
    .where('request_date', '<=', q.to);
const repliedInTime = (eb: ExpressionBuilder<any, any>) => eb.and([eb('replied_date', 'is not', null), eb('replied_date', '<=', eb.ref('reply_due'))]);

/** Requests made in the period answered within their 20 days ÷ requests made in the period. */
export async function replyInTime(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await requested(db, q)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when(repliedInTime(eb)).then(1).else(0).end()).as('ok')])
    .executeTakeFirstOrThrow();
  const den = { from: q.from, to: q.to };
  return rateFigure(Number(r.ok ?? 0), Number(r.n), { numerator: { ...den, repliedInTime: '1' }, denominator: den });
}

/**
 * Over the contracts in force on the period's last day: clauses honoured at their last checkpoint ÷ clauses checked.
 * Drills to the clause list (/api/v1/contract-clauses); its cuts by category and owner are /api/v1/contract-clauses/cuts.
 */
export async function clausesHonoured(db: Db, q: IndicatorQuery): Promise<Figure> {
  const { honoured, checked } = await honouredCounts(db, q.scope, q.to);
  return rateFigure(honoured, checked, { numerator: { asOf: q.to, lastStatus: 'honoured' }, denominator: { asOf: q.to, checked: '1' } });
}

/** Clauses of the contracts in force on the period's last day whose last checkpoint found them not honoured: the clauses that slipped. */
export async function clausesNotHonoured(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await notHonouredCount(db, q.scope, q.to);
  const drill = { asOf: q.to, lastStatus: 'notHonoured' };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/** The wage groups compared for the years of the period, read once per batch (the figure and its records fold them). */
const wageGroups = (db: Db, q: IndicatorQuery) =>
  sharedRead(q, 'contracts.wageGroups', () => comparisons(db, q.scope, Number(q.from.slice(0, 4)), Number(q.to.slice(0, 4))));

/** Wage groups whose raise agreed for a year of the period was reached ÷ the groups with wage data for it. */
export async function wageRaiseReached(db: Db, q: IndicatorQuery): Promise<Figure> {
  const fromYear = Number(q.from.slice(0, 4));
  const toYear = Number(q.to.slice(0, 4));
  const rows = await wageGroups(db, q);
  const span = { fromYear: String(fromYear), toYear: String(toYear) };
  return rateFigure(rows.filter((r) => r.reached).length, rows.length, { numerator: { ...span, reached: '1' }, denominator: span });
}

const inForceOn = (q: IndicatorQuery) => (eb: any) => setFilter(eb, 'inForce', q.to, (c) => `c.${c}`);
/** Citations of appeals raised in the period on clauses of the contracts in force on its last day. */
const citations = (db: Db, q: IndicatorQuery) =>
  cq(db)
    .selectFrom('contract_clause_citations as x')
    .innerJoin('contracts as c', 'c.id', 'x.contract_id')
    .where((eb) => pathInScope(eb, 'c.org_path', q.scope))
    .where(inForceOn(q))
    .where('x.appeal_date', '>=', q.from)
    .where('x.appeal_date', '<=', q.to);
/** Promise clauses of the current text of the contracts in force on the period's last day. */
const promises = (db: Db, q: IndicatorQuery) =>
  cq(db)
    .selectFrom('contract_clauses as cl')
    .innerJoin('contracts as c', (j) => j.onRef('c.id', '=', 'cl.contract_id').onRef('c.current_version', '=', 'cl.version'))
    .where((eb) => pathInScope(eb, 'c.org_path', q.scope))
    .where(inForceOn(q))
    .where('cl.promise', '=', 1);

/** Appeals cited on clauses in the period ÷ promise clauses of the contracts in force on its last day. */
export async function appealsPerClause(db: Db, q: IndicatorQuery): Promise<Figure> {
  const cites = await citations(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const clauses = await promises(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(cites.n);
  const d = Number(clauses.n);
  return { value: d ? Math.round((n / d) * 10_000) / 10_000 : null, numerator: n, denominator: d, unit: 'count', drill: null };
}

/**
 * The records of the clause figures: clause ids by the clause list's own narrowed read (`clauseIds`). The
 * appeals-per-clause numerator counts citations; its records are the clauses cited, summed over — never the
 * appeals, some of them anonymous, which only the appeal desk may see.
 */
const clauseRecords = {
  honoured: async (db: Db, q: IndicatorQuery): Promise<CountedRecords> => ({
    numerator: sortedIds(await clauseIds(db, q.scope, q.to, { lastStatus: 'honoured' })),
    denominator: sortedIds(await clauseIds(db, q.scope, q.to, { checked: '1' })),
  }),
  notHonoured: async (db: Db, q: IndicatorQuery) => both(sortedIds(await clauseIds(db, q.scope, q.to, { lastStatus: 'notHonoured' }))),
  perClause: async (db: Db, q: IndicatorQuery): Promise<CountedRecords> => ({
    numerator: sortedIds((await citations(db, q).select('x.clause_id').distinct().execute()).map((r) => r.clause_id)),
    denominator: await ids(promises(db, q).select('cl.id').execute()),
  }),
};

/**
 * The wage figure counts groups (category × job family) of the wage agreements, not records: its records
 * are the agreements whose groups were counted — those with a group reached, and those with a group compared.
 */
async function wageRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const rows = await wageGroups(db, q);
  return { numerator: sortedIds(rows.filter((r) => r.reached).map((r) => r.contractId)), denominator: sortedIds(rows.map((r) => r.contractId)) };
}

/** Shown to who reads every contract of the subtree; a contract opens on its page, a clause has none of its own. */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({ ...i, recordsPermission: CONTRACTS_PERMISSIONS.read });
const contractPage = '/contracts/:id';

const COUNTS: { set: SetName; label: [string, string]; definition: [string, string] }[] = [
  {
    set: 'inForce',
    label: ['履行中的集体合同', 'Contracts in force'],
    definition: ['期末日已公布且在合同期限内的集体合同数', 'Published contracts whose term covers the last day of the period'],
  },
  {
    set: 'expiring',
    label: ['60日内到期的集体合同', 'Contracts expiring within 60 days'],
    definition: ['期末日履行中、且在其后60日内到期的合同数', 'Contracts in force on the last day of the period that end within 60 days of it'],
  },
  {
    set: 'overdueRenewal',
    label: ['到期未续订的集体合同', 'Contracts overdue for renewal'],
    definition: ['期末日已到期、且没有已签字的续订合同的合同数', 'Contracts ended by the last day of the period with no signed successor'],
  },
];

export const contractsIndicators = [
  ...COUNTS.map((c) =>
    defineIndicator({
      key: `contracts.${c.set}`,
      label: { zh: c.label[0], en: c.label[1] },
      definition: { zh: c.definition[0], en: c.definition[1] },
      period: 'range',
      unit: 'count',
      // A contract past its term with no signed successor is a problem still open at the period's end.
      ...(c.set === 'overdueRenewal' ? { aspect: 'open' as const } : {}),
      compute: (db, q) => countSet(db, q, c.set),
      records: async (db, q) => both(await ids(inSet(db, q, c.set).select('c.id').execute())),
      recordPage: contractPage,
    }),
  ),
  defineIndicator({
    key: 'contracts.replyInTime',
    label: { zh: '协商要约20日内回应率', en: 'Bargaining requests answered within 20 days' },
    definition: {
      zh: '期间内提出的协商要约中，在20日（末日遇节假日顺延）内书面回应的比例',
      en: 'Of the bargaining requests made in the period, the share answered within 20 days (extended past a holiday)',
    },
    period: 'range',
    unit: 'rate',
    compute: replyInTime,
    records: async (db, q) => ({
      numerator: await ids(requested(db, q).where(repliedInTime).select('id').execute()),
      denominator: await ids(requested(db, q).select('id').execute()),
    }),
    recordPage: contractPage,
  }),
  defineIndicator({
    key: 'contracts.clausesHonoured',
    label: { zh: '合同条款履约率', en: 'Clauses honoured' },
    definition: {
      zh: '期末日履行中的合同里，末次检查为已履行的条款 ÷ 已检查的条款（可按条款类别、责任部门分列）',
      en: 'In the contracts in force on the last day, clauses honoured at their last checkpoint ÷ clauses checked (cut by clause category and by owner department)',
    },
    period: 'range',
    unit: 'rate',
    compute: clausesHonoured,
    records: clauseRecords.honoured,
  }),
  defineIndicator({
    key: 'contracts.clausesNotHonoured',
    label: { zh: '未履行的合同条款', en: 'Clauses not honoured' },
    definition: {
      zh: '期末日履行中的合同里，末次检查为未履行的条款数',
      en: 'Clauses of the contracts in force on the last day whose last checkpoint found them not honoured',
    },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: clausesNotHonoured,
    records: clauseRecords.notHonoured,
  }),
  defineIndicator({
    key: 'contracts.wageRaiseReached',
    label: { zh: '约定工资增幅达成率', en: 'Agreed wage raises reached' },
    definition: {
      zh: '已公布的工资专项集体合同中，约定增幅年度在期间内的各组（用工类别×岗位序列）：实际平均工资增长不低于约定增幅的组数 ÷ 有两年工资数据的组数（可按用工类别分列）',
      en: 'Groups (employment category × job family) of published wage agreements whose agreed year falls in the period: groups whose average wage grew at least the agreed raise ÷ groups with wage data for both years (cut by employment category)',
    },
    period: 'range',
    unit: 'rate',
    compute: wageRaiseReached,
    records: wageRecords,
    recordPage: contractPage,
  }),
  defineIndicator({
    key: 'contracts.appealsPerClause',
    label: { zh: '每条款关联诉求数', en: 'Appeals per clause' },
    definition: {
      zh: '期间内提出并关联到条款的诉求数 ÷ 期末日履行中合同的承诺性条款数',
      en: 'Appeals raised in the period and cited on a clause ÷ promise clauses of the contracts in force on the last day',
    },
    period: 'range',
    unit: 'count',
    compute: appealsPerClause,
    records: clauseRecords.perClause,
  }),
].map(named);
