import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { tellOverdue } from './mediation.service.js';

/** Each case is claimed by a conditional UPDATE before its notice goes out: a rerun or a second instance tells no one twice. */
export const mediationJobs: JobDefinition[] = [{ name: 'mediation.overdueNotices', intervalMs: 60 * 60_000, run: ({ db, now }) => tellOverdue(db, now).then(() => undefined) }];
