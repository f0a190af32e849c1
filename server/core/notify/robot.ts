/**
 * Group robots of WeCom (企业微信) and DingTalk (钉钉): the message shape each expects, and
 * one HTTP POST with a timeout to an address judged safe. Both answer HTTP 200 even when they refuse a message; the
 * verdict is the `errcode` in the body (0 = accepted).
 */
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookFlavor } from '../../../common/schemas/notify.js';
import { classifyHost, isAllowedHost } from './target.js';

export interface RobotMessage {
  title: string;
  body: string;
  /** In-app path ('/appeals/…') or absolute URL. */
  link?: string | null;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** Robots open links on phones, outside the app: a path only helps with the public address in front of it. */
function absoluteLink(link: string | null | undefined, baseUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//i.test(link)) return link;
  if (!baseUrl) return null;
  return baseUrl.replace(/\/+$/, '') + (link.startsWith('/') ? link : '/' + link);
}

/**
 * What the robot is sent. A DingTalk robot secured by 关键词 drops any message without its
 * keyword, so the keyword leads the title and the card; the test message goes through here too,
 * so a test that passes means real messages pass.
 */
export function robotPayload(flavor: WebhookFlavor, msg: RobotMessage, baseUrl?: string, keyword?: string | null): unknown {
  const url = absoluteLink(msg.link, baseUrl);
  const more = url ? `\n\n[查看详情](${url})` : '';
  if (keyword && !msg.title.includes(keyword)) msg = { ...msg, title: `【${keyword}】${msg.title}` };
  if (flavor === 'dingtalk') {
    // DingTalk shows `title` in the chat list and the notification banner; `text` is the card.
    return { msgtype: 'markdown', markdown: { title: msg.title, text: `#### ${msg.title}\n\n${msg.body}${more}` } };
  }
  return { msgtype: 'markdown', markdown: { content: `**${msg.title}**\n\n${msg.body}${more}` } };
}

/**
 * A DingTalk robot secured by 加签 accepts only URLs carrying `timestamp` (ms) and
 * `sign` = Base64(HmacSHA256(secret, timestamp + "\n" + secret)); the robot refuses a timestamp
 * more than an hour off, so the URL is signed at each attempt.
 */
export function signedUrl(url: string, secret: string, nowMs: number): string {
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

export type SendResult = { ok: true } | { ok: false; error: string };

export interface SendOptions {
  timeoutMs?: number;
  /** Intranet robot hosts an admin allowed (XQ_WEBHOOK_ALLOW_HOSTS); every other host must resolve to public addresses only. */
  allowHosts?: readonly string[];
}

/** The answer a robot's caller sees: never the remote body, so the server cannot be used to read what lies behind a URL. */
export const REFUSED = 'refused: address not allowed';

/**
 * One POST to a robot. The host is resolved once, every address it resolves to is judged
 * (target.ts), and the connection goes to the judged address only (a pinned lookup), so a
 * second DNS answer cannot point it elsewhere. Redirects are never followed.
 */
export async function postToRobot(url: string, payload: unknown, opts: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = await resolveTarget(url, opts.allowHosts ?? []);
  if (!target) return { ok: false, error: REFUSED };
  const deadline = AbortSignal.timeout(timeoutMs);
  let answer: { status: number; text: string };
  try {
    answer = await send(target, JSON.stringify(payload), deadline);
  } catch (err: any) {
    if (deadline.aborted) return { ok: false, error: `timeout after ${timeoutMs} ms` };
    return { ok: false, error: `unreachable${err?.code ? ` (${String(err.code).slice(0, 40)})` : ''}` };
  }
  if (answer.status !== 200) return { ok: false, error: `HTTP ${answer.status}` };
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return { ok: false, error: 'robot error: not a robot answer' };
  }
  if (!Number.isInteger(body?.errcode)) return { ok: false, error: 'robot error: not a robot answer' };
  if (body.errcode === 0) return { ok: true };
  return { ok: false, error: `errcode ${body.errcode}` };
}

interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The address to connect to, or null when the URL may not be called. */
export async function resolveTarget(raw: string, allowHosts: readonly string[]): Promise<Target | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = isAllowedHost(host, allowHosts);
  const verdict = classifyHost(host);
  if (verdict === 'blocked' && !allowed) return null;
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    return null;
  }
  if (!addresses.length) return null;
  // One private address among public ones is enough to refuse: the resolver chooses which one a client uses.
  if (!allowed && addresses.some((a) => classifyHost(a.address) !== 'public')) return null;
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

function send(target: Target, body: string, signal: AbortSignal): Promise<{ status: number; text: string }> {
  const { url, address, family } = target;
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as any)(null, [{ address, family }]);
    else (cb as any)(null, address, family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }, lookup: pinned, signal },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        // A robot answers in a few hundred bytes; anything longer is not a robot and is not read on.
        res.on('data', (c: string) => {
          text += c;
          if (text.length > 4096) res.destroy();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('close', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
