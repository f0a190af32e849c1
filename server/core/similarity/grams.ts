/**
 * The lexicon-free half of group-alert similarity: character n-grams and numeric facts.
 *
 * Paraphrases of a grievance the lexicon never heard of still share characters (人车 /
 * 坐车 / 等车; 自来水发黄 / 锈水 / 水质) and facts (500 元, 11 点). Features of a text:
 * - every Han bigram, and every Han character but the commonest function ones;
 * - numeric facts: a number with its unit, Chinese numerals read as digits (五百元 → 500元);
 * - Latin/digit runs (WiFi, App).
 * Title features weigh twice the body's; characters weigh 1.5 (a single character carries
 * the meaning a paraphrase keeps: 水, 锁, 押); facts weigh 2. Every feature is weighted by
 * its rarity (IDF) in a fixed background table built from the development set
 * (idf.ts, written by bench/appeals/eval-idf.ts): words every appeal uses
 * (没有, 工资, 一直) count little; a topic the table never saw counts most.
 *
 * Two appeals are compared only when they share a *rare character* (background document
 * frequency ≤ RARE_DF): those characters are the index keys candidates are read by, so the
 * score and the retrieval are one rule.
 */
import { IDF } from './idf.js';

export const GRAM = '~';
/** Marks a feature seen in the title. */
const IN_TITLE = '!';
const FACT = '$';
export const RARE_KEY = 'c:';

const TITLE_WEIGHT = 2;
const CHAR_WEIGHT = 1.5;
const FACT_WEIGHT = 2;
/** A character in at most this share of the background appeals is rare enough to be a key. */
const RARE_SHARE = 0.065;

// Function characters: in nearly every appeal, they say nothing about its issue.
const STOP_CHARS = new Set([...'的了是我们你他她它这那就都也还在有和与及或被把给让对说要会能可不没吗呢吧啊呀么个一上下来去到过着很太又再']);
const RUNS = /\p{Script=Han}+|[a-z0-9.%]+/gu;
const HAN = /\p{Script=Han}/u;
const NUMERAL = '零一二两三四五六七八九十百千万半';
const FACT_RE = new RegExp(`([0-9]+(?:\\.[0-9]+)?|[${NUMERAL}]+)(元|块钱|块|%|个点|点|天|个月|月|年|小时|趟|次|号|楼|米|码)`, 'gu');

/** 五百 → 500, 十一 → 11, 两千三 → 2300 (enough for amounts, hours, days people write). */
function readNumeral(s: string): number | null {
  if (/^[0-9.]+$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  const digit: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
  let total = 0;
  let cur = 0;
  let lastUnit = 1;
  for (const c of s) {
    if (c in digit) cur = digit[c];
    else if (c in unit) {
      if (unit[c] === 10000) {
        total = (total + cur) * 10000;
        lastUnit = 10000;
      } else {
        total += (cur || 1) * unit[c];
        lastUnit = unit[c];
      }
      cur = 0;
    } else return null;
  }
  // 两千三 means 2300: a trailing digit takes the next unit down.
  return total + (cur && lastUnit > 10 && !s.endsWith('零' + [...s].at(-1)) ? (cur * lastUnit) / 10 : cur);
}

const FACT_UNITS = new Set([...'元块点天月年时趟次号楼米码']);
const unitOf = (u: string) => (u === '块' || u === '块钱' ? '元' : u === '个点' ? '%' : u);

/** Facts of a text: "500元", "11点", "3个月". */
export function factsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(FACT_RE)) {
    const n = readNumeral(m[1]);
    if (n !== null && Number.isFinite(n)) out.push(`${n}${unitOf(m[2])}`);
  }
  return out;
}

/** The stored feature tokens of a text (they go into the appeal's signature). */
export function gramTokens(title: string, description: string): string[] {
  const seen = new Map<string, boolean>();
  const add = (g: string, title: boolean) => seen.set(g, (seen.get(g) ?? false) || title);
  for (const [text, isTitle] of [
    [title, true],
    [description, false],
  ] as const) {
    const folded = text.normalize('NFKC').toLowerCase();
    for (const f of factsOf(folded)) add(FACT + f, isTitle);
    for (const run of folded.match(RUNS) ?? []) {
      if (!HAN.test(run)) {
        if (/[a-z]/.test(run)) add(run, isTitle);
        continue;
      }
      const cs = [...run];
      for (let i = 0; i + 1 < cs.length; i++) add(cs[i] + cs[i + 1], isTitle);
      for (const c of cs) if (!STOP_CHARS.has(c)) add(c, isTitle);
    }
  }
  return [...seen].map(([g, t]) => GRAM + (t ? IN_TITLE : '') + g);
}

/** The background's document frequency of a feature (without its marks). */
const DF = new Map(Object.entries(IDF.df));
// Computed once: an intake prepares a few hundred candidates, each with ~100 features.
const IDF_OF = new Map([...DF].map(([g, n]) => [g, Math.log((IDF.n + 1) / (n + 1))]));
const UNSEEN_IDF = Math.log(IDF.n + 1);
const idfOf = (g: string) => IDF_OF.get(g) ?? UNSEEN_IDF;
const RARE_DF = RARE_SHARE * IDF.n;

export function isRareChar(g: string): boolean {
  // Every Han character a worker types is one UTF-16 unit (the BMP's CJK block).
  return g.length === 1 && HAN.test(g) && !STOP_CHARS.has(g) && (DF.get(g) ?? 0) <= RARE_DF;
}

