/**
 * Filter combinations generated from a list's zod query schema: every single filter and
 * every pair, so a filter added to the schema is measured without touching the benchmark.
 * A filter with no sample value fails the run instead of being skipped silently.
 */
import type { z } from 'zod';

/** Paging and direction are not filters; `sort` is, since it picks the index a page is read off. */
const NOT_FILTERS = new Set(['page', 'pageSize', 'order']);

export type Combo = Record<string, string>;

export function filterKeys(schema: z.ZodObject<any>): string[] {
  return Object.keys(schema.shape).filter((k) => !NOT_FILTERS.has(k));
}

export function combinations(schema: z.ZodObject<any>, samples: Record<string, string>): Combo[] {
  const keys = filterKeys(schema);
  const missing = keys.filter((k) => samples[k] === undefined);
  if (missing.length) throw new Error(`no sample value for ${missing.join(', ')}: add one to the benchmark`);
  const out: Combo[] = [{}];
  for (const k of keys) out.push({ [k]: samples[k] });
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push({ [keys[i]]: samples[keys[i]], [keys[j]]: samples[keys[j]] });
  // Every sample must pass the schema, or the benchmark would time a 400.
  for (const c of out) schema.parse(c);
  return out;
}

export const label = (c: Combo) => Object.keys(c).join(' + ') || '(none)';
