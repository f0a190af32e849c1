import type { Db } from '../db/database.js';
import { forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';
import { t } from '../i18n/messages.js';
import { findOrg } from '../org/org.repository.js';
import { DEFAULT_ROBOT_EVENTS, type NotificationItem, type Webhook, type WebhookFlavor } from '../../../common/schemas/notify.js';
import * as repo from './notify.repository.js';
import { webhookAccess, webhookScope } from './notify.policy.js';
import { robotPayload } from './robot.js';
import { sendToRobot } from './delivery.js';
import { robotEventsOf } from './notify.js';
import { isRobotEvent, robotEventGroups } from './robotEvents.js';
import { seal } from '../secrets.js';
import { classifyHost, isAllowedHost } from './target.js';
import { RequestValidationError } from '../http/validation.js';
import { NM } from './notify.messages.js';

// ---- inbox ----

function presentNotice(r: {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}): NotificationItem {
  return { id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at };
}

export async function inbox(db: Db, actor: Actor, q: { unreadOnly?: boolean; page: number; pageSize: number }) {
  const res = await repo.listInbox(db, actor.accountId, { unreadOnly: !!q.unreadOnly, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: res.rows.map(presentNotice), unreadCount: res.unread, total: res.total, page: q.page, pageSize: q.pageSize };
}

export async function markRead(db: Db, actor: Actor, id: string) {
  if ((await repo.markRead(db, actor.accountId, id, nowIso())) === 0) throw notFound();
}

export async function markAllRead(db: Db, actor: Actor) {
  return { count: await repo.markAllRead(db, actor.accountId, nowIso()) };
}

// ---- webhooks ----

/** The robot key sits in the query string and lets anyone post to the group: show only its start. */
export function maskUrl(raw: string): string {
  try {
    const u = new URL(raw);
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, v.length > 8 ? v.slice(0, 4) + '****' : '****');
    return u.toString();
  } catch {
    return '****';
  }
}

type HookRow = NonNullable<Awaited<ReturnType<typeof repo.findWebhook>>>;
type ListedHook = Awaited<ReturnType<typeof repo.listWebhooks>>[number];

function presentHook(h: HookRow | ListedHook): Webhook {
  const l = h as Partial<ListedHook>;
  return {
    id: h.id,
    orgId: h.org_id,
    orgName: h.org_name,
    flavor: h.flavor as WebhookFlavor,
    url: maskUrl(h.url),
    enabled: h.enabled === 1,
    createdAt: h.created_at,
    hasSecret: !!h.secret_sealed,
    keyword: h.keyword ?? null,
    events: robotEventsOf(h),
    pending: l.pending ?? 0,
    failed: l.failed ?? 0,
    lastError: l.last_error ?? null,
    lastSentAt: l.last_sent_at ?? null,
  };
}

async function orgForWebhooks(db: Db, actor: Actor, orgId: string) {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound();
  const access = webhookAccess(actor, org.path);
  if (access === 'hidden') throw notFound();
  if (access === 'forbidden') throw forbidden();
  return org;
}

async function manageableHook(db: Db, actor: Actor, id: string) {
  const hook = await repo.findWebhook(db, id);
  // Robots are only ever shown to those who manage them, so any other caller learns nothing.
  if (!hook || webhookAccess(actor, hook.org_path) !== 'ok') throw notFound();
  return hook;
}

export async function listWebhooks(db: Db, actor: Actor, orgId?: string) {
  const scope = webhookScope(actor);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  const under = orgId ? (await orgForWebhooks(db, actor, orgId)).path : undefined;
  return (await repo.listWebhooks(db, scope, under)).map(presentHook);
}

export async function getWebhook(db: Db, actor: Actor, id: string) {
  const hook = await manageableHook(db, actor, id);
  const listed = (await repo.listWebhooks(db, { all: false, paths: [hook.org_path] })).find((h) => h.id === id);
  return presentHook(listed ?? hook);
}

/**
 * Refuses, when saved, a URL whose host is written as a loopback, private or otherwise
 * non-public address (in any spelling) or a local name. Names are resolved and judged
 * again at every send (robot.ts): a DNS answer may change after saving.
 */
function refuseLocalTarget(url: string, allowHosts: readonly string[]) {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return;
  }
  if (classifyHost(host) === 'blocked' && !isAllowedHost(host, allowHosts)) {
    throw new RequestValidationError('body', [{ code: 'custom', path: ['url'], message: 'validation.privateTarget', input: undefined } as any]);
  }
}

/** A robot subscribed to an event no module sends would stay silent without saying why. */
function refuseUnknownEvents(events: readonly string[] | undefined) {
  const issues = (events ?? []).flatMap((event, i) =>
    isRobotEvent(event) ? [] : [{ code: 'custom', path: ['events', i], message: 'validation.robotEventUnknown', params: { event }, input: undefined } as any],
  );
  if (issues.length) throw new RequestValidationError('body', issues);
}

/** The events a robot may take, grouped by the module that sends them: for those who manage a robot somewhere. */
export function listRobotEvents(actor: Actor) {
  const scope = webhookScope(actor);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  return { groups: [...robotEventGroups()] };
}

