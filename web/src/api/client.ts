/**
 * The one way the web talks to the server: same-origin JSON under /api/v1 with the
 * session cookie, the CSRF header on writes, and the user's language on every request.
 */
import { ApiError, parseProblemText, readProblem } from './problem';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** For /auth/me and /auth/login, whose 401 is an answer rather than an expired session. */
  expectUnauthorized?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key so a retried write is not applied twice. */
  headers?: Record<string, string>;
}

let csrfToken: string | undefined;
let language = 'zh-CN';
let onUnauthorized: (() => void) | undefined;

/** The token from login or /auth/me; the server rejects writes without it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setRequestLanguage(lang: string): void {
  language = lang;
}

/** Called when a request answers 401: the session expired, so the app returns to login. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    // Empty filters mean "no filter"; sending them would make the server validate "".
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function headersFor(method: string, hasJsonBody: boolean, extra?: Record<string, string>): Headers {
  const h = new Headers({ ...extra, Accept: 'application/json, application/problem+json', 'Accept-Language': language });
  if (hasJsonBody) h.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) h.set('x-csrf-token', csrfToken);
  return h;
}

/** Status 0 and code "network": the UI shows its own words, there is no server text. */
function networkError(): ApiError {
  return new ApiError({ title: 'Network error', status: 0, code: 'network' });
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const isForm = opts.body instanceof FormData;
  const hasJson = opts.body !== undefined && !isForm;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasJson, opts.headers),
      body: isForm ? (opts.body as FormData) : hasJson ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (err) {
    // A cancelled query is not a failure to report.
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.expectUnauthorized) onUnauthorized?.();
    throw new ApiError(await readProblem(res));
  }
  return res;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...opts, query }),
  post: <T = void>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body }),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T = void>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body' | 'query'>) => request<T>('PUT', path, { ...opts, body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** RFC 6266: prefer filename* (UTF-8, Chinese names) over the ASCII filename. */
function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain filename */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so a problem answer (403, 422)
 * can be shown as a message instead of replacing the page with JSON.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart upload through XHR, because fetch cannot report upload progress. */
export function upload<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError({ title: 'Bad response', status: xhr.status }));
        }
        return;
      }
      if (xhr.status === 401) onUnauthorized?.();
      reject(new ApiError(parseProblemText(xhr.status, xhr.statusText, xhr.responseText)));
    };
    xhr.send(form);
  });
}
