/**
 * Similarity of two appeals for group-dispute early warning (群体诉求预警).
 *
 * An appeal's signature is a small set of tokens computed once at intake and stored:
 * 1. the text (title + description) is NFKC-folded and lower-cased;
 * 2. phrases of the union-domain lexicon are replaced by their concept, longest phrase
 *    first (加班工资 → #加班费, 压着不给 → #欠发);
 * 3. what is left is cut into words by ICU (`Intl.Segmenter('zh')`, or character bigrams
 *    where ICU is missing); stop words and single characters are dropped.
 * Two signatures are compared by weighted cosine: the weight of the shared tokens over
 * the geometric mean of both sets' weights. Concepts weigh what the lexicon says (topic
 * concepts 2–3, generic ones ≤ 1); plain words weigh 1. Cosine tolerates one text being
 * longer than the other, which a paraphrase usually is.
 *
 * Category and unit are not in the score: the caller only compares appeals of the same
 * unit and category within the window (server/modules/appeals/groupAlert.intake.ts).
 */
import { DEFAULT_APPEAL_SETTINGS } from '../../../common/appeals.js';
import { segmentWords } from '../search/segment.js';
import { LEXICON, SINGLE_CHARS, STOPWORDS, type ConceptRole } from './lexicon.js';
import { GRAM, gramCosine, gramTokens, gramVector, sharedFactsAndPhrases, type GramVector } from './grams.js';

const CONCEPT = '#';
export const NO_TOPIC_KEY = '-';
/** Marks a topic that the title names; carries no weight, only says what the appeal is mainly about. */
const MAIN = '^';
const variantToConcept = new Map<string, string>();
const conceptInfo = new Map<string, { role: ConceptRole; family?: string; weight: number }>();
let maxVariant = 1;
for (const entry of LEXICON) {
  conceptInfo.set(CONCEPT + entry.concept, { role: entry.role, family: entry.family, weight: entry.weight });
  for (const v of entry.variants) {
    const key = v.normalize('NFKC').toLowerCase();
    // The first concept listing a phrase keeps it: order in the lexicon breaks ties.
    if (!variantToConcept.has(key)) variantToConcept.set(key, CONCEPT + entry.concept);
    maxVariant = Math.max(maxVariant, [...key].length);
  }
}

const isHanChar = /\p{Script=Han}/u;

function wordToken(w: string): string | null {
  const single = SINGLE_CHARS[w];
  if (single) return CONCEPT + single;
  if (STOPWORDS.has(w)) return null;
  if (/^\d+$/.test(w)) return null;
  // A lone Han character (发, 没, 费) says little once the lexicon has had its turn.
  return [...w].length >= 2 || !isHanChar.test(w) ? w : null;
}

/** The stored signature: sorted distinct tokens; concepts start with '#'. */
export function signatureOf(title: string, description: string, opts: { forceBigrams?: boolean } = {}): string[] {
  const text = `${title}。${description}`.normalize('NFKC').toLowerCase();
  const chars = [...text];
  const tokens = new Set<string>();
  let residual = '';
  const flush = () => {
    if (!residual) return;
    for (const w of segmentWords(residual, opts)) {
      const t = wordToken(w);
      if (t) tokens.add(t);
    }
    residual = '';
  };
  for (let i = 0; i < chars.length;) {
    let matched = 0;
    for (let len = Math.min(maxVariant, chars.length - i); len >= 2; len--) {
      const concept = variantToConcept.get(chars.slice(i, i + len).join(''));
      if (concept) {
        flush();
        tokens.add(concept);
        matched = len;
        break;
      }
    }
    if (matched) i += matched;
    else residual += chars[i++];
  }
  flush();
  for (const t of titleTopics(title)) tokens.add(MAIN + t);
  for (const g of gramTokens(title, description)) tokens.add(g);
  return [...tokens].sort();
}

function titleTopics(title: string): string[] {
  const text = title.normalize('NFKC').toLowerCase();
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    for (let len = Math.min(maxVariant, chars.length - i); len >= 2; len--) {
      const concept = variantToConcept.get(chars.slice(i, i + len).join(''));
      if (concept) {
        const info = conceptInfo.get(concept);
        // The generic topics (工资) do not say what an appeal is mainly about.
        if (info?.role === 'topic' && info.weight >= 2) out.push(concept);
        i += len - 1;
        break;
      }
    }
  }
  return out;
}

