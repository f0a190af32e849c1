/**
 * Sends due outbox rows to their group robots. Each row is claimed before sending (see
 * claimMessage), marked sent on an `errcode: 0` answer, otherwise retried with exponential
 * backoff until MAX_ATTEMPTS; the error of the last try stays on the row for the admin.
 */
import type { Db } from '../db/database.js';
import type { WebhookFlavor } from '../../../common/schemas/notify.js';
import * as repo from './notify.repository.js';
import { DEFAULT_TIMEOUT_MS, postToRobot, robotPayload, signedUrl, type RobotMessage, type SendResult } from './robot.js';
import { unseal } from '../secrets.js';

export interface DeliverOptions {
  /** Public address of the web app, to turn in-app links into ones a phone can open. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Intranet robot hosts an admin allowed; every other robot must resolve to public addresses. */
  allowHosts?: readonly string[];
}

const BATCH = 200;
/**
 * WeCom and DingTalk robots both refuse more than 20 messages a minute. The limit belongs to
 * the robot, not to our webhook row (one robot may be set on a unit and on its parent), so it
 * is kept per URL over a sliding minute of attempts, failed ones included: the robot counted them.
 */
export const PER_ROBOT_PER_MINUTE = 20;
const FIRST_RETRY_MS = 30_000;
const LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min … 32 min: about an hour of trying before the message is given up. */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

export async function deliverDue(db: Db, now: Date, opts: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const at = now.toISOString();
  const due = await repo.dueMessages(db, at, BATCH);
  const used = await repo.attemptsSince(db, new Date(now.getTime() - 60_000).toISOString());
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    const n = used.get(m.url) ?? 0;
    if (n >= PER_ROBOT_PER_MINUTE) continue;
    if (!(await repo.claimMessage(db, m.id, m.next_attempt_at, new Date(now.getTime() + LEASE_MS).toISOString(), at))) continue;
    used.set(m.url, n + 1);
    const attempts = m.attempts + 1;
    let result;
    try {
      const msg = JSON.parse(m.payload) as RobotMessage;
      result = await sendToRobot(m, robotPayload(m.flavor as WebhookFlavor, msg, opts.baseUrl, m.keyword), now, opts);
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

/** One POST to a stored robot, signed when it has a 加签 secret. Shared by delivery and the admin's test message. */
export async function sendToRobot(
  hook: { url: string; secret_sealed?: string | null },
  payload: unknown,
  now: Date,
  opts: { timeoutMs?: number; allowHosts?: readonly string[] },
): Promise<SendResult> {
  let url = hook.url;
  if (hook.secret_sealed) {
    const secret = unseal(hook.secret_sealed);
    // A database restored without its key: say what to do instead of sending an unsigned message the robot refuses.
    if (secret === null) return { ok: false, error: 'secret unreadable: re-enter the signing secret (加签密钥无法解密，请重新填写)' };
    url = signedUrl(url, secret, now.getTime());
  }
  return postToRobot(url, payload, { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, allowHosts: opts.allowHosts });
}
