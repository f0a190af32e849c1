/**
 * `orgSettings(ns, schema, read)`: a module's settings of an org, each key resolved at its nearest definition along the
 * org's chain (the org itself first, then its parent, up to the root), else the schema's default. A mine may set its
 * own reopen limit and inherit the group's thresholds; a sibling's definition never reaches it.
 * 组织设置：每一项取本级或最近上级的定义，都未定义时用默认值；兄弟单位的设置不生效。
 *
 * The module keeps its own table (typed columns, its own migrations) and says how to read the rows defined on a list of
 * org ids as partial settings (null or absent = not set there); core does the resolution, the defaults, the validation
 * (a stored value the schema refuses is an error, not a silent default) and the memo: within one transaction the
 * settings of a path are read once (`resolveAlong`, core/org/context.ts).
 */
import type { z } from 'zod';
import type { Tx } from '../db/database.js';
import { nearestFirst, resolveAlong } from './context.js';

/** The settings one org defines: any key may be left unset (null or absent) to inherit it. */
export type DefinedAt<T> = { org_id: string } & { [K in keyof T]?: T[K] | null };

export interface OrgSettings<T> {
  /** `'<module>.<what>'`: the memo key. */
  readonly ns: string;
  /** The settings in force at `orgPath`, with the org that defines the nearest of them (null: all defaults). */
  at(db: Tx, orgPath: string): Promise<T & { definedAt: string | null }>;
}

export function orgSettings<S extends z.ZodObject>(
  ns: string,
  schema: S,
  read: (db: Tx, orgIds: string[]) => Promise<DefinedAt<z.infer<S>>[]>,
): OrgSettings<z.infer<S>> {
  const keys = Object.keys(schema.shape);
  return {
    ns,
    at: (db, orgPath) =>
      resolveAlong(db, orgPath, ns, async (ids) => {
        const rows = nearestFirst(ids, ids.length ? await read(db, ids) : []);
        const picked: Record<string, unknown> = {};
        for (const k of keys) {
          const v = rows.find((r) => (r as Record<string, unknown>)[k] != null);
          if (v) picked[k] = (v as Record<string, unknown>)[k];
        }
        return { ...(schema.parse(picked) as z.infer<S>), definedAt: rows[0]?.org_id ?? null };
      }),
  };
}
