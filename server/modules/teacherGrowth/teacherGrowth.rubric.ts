/**
 * The school's observation rubric (听课评课量表): the academic office defines the items, their
 * weights and the scale; observations are scored against one version of it. A version that
 * observations were scored on is never changed in place — saving makes the next version, and
 * each observation keeps showing the version it was scored on.
 */
import { recordAudit } from '../../core/audit/audit.js';
import { conflict, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { DEFAULT_RUBRIC, rubricTotal, type RubricItem } from '../../../common/teacherGrowth.js';
import type { PlanDetail, RubricBody, RubricVersion } from '../../../common/schemas/teacherGrowth.js';
import * as repo from './teacherGrowth.repository.js';
import type { GrowthRubricTable } from './teacherGrowth.tables.js';
import { memberSchool, overseenSchool } from './teacherGrowth.policy.js';

type Row = GrowthRubricTable & { used?: number | string | null };

const DEFAULT: RubricVersion = {
  id: null,
  version: 0,
  title: DEFAULT_RUBRIC.title,
  scaleMax: DEFAULT_RUBRIC.scaleMax,
  passMark: DEFAULT_RUBRIC.passMark,
  items: DEFAULT_RUBRIC.items,
  createdAt: null,
  used: 0,
};

const versionOf = (r: Row): RubricVersion => ({
  id: r.id,
  version: r.version,
  title: r.title,
  scaleMax: r.scale_max,
  passMark: r.pass_mark,
  items: JSON.parse(r.items) as RubricItem[],
  createdAt: r.created_at,
  used: Number(r.used ?? 0),
});

async function stateOf(db: Db | Tx, schoolId: string) {
  const versions = (await repo.rubricVersions(db, schoolId)).map(versionOf);
  return { current: versions[0] ?? DEFAULT, versions };
}

/** The rubric in force and its history: every teacher of the school scores on it, the office edits it. */
export async function rubric(call: Call, schoolId: string) {
  await memberSchool(call.db, call.actor, schoolId);
  return stateOf(call.db, schoolId);
}

/** Item keys: kept when given, made up for new items (unique within the version). */
function itemsOf(body: RubricBody): RubricItem[] {
  const taken = new Set(body.items.flatMap((i) => (i.key ? [i.key] : [])));
  if (taken.size !== body.items.filter((i) => i.key).length) throw invalid('body.items', 'teacherGrowth.rubricKeys');
  let n = 0;
  return body.items.map((i) => {
    if (i.key) return { key: i.key, name: i.name, weight: i.weight };
    while (taken.has(`item${++n}`));
    taken.add(`item${n}`);
    return { key: `item${n}`, name: i.name, weight: i.weight };
  });
}

export async function saveRubric(call: WriteCall, schoolId: string, body: RubricBody) {
  await overseenSchool(call.tx, call.actor, schoolId);
  if (body.items.reduce((s, i) => s + i.weight, 0) !== 100) throw invalid('body.items', 'teacherGrowth.rubricWeights');
  const items = itemsOf(body);
  const { current } = await stateOf(call.tx, schoolId);
  const values = {
    title: body.title,
    scale_max: body.scaleMax,
    pass_mark: body.passMark,
    items: JSON.stringify(items),
    created_by: call.actor.accountId,
    created_at: call.iso,
  };
  let id = current.id;
  const rewritten = current.id !== null && current.used === 0 && Number((await repo.rewriteUnusedRubric(call.tx, current.id, values)).numUpdatedRows) > 0;
  if (!rewritten) {
    id = newId();
    await repo.insertRubric(call.tx, { id, school_id: schoolId, version: current.version + 1, ...values });
  }
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.rubricSave',
    entityType: 'growthRubric',
    entityId: id!,
    orgId: schoolId,
    changes: { version: rewritten ? current.version : current.version + 1, items: items.length },
  });
  return stateOf(call.tx, schoolId);
}

/**
 * Scores an observation on the school's current version: every item scored 1..scaleMax (422 naming
 * body.rubric), on the version the observer's form showed (409 when the office has saved a new one since).
 */
export async function scoreObservation(tx: Tx, schoolId: string, rubricId: string | null | undefined, scores: Record<string, number> | undefined) {
  const { current } = await stateOf(tx, schoolId);
  if ((rubricId ?? null) !== current.id && rubricId !== undefined) throw conflict('teacherGrowth.rubricChanged');
  if (!scores) throw invalid('body.rubric', 'teacherGrowth.rubric', { max: current.scaleMax });
  const keys = new Set(current.items.map((i) => i.key));
  const complete = current.items.every((i) => Number.isInteger(scores[i.key]) && scores[i.key]! >= 1 && scores[i.key]! <= current.scaleMax);
  if (!complete || Object.keys(scores).some((k) => !keys.has(k))) throw invalid('body.rubric', 'teacherGrowth.rubric', { max: current.scaleMax });
  const total = rubricTotal(current, scores);
  return { rubric_id: current.id, score: total, rubric_met: total >= current.passMark ? 1 : 0 };
}

type EvidenceRow = { rubric: string | null; rubric_id: string | null; score: number | null; rubric_met: number | null };

/** Each observation as scored, on the version it was scored on (the default for those scored before a school saved its own). */
export async function observationsOf(db: Db | Tx, rows: EvidenceRow[]): Promise<(row: EvidenceRow) => PlanDetail['evidence'][number]['observation']> {
  const versions = new Map(
    (await repo.rubricsByIds(db, [...new Set(rows.flatMap((r) => (r.rubric_id ? [r.rubric_id] : [])))])).map((r) => [r.id, versionOf(r)]),
  );
  return (row) => {
    if (row.rubric === null) return null;
    const v = (row.rubric_id && versions.get(row.rubric_id)) || DEFAULT;
    const scores = JSON.parse(row.rubric) as Record<string, number>;
    const total = row.score ?? rubricTotal(v, scores);
    return {
      rubricId: v.id,
      version: v.version,
      title: v.title,
      scaleMax: v.scaleMax,
      passMark: v.passMark,
      items: v.items.map((i) => ({ ...i, score: scores[i.key] ?? null })),
      total,
      met: row.rubric_met === null ? total >= v.passMark : row.rubric_met === 1,
    };
  };
}
