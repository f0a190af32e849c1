import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { tellOverdue } from './mediation.service.js';
import { tellPaymentOrder } from './mediation.performance.js';

/** Each notice is claimed under a key (notifyOnce) before it goes out: a rerun or a second instance tells no one twice. */
export const mediationJobs: JobDefinition[] = [
  { name: 'mediation.overdueNotices', intervalMs: 60 * 60_000, run: ({ db, now }) => tellOverdue(db, now).then(() => undefined) },
  { name: 'mediation.paymentOrderNotices', intervalMs: 60 * 60_000, run: ({ db, now }) => tellPaymentOrder(db, now).then(() => undefined) },
];
