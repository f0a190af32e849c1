/**
 * Prepared signatures of stored appeals, kept between group checks.
 *
 * A signature never changes once written at intake, and the checks of a busy unit read the
 * same newest appeals again and again (the newest READ_PER_KEY of each key): preparing
 * (decoding and weighing ~250 features) each candidate afresh was the larger half of a check's
 * CPU (bench/appeals/intake.bench.ts --profile). So the check reads the texts only of the
 * candidates this process has not prepared yet, and keeps the newest-used SIZE of them.
 * Keyed by appeal id: ids are never reused, and what is kept is the very result prepare()
 * gives for the stored text, so a kept entry decides exactly as a fresh one would.
 */
import type { Prepared } from '../../core/similarity/index.js';

/** ~4 000 appeals: the busiest unit × category of a 100 000-appeal window is ~1 700 (a few MiB of features). */
const SIZE = 4096;
const kept = new Map<string, Prepared>();

/** The kept preparation of an appeal's signature, marked as just used; undefined when not kept. */
export function keptSignature(appealId: string): Prepared | undefined {
  const p = kept.get(appealId);
  if (p) {
    kept.delete(appealId);
    kept.set(appealId, p);
  }
  return p;
}

/** Keeps an appeal's prepared signature, dropping the least recently used beyond SIZE. */
export function keepSignature(appealId: string, p: Prepared): Prepared {
  kept.delete(appealId);
  kept.set(appealId, p);
  if (kept.size > SIZE) kept.delete(kept.keys().next().value!);
  return p;
}
