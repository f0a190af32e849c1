/**
 * Group robots of WeCom (企业微信) and DingTalk (钉钉): the message shape each expects, and
 * one HTTP POST with a timeout. Both answer HTTP 200 even when they refuse a message; the
 * verdict is the `errcode` in the body (0 = accepted).
 */
import type { WebhookFlavor } from '../../../common/schemas/notify.js';

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

export function robotPayload(flavor: WebhookFlavor, msg: RobotMessage, baseUrl?: string): unknown {
  const url = absoluteLink(msg.link, baseUrl);
  const more = url ? `\n\n[查看详情](${url})` : '';
  if (flavor === 'dingtalk') {
    // DingTalk shows `title` in the chat list and the notification banner; `text` is the card.
    return { msgtype: 'markdown', markdown: { title: msg.title, text: `#### ${msg.title}\n\n${msg.body}${more}` } };
  }
  return { msgtype: 'markdown', markdown: { content: `**${msg.title}**\n\n${msg.body}${more}` } };
}

export type SendResult = { ok: true } | { ok: false; error: string };

export async function postToRobot(url: string, payload: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      // A robot never redirects; following one would let a configured URL bounce requests anywhere.
      redirect: 'manual',
    });
  } catch (err: any) {
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { ok: false, error: `timeout after ${timeoutMs} ms` };
    return { ok: false, error: String(err?.cause?.code ?? err?.cause?.message ?? err?.message ?? err).slice(0, 300) };
  }
  let text = '';
  try {
    text = await res.text();
  } catch (err: any) {
    return { ok: false, error: `HTTP ${res.status}: ${String(err?.message ?? err).slice(0, 200)}` };
  }
  if (res.status !== 200) return { ok: false, error: `HTTP ${res.status} ${text.slice(0, 200)}`.trim() };
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: `unexpected answer: ${text.slice(0, 200)}` };
  }
  if (body?.errcode === 0) return { ok: true };
  return { ok: false, error: `errcode ${body?.errcode ?? '?'}: ${String(body?.errmsg ?? '').slice(0, 200)}` };
}
