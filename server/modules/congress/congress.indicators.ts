/** The congress roster's figures; each counts exactly the records its drill-down lists. */
import { rateFigure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import type { IndicatorQuery } from '../../core/indicators/indicator.js';
import { defineIndicator, sharedRead, type IndicatorDefinition } from '../../core/indicators/indicator.js';
import { heldSessions } from './congress.repository.js';
import { countSets, setIds } from './congress.proposals.repository.js';
import { foldRecords, sortedIds } from '../../core/indicators/records.js';
import { CONGRESS_PERMISSIONS } from '../../../common/congress.js';
import { closedVotes } from './congress.votes.repository.js';
import { participationRows } from './congress.cuts.js';
import type { ProposalSet } from '../../../common/congress.js';

type Held = Awaited<ReturnType<typeof heldSessions>>[number];
type Closed = Awaited<ReturnType<typeof closedVotes>>[number];
type Participation = Awaited<ReturnType<typeof participationRows>>[number];

/** Present ÷ expected summed over held sessions: the figure of any set of rows (the report's records fold it row by row). */
const attendanceOf = (rows: readonly Held[], drill: Record<string, string> = {}) =>
  rateFigure(
    rows.reduce((s, r) => s + Number(r.present), 0),
    rows.reduce((s, r) => s + Number(r.expected), 0),
    { numerator: drill, denominator: drill },
  );

/** Ballots cast ÷ all representatives, summed over closed votes. */
const turnoutOf = (rows: readonly Closed[], drill: Record<string, string> = {}) =>
  rateFigure(
    rows.reduce((s, r) => s + Number(r.voted ?? 0), 0),
    rows.reduce((s, r) => s + Number(r.representatives ?? 0), 0),
    { numerator: drill, denominator: drill },
  );

const heldRows = (db: Db, q: IndicatorQuery) => sharedRead(q, 'congress.held', () => heldSessions(db, q.scope, q.from, q.to));
const closedRows = (db: Db, q: IndicatorQuery) => sharedRead(q, 'congress.closedVotes', () => closedVotes(db, q.scope, q.from, q.to));

/** Representatives present ÷ representatives expected, over the sessions held in the period. */
export async function attendanceRate(db: Db, q: IndicatorQuery) {
  const rows = await heldRows(db, q);
  // Each listed session shows its own present and expected (GET /congress/sessions/held): the one list holds both counts.
  return { rows, figure: attendanceOf(rows, { from: q.from, to: q.to, list: 'sessions' }) };
}

/** 投票率: ballots cast ÷ all representatives, summed over the votes closed at the sessions held in the period. */
export async function turnout(db: Db, q: IndicatorQuery) {
  const rows = await closedRows(db, q);
  // Each listed vote shows its own voted and representatives: the one list holds both counts.
  return { rows, figure: turnoutOf(rows, { from: q.from, to: q.to, list: 'votes' }) };
}

/** The counts of 代表履职 over any set of participation rows. */
const participationOf = (rows: readonly Participation[]) => ({
  representatives: rows.length,
  active: rows.filter((r) => r.proposals + r.seconds > 0).length,
  proposals: rows.reduce((s, r) => s + r.proposals, 0),
});

const participation = (db: Db, q: IndicatorQuery) => sharedRead(q, 'congress.participation', () => participationRows(db, q.scope, q.from, q.to));

/**
 * 代表履职 over the representatives of the terms that held a session in the period: those who raised or seconded a
 * proposal in those sessions, and the proposals raised. The participation list (GET /congress/representatives/participation)
 * holds both counts: one row per representative, with their proposals and seconds. Both participation figures are cut
 * from these rows: a batch (dashboard, report) reads them once (`sharedRead`).
 */
export async function participationCounts(db: Db, q: IndicatorQuery) {
  return participationOf(await participation(db, q));
}

/**
 * The records of the figures summed over rows (sessions, votes, representatives): each row counted alone by the
 * figure's own function (`foldRecords`), so a part names the rows that added to it. Attendance and turnout are sums
 * of counts kept per session and per vote: their records are the sessions and the votes — never the ballots (a
 * secret vote must not say who voted). Proposals per representative sums each representative's proposals: its
 * numerator names the representatives who raised one (the rows summed), its denominator every representative.
 */
const summed = {
  attendance: async (db: Db, q: IndicatorQuery) =>
    foldRecords(
      await heldRows(db, q),
      (r) => r.id,
      (r) => attendanceOf([r]),
    ),
  turnout: async (db: Db, q: IndicatorQuery) =>
    foldRecords(
      await closedRows(db, q),
      (r) => r.id,
      (r) => turnoutOf([r]),
    ),
  participation: async (db: Db, q: IndicatorQuery) =>
    foldRecords(
      await participation(db, q),
      (r) => r.representativeId,
      (r) => {
        const c = participationOf([r]);
        return { numerator: c.active, denominator: c.representatives };
      },
    ),
  perRepresentative: async (db: Db, q: IndicatorQuery) =>
    foldRecords(
      await participation(db, q),
      (r) => r.representativeId,
      (r) => {
        const c = participationOf([r]);
        return { numerator: c.proposals, denominator: c.representatives };
      },
    ),
};

/** Shown to the congress office (the roster, the sessions, the votes and the proposal lists are theirs). */
function named(i: IndicatorDefinition): IndicatorDefinition {
  return { ...i, recordsPermission: CONGRESS_PERMISSIONS.manage };
}

export const congressIndicators: IndicatorDefinition[] = [
  defineIndicator({
    key: 'congress.participationRate',
    label: { zh: '代表提案附议参与率', en: 'Representatives who proposed or seconded' },
    definition: {
      zh: '期间内召开会议的各届代表中，在这些会议提出或附议过提案的代表 ÷ 代表总数',
      en: 'Of the representatives of the terms that held a session in the period, the share who raised or seconded a proposal in those sessions',
    },
    period: 'range',
    unit: 'rate',
    async compute(db, q) {
      const c = await participationCounts(db, q);
      const list = { from: q.from, to: q.to, list: 'participation' };
      return rateFigure(c.active, c.representatives, { numerator: { ...list, active: '1' }, denominator: list });
    },
    records: summed.participation,
  }),
  defineIndicator({
    key: 'congress.proposalsPerRepresentative',
    label: { zh: '代表人均提案数', en: 'Proposals per representative' },
    definition: {
      zh: '期间内召开的会议收到的提案数 ÷ 这些会议所属各届的代表总数',
      en: 'Proposals raised at the sessions held in the period ÷ the representatives of their terms',
    },
    period: 'range',
    unit: 'count',
    async compute(db, q) {
      const c = await participationCounts(db, q);
      // The list shows each representative's proposals (summing to the numerator), one row each (the denominator).
      const list = { from: q.from, to: q.to, list: 'participation' };
      const value = c.representatives ? Math.round((c.proposals / c.representatives) * 100) / 100 : null;
      return { value, numerator: c.proposals, denominator: c.representatives, unit: 'count' as const, drill: { numerator: list, denominator: list } };
    },
    records: summed.perRepresentative,
  }),
  defineIndicator({
    key: 'congress.turnout',
    label: { zh: '职代会表决投票率', en: 'Congress vote turnout' },
    definition: {
      zh: '期间内召开的会议中已结束表决的投票人次 ÷ 全体代表人次（每项表决计全体代表）',
      en: 'Ballots cast ÷ all representatives, summed over the votes closed at sessions held in the period',
    },
    period: 'range',
    unit: 'rate',
    async compute(db, q) {
      return (await turnout(db, q)).figure;
    },
    records: summed.turnout,
  }),
  defineIndicator({
    key: 'congress.attendanceRate',
    label: { zh: '职代会代表出席率', en: 'Congress attendance' },
    definition: {
      zh: '期间内已闭会各次会议实到代表人次 ÷ 应到代表人次（全体代表）',
      en: 'Representatives present ÷ all representatives, summed over the sessions held (closed) in the period',
    },
    period: 'range',
    unit: 'rate',
    async compute(db, q) {
      return (await attendanceRate(db, q)).figure;
    },
    records: summed.attendance,
    recordPage: '/congress/sessions/:id',
  }),
].map(named);

/** A rate of two proposal sets over the sessions held in the period; the drill names both sets for GET /congress/proposals. */
export async function proposalRate(db: Db, q: IndicatorQuery, numerator: ProposalSet, denominator: ProposalSet) {
  const sets = await sharedRead(q, 'congress.proposalSets', () => countSets(db, q.scope, q.from, q.to));
  const [n, d] = [sets[numerator], sets[denominator]];
  return rateFigure(n, d, { numerator: { from: q.from, to: q.to, set: numerator }, denominator: { from: q.from, to: q.to, set: denominator } });
}

const RATES: { name: string; label: [string, string]; definition: [string, string]; numerator: ProposalSet; denominator: ProposalSet }[] = [
  {
    name: 'adoptionRate',
    label: ['提案立案率', 'Proposal adoption rate'],
    definition: ['立案的提案 ÷ 已审查的提案（期间内召开的会议）', 'Adopted ÷ screened proposals, of sessions held in the period'],
    numerator: 'adopted',
    denominator: 'screened',
  },
  {
    name: 'onTimeAnswerRate',
    label: ['提案按时办复率', 'Proposals answered on time'],
    definition: ['在答复期限内答复的提案 ÷ 已答复的提案', 'Answered by the deadline ÷ answered proposals'],
    numerator: 'answeredOnTime',
    denominator: 'answered',
  },
  {
    name: 'satisfactionRate',
    label: ['提案满意率', 'Proposal satisfaction'],
    definition: ['评价为满意或基本满意的提案 ÷ 已评价的提案', 'Rated satisfied or mostly satisfied ÷ rated proposals'],
    numerator: 'satisfied',
    denominator: 'rated',
  },
  {
    name: 'implementationRate',
    label: ['提案落实率（A 类占比）', 'Proposals solved (grade A share)'],
    definition: ['落实等级为 A 的提案 ÷ 已评定等级的提案', 'Graded A ÷ graded proposals'],
    numerator: 'gradeA',
    denominator: 'graded',
  },
  {
    name: 'gradeBShare',
    label: ['提案 B 类占比（列入计划逐步解决）', 'Proposals graded B (planned)'],
    definition: ['落实等级为 B 的提案 ÷ 已评定等级的提案', 'Graded B ÷ graded proposals'],
    numerator: 'gradeB',
    denominator: 'graded',
  },
  {
    name: 'gradeCShare',
    label: ['提案 C 类占比（留作参考）', 'Proposals graded C (for reference)'],
    definition: ['落实等级为 C 的提案 ÷ 已评定等级的提案', 'Graded C ÷ graded proposals'],
    numerator: 'gradeC',
    denominator: 'graded',
  },
  {
    name: 'rejectionRate',
    label: ['提案不立案率', 'Proposals not accepted'],
    definition: ['审查为不予立案的提案 ÷ 已审查的提案', 'Not accepted ÷ screened proposals'],
    numerator: 'rejected',
    denominator: 'screened',
  },
  {
    name: 'mergeRate',
    label: ['提案合并率', 'Proposals merged'],
    definition: ['审查时并入同一事项其他提案的提案 ÷ 已审查的提案', 'Merged into another proposal on the same matter ÷ screened proposals'],
    numerator: 'merged',
    denominator: 'screened',
  },
  {
    name: 'opinionRate',
    label: ['提案转意见建议率', 'Proposals converted to opinions'],
    definition: ['审查时转为意见建议办理的提案 ÷ 已审查的提案', 'Converted to an opinion or suggestion ÷ screened proposals'],
    numerator: 'opinion',
    denominator: 'screened',
  },
];

congressIndicators.push(
  ...RATES.map((r) =>
    defineIndicator({
      key: `congress.${r.name}`,
      label: { zh: r.label[0], en: r.label[1] },
      definition: { zh: r.definition[0], en: r.definition[1] },
      period: 'range',
      unit: 'rate',
      compute: (db, q) => proposalRate(db, q, r.numerator, r.denominator),
      records: async (db, q) => {
        const ids = await sharedRead(q, 'congress.proposalSetIds', () => setIds(db, q.scope, q.from, q.to));
        return { numerator: sortedIds(ids[r.numerator]), denominator: sortedIds(ids[r.denominator]) };
      },
      recordsPermission: CONGRESS_PERMISSIONS.manage,
      recordPage: '/congress/proposals/:id',
    }),
  ),
);
