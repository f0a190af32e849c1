/**
 * Prepared query shapes. Kysely builds and compiles every query afresh: tens of
 * microseconds each, a real share of a short write that runs twenty statements (an appeal
 * intake spent more CPU building its SQL than SQLite spent running most of it). A query
 * whose shape never changes — only its values do — is built and compiled here once per
 * engine and afterwards only has its values bound:
 *
 *   const byId = prepared((db, p: { id: string }) => db.selectFrom('orgs').select('name').where('id', '=', p.id));
 *   const org = await byId.first(tx, { id });
 *
 * The builder runs once, with placeholders for `p`: use each parameter only as a value
 * (`where(…, p.x)`, `values({ … })`, `limit(p.n)`), never to decide the query's shape (no
 * `if (p.x)`, no string built from it). An array is a list for `in`: one shape per length.
 * A placeholder that ends up anywhere but the bound values is refused when the shape is built.
 *
 * Rows to insert get the same treatment through `insertRow`, keyed by table and columns.
 */
import type { CompiledQuery, Compilable, Insertable, Kysely, QueryResult, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { Engine, Tx } from './database.js';
import { engineOf } from './dialect.js';

class Placeholder {
  /** `index`: the element of a list parameter this stands for. */
  constructor(
    readonly name: string,
    readonly index = -1,
  ) {}
}

interface Shape {
  compiled: CompiledQuery;
  /** Per bound value: the parameter's name, or the constant the builder wrote in. */
  slots: (Placeholder | unknown)[];
}

function compileShape(query: Compilable<unknown>, used: Set<string>, what: string): Shape {
  const compiled = query.compile();
  const bound = new Set<string>();
  for (const v of compiled.parameters) if (v instanceof Placeholder) bound.add(v.name);
  for (const name of used) {
    if (!bound.has(name)) throw new Error(`prepared ${what}: parameter "${name}" shapes the query instead of being a bound value`);
  }
  return { compiled, slots: [...compiled.parameters] };
}

function bind(shape: Shape, values: Record<string, unknown>): CompiledQuery {
  const parameters = shape.slots.map((s) => {
    if (!(s instanceof Placeholder)) return s;
    const v = s.index < 0 ? values[s.name] : (values[s.name] as unknown[])[s.index];
    if (v === undefined) throw new Error(`prepared query: no value for "${s.name}"`);
    return v;
  });
  return { ...shape.compiled, parameters };
}

type RowOf<Q> = Q extends Compilable<infer O> ? O : never;

export interface Prepared<P, R> {
  all(db: Tx, params: P): Promise<R[]>;
  first(db: Tx, params: P): Promise<R | undefined>;
  /** For writes: affected rows and, with `returning`, the rows. */
  run(db: Tx, params: P): Promise<QueryResult<R>>;
}

/** Shapes kept per prepared query: lists of that many different lengths. */
const MAX_SHAPES = 32;

/**
 * `D` is the database as the caller types it (a module's view of its own tables, say).
 * A parameter given as an array is a list (`where('id', 'in', p.ids)`): its length is part
 * of the shape, so each length is compiled once; an empty list is the caller's to handle.
 */
export function prepared<P extends object, Q extends Compilable<any>, D = DB>(
  build: (db: Kysely<D>, p: P) => Q,
  what = build.toString().slice(0, 80),
): Prepared<P, RowOf<Q>> {
  // Shapes compiled for SQLite do not run on PostgreSQL: one per engine (and list lengths).
  const shapes = new Map<string, Shape>();
  const shapeFor = (db: Tx, values: Record<string, unknown>): Shape => {
    const engine: Engine = engineOf(db);
    let key: string = engine;
    for (const name in values) {
      const v = values[name];
      if (Array.isArray(v)) key += ` ${name}:${v.length}`;
    }
    let shape = shapes.get(key);
    if (!shape) {
      const used = new Set<string>();
      const p = new Proxy({} as P, {
        get: (_, name) => {
          if (typeof name !== 'string') return undefined;
          used.add(name);
          const v = values[name];
          return Array.isArray(v) ? v.map((_, i) => new Placeholder(name, i)) : new Placeholder(name);
        },
      });
      shape = compileShape(build(db as unknown as Kysely<D>, p), used, what);
      if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
      shapes.set(key, shape);
    }
    return shape;
  };
  const run = (db: Tx, params: P) => {
    const values = params as Record<string, unknown>;
    return db.executeQuery(bind(shapeFor(db, values), values)) as Promise<QueryResult<RowOf<Q>>>;
  };
  return {
    run,
    async all(db, params) {
      return (await run(db, params)).rows;
    },
    async first(db, params) {
      return (await run(db, params)).rows[0];
    },
  };
}

const inserts = new Map<Engine, Map<string, Shape>>();

/**
 * Inserts one row with a statement compiled once per engine, table and set of columns.
 * Same result as `db.insertInto(table).values(row).execute()`.
 */
export async function insertRow<D = DB, T extends keyof D & string = keyof D & string>(
  db: Kysely<D> | Transaction<D>,
  table: T,
  row: Insertable<D[T]>,
): Promise<void> {
  const engine = engineOf(db as Kysely<any>);
  let byKey = inserts.get(engine);
  if (!byKey) inserts.set(engine, (byKey = new Map()));
  // A column given as undefined is left out, as Kysely does (its default applies).
  const columns = Object.keys(row).filter((c) => (row as Record<string, unknown>)[c] !== undefined);
  const key = `${table}(${columns.join(',')})`;
  let shape = byKey.get(key);
  if (!shape) {
    const placeholders = Object.fromEntries(columns.map((c) => [c, new Placeholder(c)]));
    shape = compileShape((db as Kysely<D>).insertInto(table).values(placeholders as any), new Set(columns), key);
    byKey.set(key, shape);
  }
  await (db as Kysely<D>).executeQuery(bind(shape, row as Record<string, unknown>));
}