export interface WebhookOptions {
  /** Intranet robot hosts an admin allowed (XQ_WEBHOOK_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
}

export async function createWebhook(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  input: { orgId: string; flavor: WebhookFlavor; url: string; enabled: boolean; secret?: string; keyword?: string; events?: string[] },
  opts: WebhookOptions = {},
) {
  await orgForWebhooks(db, actor, input.orgId);
  refuseLocalTarget(input.url, opts.allowHosts ?? []);
  refuseUnknownEvents(input.events);
  const row = {
    id: newId(),
    org_id: input.orgId,
    flavor: input.flavor,
    url: input.url,
    enabled: input.enabled ? 1 : 0,
    created_at: nowIso(),
    secret_sealed: input.secret ? seal(input.secret) : null,
    keyword: input.keyword ?? null,
    events: JSON.stringify(input.events ? [...new Set(input.events)] : DEFAULT_ROBOT_EVENTS),
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertWebhook(tx, row);
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      orgId: row.org_id,
      changes: {
        flavor: row.flavor,
        url: maskUrl(row.url),
        enabled: input.enabled,
        secret: !!input.secret,
        keyword: row.keyword,
        events: JSON.parse(row.events),
      },
    });
  });
  return getWebhook(db, actor, row.id);
}

export async function updateWebhook(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  id: string,
  input: { orgId?: string; flavor?: WebhookFlavor; url?: string; enabled?: boolean; secret?: string | null; keyword?: string | null; events?: string[] },
  opts: WebhookOptions = {},
) {
  const hook = await manageableHook(db, actor, id);
  if (input.url !== undefined) refuseLocalTarget(input.url, opts.allowHosts ?? []);
  refuseUnknownEvents(input.events);
  if (input.orgId !== undefined && input.orgId !== hook.org_id) await orgForWebhooks(db, actor, input.orgId);
  const patch: Partial<{ org_id: string; flavor: string; url: string; enabled: number; secret_sealed: string | null; keyword: string | null; events: string }> =
    {};
  const changes: Record<string, [unknown, unknown]> = {};
  if (input.orgId !== undefined && input.orgId !== hook.org_id) {
    patch.org_id = input.orgId;
    changes.orgId = [hook.org_id, input.orgId];
  }
  if (input.flavor !== undefined && input.flavor !== hook.flavor) {
    patch.flavor = input.flavor;
    changes.flavor = [hook.flavor, input.flavor];
  }
  if (input.url !== undefined && input.url !== hook.url) {
    patch.url = input.url;
    changes.url = [maskUrl(hook.url), maskUrl(input.url)];
  }
  if (input.enabled !== undefined && (input.enabled ? 1 : 0) !== hook.enabled) {
    patch.enabled = input.enabled ? 1 : 0;
    changes.enabled = [hook.enabled === 1, input.enabled];
  }
  // The secret is write-only: the audit says that it changed, never what it is.
  if (input.secret !== undefined) {
    patch.secret_sealed = input.secret === null ? null : seal(input.secret);
    changes.secret = [!!hook.secret_sealed, input.secret !== null];
  }
  if (input.keyword !== undefined && input.keyword !== (hook.keyword ?? null)) {
    patch.keyword = input.keyword;
    changes.keyword = [hook.keyword ?? null, input.keyword];
  }
  if (input.events !== undefined) {
    const events = [...new Set(input.events)];
    if (JSON.stringify(events) !== JSON.stringify(robotEventsOf(hook))) {
      patch.events = JSON.stringify(events);
      changes.events = [robotEventsOf(hook), events];
    }
  }
  if (Object.keys(patch).length) {
    await db.transaction().execute(async (tx) => {
      await repo.updateWebhook(tx, id, patch);
      await recordAudit(tx, ctx, { action: 'webhook.update', entityType: 'webhook', entityId: id, orgId: patch.org_id ?? hook.org_id, changes });
    });
  }
  return getWebhook(db, actor, id);
}

export async function deleteWebhook(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const hook = await manageableHook(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await repo.deleteWebhook(tx, id);
    await recordAudit(tx, ctx, {
      action: 'webhook.delete',
      entityType: 'webhook',
      entityId: id,
      orgId: hook.org_id,
      changes: { flavor: hook.flavor, url: maskUrl(hook.url) },
    });
  });
}

/**
 * Sends a test message now, bypassing the outbox, so the admin sees the robot's verdict at
 * once: reachable, refused, or the robot's error code — never what the far end answered.
 */
export async function testWebhook(db: Db, ctx: CallContext, actor: Actor, id: string, opts: WebhookOptions & { timeoutMs?: number } = {}) {
  const hook = await manageableHook(db, actor, id);
  const msg = { title: t(ctx.locale, NM['notify.testTitle']), body: t(ctx.locale, NM['notify.testBody']) };
  const res = await sendToRobot(hook, robotPayload(hook.flavor as WebhookFlavor, msg, undefined, hook.keyword), new Date(), opts);
  return res.ok ? { ok: true, error: null } : { ok: false, error: res.error };
}
