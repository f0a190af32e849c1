/**
 * A signed-in user over real HTTP (fetch): the session cookie and CSRF token travel with
 * every request, to whichever server `base` names, so one session can be used against
 * several instances.
 */
export interface HttpResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export class Http {
  cookie = '';
  csrf = '';
  constructor(
    public base: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** The same session against another server. */
  on(base: string): Http {
    const other = new Http(base, this.extraHeaders);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 20_000): Promise<HttpResponse> {
    const h: Record<string, string> = { 'accept-language': 'zh-CN', ...this.extraHeaders, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + url, { method, headers: h, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair.startsWith('xq_sid=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }

  async login(username: string, password: string, headers?: Record<string, string>) {
    const res = await this.post('/api/v1/auth/login', { login: username, password }, headers);
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

export async function signIn(base: string, account: { username: string; password: string }, extraHeaders: Record<string, string> = {}): Promise<Http> {
  const http = new Http(base, extraHeaders);
  const res = await http.login(account.username, account.password);
  if (res.status !== 200) throw new Error(`sign-in of ${account.username} failed: ${res.status} ${res.text.slice(0, 300)}`);
  return http;
}
