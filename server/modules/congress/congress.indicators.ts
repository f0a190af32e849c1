/** The congress roster's figures; each counts exactly the records its drill-down lists. */
import { rateFigure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import type { IndicatorQuery } from '../../core/indicators/indicator.js';
import { defineIndicator, type IndicatorDefinition } from '../../core/indicators/indicator.js';
import { heldSessions } from './congress.repository.js';
import { countSet } from './congress.proposals.repository.js';
import { closedVotes } from './congress.votes.repository.js';
import type { ProposalSet } from '../../../common/congress.js';

/** Representatives present ÷ representatives expected, over the sessions held in the period. */
export async function attendanceRate(db: Db, q: IndicatorQuery) {
  const rows = await heldSessions(db, q.scope, q.from, q.to);
  const present = rows.reduce((s, r) => s + Number(r.present), 0);
  const expected = rows.reduce((s, r) => s + Number(r.expected), 0);
  // Each listed session shows its own present and expected (GET /congress/sessions/held): the one list holds both counts.
  const drill = { from: q.from, to: q.to, list: 'sessions' };
  return { rows, figure: rateFigure(present, expected, { numerator: drill, denominator: drill }) };
}

/** 投票率: ballots cast ÷ all representatives, summed over the votes closed at the sessions held in the period. */
export async function turnout(db: Db, q: IndicatorQuery) {
  const rows = await closedVotes(db, q.scope, q.from, q.to);
  const voted = rows.reduce((s, r) => s + Number(r.voted ?? 0), 0);
  const all = rows.reduce((s, r) => s + Number(r.representatives ?? 0), 0);
  // Each listed vote shows its own voted and representatives: the one list holds both counts.
  const drill = { from: q.from, to: q.to, list: 'votes' };
  return { rows, figure: rateFigure(voted, all, { numerator: drill, denominator: drill }) };
}

export const congressIndicators: IndicatorDefinition[] = [
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
  }),
];

/** A rate of two proposal sets over the sessions held in the period; the drill names both sets for GET /congress/proposals. */
export async function proposalRate(db: Db, q: IndicatorQuery, numerator: ProposalSet, denominator: ProposalSet) {
  const n = await countSet(db, q.scope, q.from, q.to, numerator);
  const d = await countSet(db, q.scope, q.from, q.to, denominator);
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
    }),
  ),
);
