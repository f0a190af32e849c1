/**
 * What bounding the group check's candidates loses (issue #16): every evaluation set through
 * checkIntake() with every appeal sharing a key read (unbounded, as before the bound) and with
 * the newest N per key, for the shipped KEY_DEPTH and smaller ones; the groups alerted and the
 * false alerts of each, and whether the alerts are the very same.
 *
 *   npx tsx bench/appeals/depth-eval.ts
 */
import path from 'node:path';
import { KEY_DEPTH } from '../../server/modules/appeals/index.js';
import { loadSet, scoreAlerts, type Alerts } from './eval.js';
import { intakeAlertsOnSqlite } from './eval-intake.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const SETS = ['eval-set.json', 'eval-holdout.json', 'eval-holdout2.json', 'eval-holdout3.json', 'eval-holdout4.json'];
const DEPTHS = [Number.MAX_SAFE_INTEGER, KEY_DEPTH, 16, 4];
const same = (a: Alerts, b: Alerts) => JSON.stringify([...a.values()].map((x) => x.members)) === JSON.stringify([...b.values()].map((x) => x.members));

console.log('| set | appeals | depth per key | groups alerted | false alerts | alerts identical to unbounded |');
console.log('| --- | ---: | --- | ---: | ---: | --- |');
for (const name of SETS) {
  const set = loadSet(path.join(HERE, name));
  let unbounded: Alerts | null = null;
  for (const depth of DEPTHS) {
    const { alerts } = await intakeAlertsOnSqlite(set, depth);
    unbounded ??= alerts;
    const g = scoreAlerts(set, alerts);
    const d = depth === Number.MAX_SAFE_INTEGER ? 'unbounded (before)' : depth === KEY_DEPTH ? `${depth} (shipped)` : String(depth);
    console.log(`| ${name} | ${set.appeals.length} | ${d} | ${g.alertedGroups}/${g.expectedGroups} | ${g.alerts - g.correctAlerts} | ${same(alerts, unbounded) ? 'yes' : 'no'} |`);
  }
}
