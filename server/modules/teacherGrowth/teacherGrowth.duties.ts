/**
 * A tier's duties done this term: evidence of the duty's kind dated in the school's current term
 * (the term holding today, else the latest before it). Evidence given for a named duty counts for
 * that duty only; evidence of the kind without a duty counts for the tier's duty of that kind.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { termsOf } from '../school/index.js';
import type { TierKey } from '../../../common/teacherGrowth.js';
import { gdb } from './teacherGrowth.tables.js';
import { tierOf } from './teacherGrowth.tiers.js';

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
  return tier.duties.map((d) => ({
    key: d.key,
    name: d.name,
    perTerm: d.perTerm,
    doneThisTerm: rows.filter(
      (r) => r.duty === d.key || (r.duty === null && r.kind === d.evidenceKind && tier.duties.find((x) => x.evidenceKind === r.kind)?.key === d.key),
    ).length,
  }));
}
