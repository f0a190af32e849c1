/**
 * Which records a report's figures counted (issue #22: "the snapshot says which records were
 * counted"). Each indicator that names its records (`records` in its declaration, see
 * core/indicators/records.ts) is asked for its numerator's and denominator's ids at generation. Stored per practice: the distinct ids once, sorted, and per figure two bitmaps
 * over that list — at scale a practice's figures are cut from the same few hundred thousand
 * records, so one list and a bit per record and figure part stay small; gzip takes the rest.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db, Tx } from '../../core/db/database.js';
import type { RegisteredIndicator } from '../../core/indicators/indicators.registry.js';
import type { IndicatorQuery } from '../../core/indicators/indicator.js';
import type { Figure } from '../../../common/figure.js';
import { wdb } from './workReport.tables.js';

export type Part = 'numerator' | 'denominator';
/** One figure's records as counted: the ids of its numerator and denominator. */
export type FigureRecords = { ref: string; module: string; numerator: string[]; denominator: string[] };

/** The ids behind one figure, or null when its indicator names no records. */
export async function recordsOf(db: Db, ind: RegisteredIndicator, q: IndicatorQuery, f: Figure, ref: string): Promise<FigureRecords | null> {
  const r = ind.records ? await ind.records(db, q, f) : null;
  return r && { ref, module: ind.module, ...r };
}

const pack = (text: string) => gzipSync(text).toString('base64');
const unpack = (b64: string) => gunzipSync(Buffer.from(b64, 'base64')).toString();

function bitmap(all: readonly string[], index: Map<string, number>, ids: readonly string[]): string {
  const bits = Buffer.alloc(Math.ceil(all.length / 8));
  for (const id of ids) {
    const i = index.get(id)!;
    bits[i >> 3] |= 1 << (i & 7);
  }
  return bits.toString('base64');
}

/** The rows to store: per practice the sorted distinct ids and each figure's two bitmaps. */
export function encodeRecords(list: readonly FigureRecords[]): { module: string; count: number; ids: string; subsets: string }[] {
  const byModule = new Map<string, FigureRecords[]>();
  for (const r of list) byModule.set(r.module, [...(byModule.get(r.module) ?? []), r]);
  return [...byModule].map(([module, figs]) => {
    const all = [...new Set(figs.flatMap((r) => [...r.numerator, ...r.denominator]))].sort();
    const index = new Map(all.map((id, i) => [id, i]));
    const subsets = Object.fromEntries(
      figs.map((r) => [r.ref, { numerator: bitmap(all, index, r.numerator), denominator: bitmap(all, index, r.denominator) }]),
    );
    return { module, count: all.length, ids: pack(all.join('\n')), subsets: pack(JSON.stringify(subsets)) };
  });
}

export async function saveRecords(tx: Tx, reportId: string, list: readonly FigureRecords[]) {
  const rows = encodeRecords(list).map((r) => ({ report_id: reportId, ...r }));
  await wdb(tx).deleteFrom('work_report_records').where('report_id', '=', reportId).execute();
  for (const row of rows) await wdb(tx).insertInto('work_report_records').values(row).execute();
}

/** The ids a figure's part counted, sorted; null when the report kept none for it (its practice names no records). */
export async function loadRecords(db: Tx, reportId: string, module: string, ref: string, part: Part): Promise<string[] | null> {
  const row = await wdb(db)
    .selectFrom('work_report_records')
    .select(['ids', 'subsets'])
    .where('report_id', '=', reportId)
    .where('module', '=', module)
    .executeTakeFirst();
  if (!row) return null;
  const subset = (JSON.parse(unpack(row.subsets)) as Record<string, Record<Part, string>>)[ref];
  if (!subset) return null;
  const bits = Buffer.from(subset[part], 'base64');
  const all = unpack(row.ids).split('\n');
  return all.filter((_, i) => bits[i >> 3] & (1 << (i & 7)));
}

/** Bytes stored for a report's records (bench: a group year at L). */
export async function storedBytes(db: Tx, reportId: string): Promise<{ modules: number; records: number; bytes: number }> {
  const rows = await wdb(db).selectFrom('work_report_records').select(['count', 'ids', 'subsets']).where('report_id', '=', reportId).execute();
  return { modules: rows.length, records: rows.reduce((n, r) => n + r.count, 0), bytes: rows.reduce((n, r) => n + r.ids.length + r.subsets.length, 0) };
}
