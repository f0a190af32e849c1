/**
 * Sends due outbox rows to their group robots. Each row is claimed before sending (see
 * claimMessage), marked sent on an `errcode: 0` answer, otherwise retried with exponential
 * backoff until MAX_ATTEMPTS; the error of the last try stays on the row for the admin.
 */
import type { Db } from '../db/database.js';
import type { WebhookFlavor } from '../../../common/schemas/notify.js';
import * as repo from './notify.repository.js';
import { DEFAULT_TIMEOUT_MS, postToRobot, robotPayload, type RobotMessage } from './robot.js';

export interface DeliverOptions {
  /** Public address of the web app, to turn in-app links into ones a phone can open. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Intranet robot hosts an admin allowed; every other robot must resolve to public addresses. */
  allowHosts?: readonly string[];
}

const BATCH = 40;
/** WeCom and DingTalk robots both refuse more than 20 messages a minute; at one run per 15 s this stays under. */
const PER_WEBHOOK_PER_RUN = 5;
const FIRST_RETRY_MS = 30_000;
const LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min … 32 min: about an hour of trying before the message is given up. */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

export async function deliverDue(db: Db, now: Date, opts: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const at = now.toISOString();
  const due = await repo.dueMessages(db, at, BATCH);
  const perHook = new Map<string, number>();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    const n = perHook.get(m.webhook_id) ?? 0;
    if (n >= PER_WEBHOOK_PER_RUN) continue;
    if (!(await repo.claimMessage(db, m.id, m.next_attempt_at, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
    perHook.set(m.webhook_id, n + 1);
    const attempts = m.attempts + 1;
    let result;
    try {
      const msg = JSON.parse(m.payload) as RobotMessage;
      result = await postToRobot(m.url, robotPayload(m.flavor as WebhookFlavor, msg, opts.baseUrl), {
        timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        allowHosts: opts.allowHosts,
      });
    } catch (err) {
      result = { ok: false as const, error: String((err as Error)?.message ?? err).slice(0, 300) };
    }
    if (result.ok) {
      await repo.markSent(db, m.id, attempts, at);
      sent++;
    } else {
      await repo.markFailed(db, m.id, attempts, new Date(now.getTime() + retryDelayMs(attempts)).toISOString(), result.error);
      failed++;
    }
  }
  return { sent, failed };
}
