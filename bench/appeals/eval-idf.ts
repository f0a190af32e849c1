/**
 * Writes server/core/similarity/idf.ts: the background document frequencies of
 * the n-gram features (server/core/similarity/grams.ts), counted over the development set only — never
 * over a hold-out, so their figures stay honest.
 *
 *   npx tsx bench/appeals/eval-idf.ts
 *
 * Only features in two or more appeals are kept; the rest count as never seen (rarest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSet } from './eval.js';
import { GRAM, gramTokens } from '../../server/modules/appeals/index.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const set = loadSet(path.join(HERE, 'eval-set.json'));
const df = new Map<string, number>();
for (const a of set.appeals) {
  const grams = new Set(gramTokens(a.title, a.description).map((t) => t.slice(GRAM.length).replace(/^!/, '')));
  for (const g of grams) df.set(g, (df.get(g) ?? 0) + 1);
}
const kept = [...df].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const body = [
  '// Written by `npx tsx bench/appeals/eval-idf.ts` from bench/appeals/eval-set.json — do not edit by hand.',
  '// Background document frequencies for server/core/similarity/grams.ts: n = appeals counted, df = appeals with the feature.',
  `export const IDF: { n: number; df: Record<string, number> } = {`,
  `  n: ${set.appeals.length},`,
  '  df: {',
  ...kept.map(([g, n]) => `    ${JSON.stringify(g)}: ${n},`),
  '  },',
  '};',
  '',
].join('\n');
fs.writeFileSync(path.join(HERE, '../../server/core/similarity/idf.ts'), body);
console.log(`${kept.length} features of ${df.size} kept`);
