import type { JobDefinition } from '../jobs/scheduler.js';
import { deliverDue } from './delivery.js';
import { webhookAllowHosts } from '../config.js';

export const deliverWebhooks: JobDefinition = {
  name: 'webhooks.deliver',
  intervalMs: 15_000,
  async run({ db, now }) {
    // PUBLIC_URL (e.g. https://xq.example.cn) makes the links in robot messages clickable; without it they are left out.
    await deliverDue(db, now, { baseUrl: process.env.PUBLIC_URL || undefined, allowHosts: webhookAllowHosts(process.env) });
  },
};
