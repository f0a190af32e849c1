import type { JobDefinition } from '../jobs/scheduler.js';
import { sweepUnclaimed } from './files.service.js';

/** Uploads no record claimed within a day (a form abandoned after its photo went up). */
export const sweepFiles: JobDefinition = {
  name: 'core.filesSweep',
  intervalMs: 60 * 60_000,
  async run({ db, now, dataDir }) {
    if (!dataDir) throw new Error('core.filesSweep needs the data directory');
    // Batches of 500: a backlog drains over the next hours instead of holding one long run.
    await sweepUnclaimed(db, dataDir, now);
  },
};