export function tokenWeight(token: string): number {
  if (token.startsWith(MAIN)) return 0;
  return token.startsWith(CONCEPT) ? (conceptInfo.get(token)?.weight ?? 1) : 1;
}

/** A signature ready for comparison: what it is about, what went wrong, and its norm. */
export interface Prepared {
  tokens: Set<string>;
  topics: Set<string>;
  /** Topics named in the title: what the appeal is mainly about. */
  main: Set<string>;
  families: Set<string>;
  inquiry: boolean;
  norm: number;
  /** The lexicon's keys: the main topics, or '-' when the appeal names none. */
  lexKeys: Set<string>;
  /** What candidates are read by (issueKeys()): the lexicon's keys and the rare characters. Two appeals without a key in common score 0. */
  keys: Set<string>;
  /** The lexicon-free features (grams.ts). */
  grams: GramVector;
}

export function prepare(tokens: readonly string[]): Prepared {
  const grams = gramVector(tokens);
  const lexical = tokens.filter((t) => !t.startsWith(GRAM));
  const p: Prepared = {
    tokens: new Set(lexical),
    topics: new Set(),
    main: new Set(),
    families: new Set(),
    inquiry: false,
    norm: 0,
    lexKeys: new Set(),
    keys: new Set(),
    grams,
  };
  const implied = new Set<string>();
  for (const t of lexical) {
    p.norm += tokenWeight(t) ** 2;
    if (t.startsWith(MAIN)) {
      p.main.add(t.slice(MAIN.length));
      continue;
    }
    const info = conceptInfo.get(t);
    if (!info) continue;
    if (info.role === 'topic') {
      p.topics.add(t);
      if (info.family) implied.add(info.family);
    } else if (info.role === 'problem') p.families.add(info.family!);
    else if (info.role === 'inquiry') p.inquiry = true;
  }
  // Naming a problem makes an appeal a complaint, even with a rhetorical question in it;
  // a question that names none stays a question, whatever its topic implies.
  if (p.families.size) {
    p.inquiry = false;
    for (const f of implied) p.families.add(f);
  } else if (!p.inquiry) {
    for (const f of implied) p.families.add(f);
  }
  p.norm = Math.sqrt(p.norm);
  // Without a topic in the title, every topic of the text is a main one.
  if (!p.main.size) p.main = p.topics;
  p.lexKeys = p.topics.size ? p.main : new Set([NO_TOPIC_KEY]);
  p.keys = new Set([...p.lexKeys, ...grams.keys]);
  return p;
}

