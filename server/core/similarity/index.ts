/**
 * Text similarity of short Chinese grievances: the signature stored per text, the lexicon and
 * character n-gram scores, the index keys candidates are read by. In core because two modules
 * group texts by the same rule — appeals (group-dispute early warning) and policies (政策解读
 * groups workers' questions) — and neither should import the other for it.
 */
export * from './similarity.js';
export { GRAM, gramTokens, gramCosine, gramVector, sharedGrams, isFact, factText, type GramVector } from './grams.js';
