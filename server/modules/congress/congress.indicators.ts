/** The congress roster's figures; each counts exactly the records its drill-down lists. */
import { rateFigure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import type { IndicatorQuery } from '../../core/indicators/indicator.js';
import { defineIndicator } from '../../core/indicators/indicator.js';
import { heldSessions } from './congress.repository.js';

/** Representatives present ÷ representatives expected, over the sessions held in the period. */
export async function attendanceRate(db: Db, q: IndicatorQuery) {
  const rows = await heldSessions(db, q.scope, q.from, q.to);
  const present = rows.reduce((s, r) => s + Number(r.present), 0);
  const expected = rows.reduce((s, r) => s + Number(r.expected), 0);
  return { rows, figure: rateFigure(present, expected, { numerator: { status: 'closed', from: q.from, to: q.to, present: '1' }, denominator: { status: 'closed', from: q.from, to: q.to } }) };
}

export const congressIndicators = [
  defineIndicator({
    key: 'congress.attendanceRate',
    label: { zh: '职代会代表出席率', en: 'Congress attendance' },
    definition: { zh: '期间内已闭会各次会议实到代表人次 ÷ 应到代表人次（全体代表）', en: 'Representatives present ÷ all representatives, summed over the sessions held (closed) in the period' },
    period: 'range',
    unit: 'rate',
    async compute(db, q) {
      return (await attendanceRate(db, q)).figure;
    },
  }),
];
