/**
 * Chinese text into tokens, for the full-text index and for similarity.
 *
 * Two segmentations, for two jobs:
 * - `indexTokens` (search): overlapping character bigrams of every run of Han characters
 *   (二元切分). ICU word segmentation is context-dependent — it splits 维权 into 维|权
 *   in some sentences and not in others — so a query word could miss its own text.
 *   Bigrams are context-free: a phrase query of a word's bigrams matches exactly the texts
 *   that contain the word, for any word of two or more characters.
 * - `segmentWords` (similarity): dictionary words from `Intl.Segmenter('zh')`, which
 *   Node ships with full ICU; where a runtime lacks it, bigrams stand in.
 */

const HAN = /\p{Script=Han}/u;
// Runs of Han characters, or runs of Latin letters/digits; everything else separates.
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function normalise(text: string): string {
  // NFKC folds full-width letters and digits (ＡＢＣ１２３) to their ASCII forms.
  return text.normalize('NFKC').toLowerCase();
}

function runs(text: string): string[] {
  return normalise(text).match(RUNS) ?? [];
}

const isHan = (run: string) => HAN.test(run[0]);

/** Bigrams of a Han run; a run's last character is kept alone too, so one-character queries can prefix-match. */
function hanBigrams(run: string, withTail: boolean): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  if (withTail) out.push(chars[chars.length - 1]);
  return out;
}

/** The token stream stored in the index, space-separated: both engines' tokenizers split on spaces only. */
export function indexText(text: string): string {
  const out: string[] = [];
  for (const run of runs(text)) {
    if (isHan(run)) out.push(...hanBigrams(run, true));
    else out.push(run.slice(0, 40));
  }
  return out.join(' ');
}

/**
 * A user query as terms: each whitespace-separated word becomes a phrase of its tokens.
 * A one-character Han word becomes a prefix term (房 → every bigram starting with 房, plus run tails).
 * Returns null for a query with nothing searchable in it.
 */
export interface QueryTerm {
  tokens: string[];
  prefix: boolean;
}

export function queryTerms(query: string): QueryTerm[] | null {
  const terms: QueryTerm[] = [];
  for (const run of runs(query).slice(0, 12)) {
    if (isHan(run)) {
      const chars = [...run];
      if (chars.length === 1) terms.push({ tokens: chars, prefix: true });
      else terms.push({ tokens: hanBigrams(run, false), prefix: false });
    } else {
      terms.push({ tokens: [run.slice(0, 40)], prefix: false });
    }
  }
  return terms.length ? terms : null;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };
let segmenter: Segmenter | null | undefined;

function icu(): Segmenter | null {
  if (segmenter === undefined) {
    try {
      const S = (Intl as any).Segmenter;
      segmenter = S ? new S('zh', { granularity: 'word' }) : null;
      // A small-ICU build answers with one segment per character; treat that as absent.
      if (segmenter && [...segmenter.segment('工资')].length !== 1) segmenter = null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter ?? null;
}

/** Dictionary words (ICU) or, without ICU, bigrams. Lower-cased, NFKC-normalised, punctuation dropped. */
export function segmentWords(text: string, opts: { forceBigrams?: boolean } = {}): string[] {
  const seg = opts.forceBigrams ? null : icu();
  const out: string[] = [];
  for (const run of runs(text)) {
    if (!isHan(run)) {
      out.push(run);
    } else if (seg) {
      for (const s of seg.segment(run)) if (s.isWordLike !== false && s.segment.trim()) out.push(s.segment);
    } else {
      out.push(...hanBigrams(run, false));
    }
  }
  return out;
}

export function hasIcuSegmenter(): boolean {
  return icu() !== null;
}