function intersects(a: Set<string>, b: Set<string>) {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** The lexicon's gate: same main topic (or, neither naming one, a shared plain word). */
function sameTopic(a: Prepared, b: Prepared): boolean {
  if (!intersects(a.lexKeys, b.lexKeys)) return false;
  if (a.topics.size) return true;
  // Neither names a known topic (their key is '-'): the lexicon cannot decide, the words must.
  for (const t of a.tokens) if (!t.startsWith(CONCEPT) && !t.startsWith(MAIN) && b.tokens.has(t)) return true;
  return false;
}

/** Problems that can be the same complaint (see the lexicon's roles); both halves of the score obey it. */
export function sameComplaint(a: Prepared, b: Prepared): boolean {
  // A question or suggestion matches only its like; a complaint and a question on one topic are two issues.
  if (a.inquiry || b.inquiry) return a.inquiry && b.inquiry;
  // Complaints match when what went wrong is of one family. An appeal that names no
  // problem at all may still be the same grievance in words the lexicon lacks.
  if (a.families.size && b.families.size) return intersects(a.families, b.families);
  return true;
}

export function lexiconScore(pa: Prepared, pb: Prepared): number {
  if (!pa.norm || !pb.norm || !sameTopic(pa, pb)) return 0;
  let shared = 0;
  const [small, large] = pa.tokens.size <= pb.tokens.size ? [pa, pb] : [pb, pa];
  for (const t of small.tokens) if (large.tokens.has(t)) shared += tokenWeight(t) ** 2;
  return shared / (pa.norm * pb.norm);
}

/**
 * The n-gram cosine at which two appeals count as one issue at the default threshold,
 * chosen on the development set with the lexicon switched off (bench/RESULTS.md). The
 * cosine is scaled so that the per-org threshold moves both halves together.
 */
export const GRAM_MATCH = 0.07;
export const GRAM_SCALE = DEFAULT_APPEAL_SETTINGS.groupThreshold / GRAM_MATCH;
/**
 * The n-gram cosine above which the lexicon's problem and question gates no longer veto where
 * it does not know both topics (similarity()): the middle of the range (2.5–4.4 × GRAM_MATCH) over which every
 * evaluation set gave the same groups and no false alert (bench/RESULTS.md, 2026-12-07).
 */
export const GRAM_AGREE = 0.24;

/**
 * Similarity of two appeals (0–1): the lexicon's weighted cosine when it knows both topics,
 * else the better of that and the scaled n-gram cosine, each 0 outside its own gate (the
 * lexicon's problem and question gates hold unless the n-grams agree at GRAM_AGREE). Both gates are key intersections
 * (Prepared.keys), so candidates read by key are exactly those that can score above 0.
 */
export function similarity(a: readonly string[] | Prepared, b: readonly string[] | Prepared): number {
  const pa = Array.isArray(a) ? prepare(a) : (a as Prepared);
  const pb = Array.isArray(b) ? prepare(b) : (b as Prepared);
  // Where the lexicon knows both topics it judges alone: it tells 夜班津贴没发 from 夜班津贴算错了, characters cannot.
  if (pa.topics.size && pb.topics.size) return sameComplaint(pa, pb) ? lexiconScore(pa, pb) : 0;
  const grams = gramCosine(pa.grams, pb.grams);
  // Elsewhere, texts that share this much (the same rare words, amounts, places) are one
  // grievance whatever problem the lexicon reads into a few words of them (是不是漏发了 / 没发;
  // 建议多装 / 太少): its families and its question/complaint split do not veto.
  if (grams >= GRAM_AGREE) return Math.min(1, Math.max(GRAM_SCALE * grams, lexiconScore(pa, pb)));
  if (!sameComplaint(pa, pb)) return 0;
  const lexicon = lexiconScore(pa, pb);
  return Math.min(1, Math.max(lexicon, GRAM_SCALE * grams));
}

/**
 * The order of the staff's similar-appeals list, which is for recall (server/modules/appeals/groupAlert.similar.ts):
 * every appeal similarity() scores above 0 first (key 1 + score), then those it gates out
 * that still share characters and facts (key: their n-gram cosine, below 1), so the list is
 * filled where the alert's gates are strict. 0: not listed.
 */
export function listRank(a: Prepared, b: Prepared): number {
  const s = similarity(a, b);
  if (s > 0) return 1 + s;
  return Math.min(0.999, gramCosine(a.grams, b.grams));
}

/**
 * Index keys of a signature: its main topics (or '-' when it names none) and its rare
 * characters. similarity() is 0 for two appeals without a key in common, so looking up
 * candidates by key loses nothing and skips most of a busy unit's appeals.
 */
export function issueKeys(tokens: readonly string[]): string[] {
  return [...prepare(tokens).keys];
}

/**
 * What an alert's members share, for its label and notice: the lexicon's concepts two or
 * more of them name (加班费 · 欠发), then the facts and phrases they share
 * (grams.ts: 500元, 工服押金), so an alert on a topic the lexicon lacks still says
 * what it is about.
 */
export function sharedKeywords(signatures: readonly (readonly string[])[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const sig of signatures) for (const t of sig) if (!t.startsWith(MAIN) && !t.startsWith(GRAM)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const concepts = [...counts.entries()]
    .filter(([t, n]) => n >= 2 && t.startsWith(CONCEPT))
    .sort((x, y) => y[1] * tokenWeight(y[0]) - x[1] * tokenWeight(x[0]) || x[0].localeCompare(y[0]))
    .slice(0, Math.ceil(limit / 2))
    .map(([t]) => t.slice(1));
  const out = [...concepts];
  for (const k of sharedFactsAndPhrases(signatures, limit)) {
    if (out.length >= limit) break;
    if (!out.some((o) => o.includes(k) || k.includes(o))) out.push(k);
  }
  return out;
}

/** Stored as one space-separated text column. */
export const encodeSignature = (tokens: readonly string[]) => tokens.join(' ');
export const decodeSignature = (text: string) => (text ? text.split(' ') : []);
