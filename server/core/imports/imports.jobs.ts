/**
 * An uploaded roster that nobody confirms still holds phones and identity numbers; after
 * a week its rows are dropped and the batch can no longer be confirmed.
 */
import type { JobDefinition } from '../jobs/scheduler.js';
import { expireBatches } from './imports.repository.js';

export const KEEP_UNCONFIRMED_DAYS = 7;

export const expireImportBatches: JobDefinition = {
  name: 'imports.expire',
  intervalMs: 60 * 60_000,
  async run({ db, now }) {
    await expireBatches(db, new Date(now.getTime() - KEEP_UNCONFIRMED_DAYS * 86_400_000).toISOString(), now.toISOString());
  },
};
