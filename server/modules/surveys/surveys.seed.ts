import type { Db } from '../../core/db/database.js';

/** Demo records: written in a later step. */
export async function seedSurveysDemo(_db: Db, _now: Date): Promise<void> {}
