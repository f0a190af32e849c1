import { z } from 'zod';
import { Id, QueryBool } from './shared.js';

export const NotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationListQuery = z.object({
  unreadOnly: QueryBool.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  /** Unread across the whole inbox, whatever the page or filter. */
  unreadCount: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const WEBHOOK_FLAVORS = ['wecom', 'dingtalk'] as const;
export type WebhookFlavor = (typeof WEBHOOK_FLAVORS)[number];
export const WEBHOOK_FLAVOR_LABELS: Record<WebhookFlavor, { zh: string; en: string }> = {
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
};

/** Robots are called over plain HTTP(S); anything else (file:, javascript:, credentials in the URL) is refused. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** What robots received before the list was configurable (and what a new robot is offered first). */
export const DEFAULT_ROBOT_EVENTS = ['appeal.overdue', 'appeal.groupAlert'] as const;

const Label = z.object({ zh: z.string(), en: z.string() });
/** One module's robot events, as the robot page lists them ('<module>.<event>', declared in defineModule). */
export const RobotEventGroup = z.object({
  module: z.string(),
  label: Label,
  events: z.array(z.object({ key: z.string(), label: Label })),
});
export type RobotEventGroup = z.infer<typeof RobotEventGroup>;
export const RobotEventList = z.object({ groups: z.array(RobotEventGroup) });

const RobotEvent = z
  .string()
  .regex(/^[a-z][A-Za-z]*\.[A-Za-z]+$/, 'validation.robotEvent')
  .max(60);
const RobotEvents = z.array(RobotEvent).min(1).max(50);
/** DingTalk 加签 secrets start with SEC; stored sealed, never returned. */
const RobotSecret = z.string().trim().min(1).max(200);
const RobotKeyword = z.string().trim().min(1).max(20);

export const HttpUrl = z.string().trim().min(1).max(1000).refine(isHttpUrl, 'validation.httpUrl');

export const Webhook = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  flavor: z.enum(WEBHOOK_FLAVORS),
  /** The robot key in the query string is masked: the URL is a credential. */
  url: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** A DingTalk 加签 secret is set (the secret itself is never returned). */
  hasSecret: z.boolean(),
  /** DingTalk 关键词 every message carries. */
  keyword: z.string().nullable(),
  /** Notice kinds this robot receives. */
  events: z.array(z.string()),
  /** Messages waiting to be sent (including ones being retried). */
  pending: z.number().int(),
  /** Messages given up on after the last retry. */
  failed: z.number().int(),
  lastError: z.string().nullable(),
  lastSentAt: z.string().nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

export const WebhookListQuery = z.object({ orgId: Id.optional() });

export const CreateWebhookBody = z.object({
  orgId: Id,
  flavor: z.enum(WEBHOOK_FLAVORS),
  url: HttpUrl,
  enabled: z.boolean().default(true),
  secret: RobotSecret.optional(),
  keyword: RobotKeyword.optional(),
  events: RobotEvents.optional(),
});

export const UpdateWebhookBody = z
  .object({
    orgId: Id.optional(),
    flavor: z.enum(WEBHOOK_FLAVORS).optional(),
    url: HttpUrl.optional(),
    enabled: z.boolean().optional(),
    /** null removes the secret. */
    secret: RobotSecret.nullable().optional(),
    /** null removes the keyword. */
    keyword: RobotKeyword.nullable().optional(),
    events: RobotEvents.optional(),
  })
  .strict();

export const WebhookTestResult = z.object({ ok: z.boolean(), error: z.string().nullable() });
