/**
 * A tier's duties done this term: evidence of the duty's kind dated in the school's current term
 * (the term holding today, else the latest before it). Evidence given for a named duty counts for
 * that duty only; evidence of the kind without a duty counts for the tier's duty of that kind.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { termsOf } from '../school/index.js';
import type { TierKey } from '../../../common/teacherGrowth.js';
import { gdb } from './teacherGrowth.tables.js';
import { tierOf, tiersOf, type SchoolTier } from './teacherGrowth.tiers.js';

export async function termOf(db: Db | Tx, schoolId: string, day: string): Promise<{ start: string; end: string } | undefined> {
  const terms = (await termsOf(db as Tx, schoolId)).filter((t) => t.start_date <= day);
  const t = terms.find((x) => x.end_date >= day) ?? terms[terms.length - 1];
  return t && { start: t.start_date, end: t.end_date };
}

export async function dutiesDone(db: Db | Tx, plan: { teacher_id: string; school_id: string; tier: string }, day: string) {
  const tier = await tierOf(db, plan.school_id, plan.tier as TierKey);
  const term = await termOf(db, plan.school_id, day);
  const rows = term
    ? await gdb(db)
        .selectFrom('growth_evidence')
        .select(['kind', 'duty'])
        .where('teacher_id', '=', plan.teacher_id)
        .where('date', '>=', term.start)
        .where('date', '<=', term.end)
        .execute()
    : [];
  return countDuties(tier, rows);
}

/** Each duty of a tier with how many of the evidence rows count for it (the rule in this file's header). */
function countDuties(tier: SchoolTier, rows: readonly { kind: string; duty: string | null }[]) {
  return tier.duties.map((d) => ({
    key: d.key,
    name: d.name,
    perTerm: d.perTerm,
    doneThisTerm: rows.filter(
      (r) => r.duty === d.key || (r.duty === null && r.kind === d.evidenceKind && tier.duties.find((x) => x.evidenceKind === r.kind)?.key === d.key),
    ).length,
  }));
}

/**
 * Of some placed teachers, those who did every duty of their tier (each at least as often as a
 * term asks) with evidence dated in [from, to]: the "duties done" figure and its roster drill.
 */
export async function dutiesMet(
  db: Db | Tx,
  teachers: readonly { teacher_id: string; school_id: string; tier: string }[],
  from: string,
  to: string,
): Promise<Set<string>> {
  const evidence = new Map<string, { kind: string; duty: string | null }[]>();
  const ids = teachers.map((t) => t.teacher_id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await gdb(db)
      .selectFrom('growth_evidence')
      .select(['teacher_id', 'kind', 'duty'])
      .where('teacher_id', 'in', ids.slice(i, i + 500))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    for (const r of rows) (evidence.get(r.teacher_id) ?? evidence.set(r.teacher_id, []).get(r.teacher_id)!).push(r);
  }
  const tiers = new Map<string, SchoolTier[]>();
  const out = new Set<string>();
  for (const t of teachers) {
    if (!tiers.has(t.school_id)) tiers.set(t.school_id, await tiersOf(db, t.school_id));
    const tier = tiers.get(t.school_id)!.find((x) => x.key === t.tier);
    if (tier && countDuties(tier, evidence.get(t.teacher_id) ?? []).every((d) => d.doneThisTerm >= d.perTerm)) out.add(t.teacher_id);
  }
  return out;
}