export interface GramVector {
  weights: Map<string, number>;
  norm: number;
  /** Index keys: the rare characters of the text. */
  keys: Set<string>;
}

/** A stored feature token read once: its feature (marks dropped), weight and whether it is an index key. */
interface Feature {
  gram: string;
  weight: number;
  key: string | null;
}

/**
 * Feature tokens seen so far, each read once: an intake prepares a few hundred candidates of ~250
 * tokens each, and reading a token (marks, IDF, rarity) cost more than the scoring. The
 * vocabulary of a union's appeals is small; the bound only keeps a pathological one from growing it without end.
 */
const FEATURES = new Map<string, Feature>();
const FEATURES_MAX = 200_000;

function featureOf(t: string): Feature {
  let f = FEATURES.get(t);
  if (f) return f;
  const inTitle = t[1] === IN_TITLE;
  const g = t.slice(inTitle ? 2 : 1);
  const fact = g.startsWith(FACT);
  f = {
    gram: g,
    weight: (inTitle ? TITLE_WEIGHT : 1) * (fact ? FACT_WEIGHT : g.length === 1 ? CHAR_WEIGHT : 1) * idfOf(g),
    key: isRareChar(g) ? RARE_KEY + g : null,
  };
  if (FEATURES.size >= FEATURES_MAX) FEATURES.clear();
  FEATURES.set(t, f);
  return f;
}

export function gramVector(tokens: Iterable<string>): GramVector {
  const weights = new Map<string, number>();
  const keys = new Set<string>();
  let sq = 0;
  for (const t of tokens) {
    if (!t.startsWith(GRAM)) continue;
    const f = featureOf(t);
    weights.set(f.gram, f.weight);
    sq += f.weight * f.weight;
    if (f.key) keys.add(f.key);
  }
  return { weights, norm: Math.sqrt(sq), keys };
}

/** Weighted cosine of two feature vectors; 0 unless they share a rare character (a key). */
export function gramCosine(a: GramVector, b: GramVector): number {
  if (!a.norm || !b.norm) return 0;
  let keyed = false;
  for (const k of a.keys) if (b.keys.has(k)) keyed = true;
  if (!keyed) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, w] of small.weights) {
    const v = large.weights.get(g);
    if (v) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** The features two vectors share, heaviest first (what to highlight, what an alert is about). */
export function sharedGrams(a: GramVector, b: GramVector): { gram: string; weight: number }[] {
  const out: { gram: string; weight: number }[] = [];
  for (const [g, w] of a.weights) {
    const v = b.weights.get(g);
    if (v) out.push({ gram: g, weight: w * v });
  }
  return out.sort((x, y) => y.weight - x.weight || x.gram.localeCompare(y.gram));
}

export const isFact = (g: string) => g.startsWith(FACT);
export const factText = (g: string) => g.slice(FACT.length);

/**
 * What a group of appeals has in common, in words a person reads: the numeric facts two or
 * more of them state (500元, 11点), then the longest phrases whose every bigram is shared by
 * at least half of them (押金 + 金从 … → 工服押金), rarest first, then rare characters so shared.
 */
export function sharedFactsAndPhrases(tokenLists: readonly (readonly string[])[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const tokens of tokenLists) {
    const seen = new Set<string>();
    for (const t of tokens) if (t.startsWith(GRAM)) seen.add(t.slice(t[1] === IN_TITLE ? 2 : 1));
    for (const g of seen) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const need = Math.max(2, Math.ceil(tokenLists.length / 2));
  const facts = [...counts]
    .filter(([g, n]) => g.startsWith(FACT) && n >= 2)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([g]) => g.slice(FACT.length));
  // A bigram that starts with a unit (号道 of 18号道口) belongs to a fact already named.
  const bigrams = new Set(
    [...counts]
      .filter(([g, n]) => n >= need && [...g].length === 2 && HAN.test(g) && !FACT_UNITS.has(g[0]) && [...g].some((c) => !STOP_CHARS.has(c)))
      .map(([g]) => g),
  );
  const phrases: { text: string; weight: number }[] = [];
  for (const start of bigrams) {
    // A phrase starts where no shared bigram leads into it.
    if ([...bigrams].some((b) => b !== start && b[1] === start[0])) continue;
    let text = start;
    let weight = idfOf(start);
    const used = new Set([start]);
    for (
      let next = [...bigrams].find((b) => !used.has(b) && b[0] === text.at(-1));
      next && text.length < 8;
      next = [...bigrams].find((b) => !used.has(b) && b[0] === text.at(-1))
    ) {
      used.add(next);
      text += next[1];
      weight += idfOf(next);
    }
    phrases.push({ text, weight });
  }
  phrases.sort((x, y) => y.weight - x.weight || x.text.localeCompare(y.text));
  // Paraphrases may share no two characters in a row (自来水发黄 / 锈水 / 水质): then the rare characters they share.
  const chars = [...counts]
    .filter(([g, n]) => n >= need && isRareChar(g) && !phrases.some((p) => p.text.includes(g)))
    .sort((x, y) => y[1] * idfOf(y[0]) - x[1] * idfOf(x[0]) || x[0].localeCompare(y[0]))
    .map(([g]) => g);
  return [...facts, ...phrases.map((p) => p.text), ...chars].slice(0, limit);
}
