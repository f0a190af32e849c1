/**
 * Sends fuzz cases through the real app (Fastify inject: the whole request pipeline, no
 * socket) as signed-in callers, and judges each answer against the error contract.
 */
import type { App } from '../../server/core/http/types.js';
import type { FuzzCase } from './generators.js';

export interface Caller {
  name: string;
  login: string;
  password: string;
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: any;
  cacheControl: string;
}

const HAN = /\p{Script=Han}/u;
let seq = 0;

/** A different client address per request: sign-in limits count per address, and the fuzzer is not a brute-force test. */
function address() {
  const n = ++seq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function send(app: App, c: FuzzCase, who: Caller): Promise<Answer> {
  const headers: Record<string, string> = { 'accept-language': 'zh-CN', ...c.headers };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf && !c.noCsrf && c.method !== 'GET') headers['x-csrf-token'] = who.csrf;
  const res = await app.inject({ method: c.method as any, url: c.url, payload: c.payload, headers, remoteAddress: address() });
  let body: any;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    body = undefined;
  }
  return {
    status: res.statusCode,
    contentType: String(res.headers['content-type'] ?? ''),
    text: res.body,
    body,
    cacheControl: String(res.headers['cache-control'] ?? ''),
  };
}

export async function signIn(app: App, who: Caller): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: who.login, password: who.password },
    headers: { 'content-type': 'application/json' },
    remoteAddress: address(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${who.name} failed: ${res.statusCode} ${res.body}`);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('xq_sid='));
  who.cookie = cookie ?? '';
  who.csrf = JSON.parse(res.body).csrfToken;
}

/** What is wrong with this answer to this case; empty when it keeps the contract. */
export function judge(c: FuzzCase, a: Answer): string[] {
  const out: string[] = [];
  const lang = (c.headers['accept-language'] ?? 'zh-CN').split(',')[0].trim().toLowerCase();
  const chinese = !lang.startsWith('en');
  if (a.status >= 500) out.push(`status ${a.status}: ${a.text.slice(0, 200)}`);
  // Personal data and sign-in secrets never stay in a browser or proxy cache, whatever the answer.
  if (c.url.startsWith('/api/') && a.cacheControl !== 'no-store') out.push(`cache-control is "${a.cacheControl}", not no-store`);
  if (c.expect === 'reject' && a.status < 400) out.push(`accepted an invalid request with ${a.status}: ${a.text.slice(0, 160)}`);
  if (a.status >= 400) {
    if (!a.contentType.startsWith('application/problem+json'))
      out.push(`${a.status} is ${a.contentType || 'untyped'}, not problem+json: ${a.text.slice(0, 120)}`);
    const p = a.body;
    if (!p || typeof p !== 'object') out.push(`${a.status} body is not JSON`);
    else {
      if (p.status !== a.status) out.push(`problem.status ${p.status} ≠ ${a.status}`);
      if (chinese && !(HAN.test(p.title ?? '') && HAN.test(p.detail ?? ''))) out.push(`${a.status} title/detail not Chinese: ${p.title} / ${p.detail}`);
      const validation = a.status === 400 || a.status === 422 || p.code === 'validation' || p.code === 'invalid';
      if (validation && a.status !== 401 && a.status !== 403) {
        if (!Array.isArray(p.errors) || p.errors.length === 0) out.push(`${a.status} ${p.code} without errors[]: ${a.text.slice(0, 160)}`);
        else {
          for (const e of p.errors) {
            if (typeof e.field !== 'string' || !e.field) out.push(`error without field: ${JSON.stringify(e)}`);
            if (chinese && !HAN.test(String(e.message ?? ''))) out.push(`error message not Chinese: ${JSON.stringify(e).slice(0, 160)}`);
          }
          // When the case broke one field, the answer must name that field (or a part of it).
          if (
            c.field &&
            a.status === 400 &&
            p.code === 'validation' &&
            !p.errors.some((e: any) => String(e.field).startsWith(c.field!) || c.field!.startsWith(String(e.field)))
          ) {
            out.push(`names ${p.errors.map((e: any) => e.field).join(', ')} instead of ${c.field}`);
          }
        }
      }
    }
  }
  return out;
}
