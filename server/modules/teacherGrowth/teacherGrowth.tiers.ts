/** A school's tiers: the defaults of common/teacherGrowth.ts, replaced one by one by what the school saved. */
import { DEFAULT_TIERS, TIER_KEYS, type TierDefinition, type TierKey } from '../../../common/teacherGrowth.js';
import type { Db, Tx } from '../../core/db/database.js';
import * as repo from './teacherGrowth.repository.js';

export type SchoolTier = TierDefinition & { custom: boolean };

export async function tiersOf(db: Db | Tx, schoolId: string): Promise<SchoolTier[]> {
  const saved = new Map((await repo.tierOverrides(db, schoolId)).map((r) => [r.tier, JSON.parse(r.definition) as Omit<TierDefinition, 'key'>]));
  return DEFAULT_TIERS.map((d) => {
    const s = saved.get(d.key);
    return s ? { ...s, key: d.key, custom: true } : { ...d, custom: false };
  });
}

export async function tierOf(db: Db | Tx, schoolId: string, key: TierKey): Promise<SchoolTier> {
  return (await tiersOf(db, schoolId)).find((t) => t.key === key)!;
}

/** The ladder's order: a promotion goes up it. */
export const rankOf = (key: string) => TIER_KEYS.indexOf(key as TierKey);
