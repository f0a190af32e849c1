import { z } from 'zod';

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'validation.id');
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'validation.date');
export const IdParams = z.object({ id: Id });

/** Page/size/sort for every list; the sort keys are whitelisted per list. */
export function listQuery<S extends readonly [string, ...string[]]>(sortKeys: S) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(sortKeys).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
}

/**
 * A list's cursor (`after`): opaque, written by the server (server/core/db/keyset.ts) and handed
 * back as given to read the page after the one shown.
 */
export const After = z.string().regex(/^[A-Za-z0-9_-]{1,300}$/, 'validation.cursor');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Query-string boolean: "1"/"true" → true. */
/** "a,b,c" in a query string → a validated list of `values` (at most `max` characters as sent). */
export function csv<T extends readonly [string, ...string[]]>(values: T, max = 500) {
  return z
    .string()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));
}

export const QueryBool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
