/**
 * Turns one operation of the app's own OpenAPI document into hostile requests. Each case
 * starts from a valid request (sample.ts, with real ids from the fixture) and breaks one
 * thing, so the answer shows whether that one thing is handled.
 *
 * `expect: 'reject'` — the request is invalid and must get a 4xx; `'any'` — it may be valid
 * (an injection string is a legal title) and must only not break the server.
 */
import { pickBranch, propertiesOf, sampleValid, schemaType, type JsonSchema } from './sample.js';
import { BAD_DATES, BAD_IDS, BAD_WEEKS, BIDI_TEXT, CONTROL_TEXT, INJECTIONS, NOWHERE_ID, UNICODE, ZERO_WIDTH_NAMES, deepJson, type Rng } from './strings.js';

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/v1/appeals/{id}. */
  path: string;
  params: Param[];
  body?: JsonSchema;
  /** Takes multipart/form-data (an upload), known from a route without a JSON body that says so. */
  upload: boolean;
}

export interface FuzzCase {
  label: string;
  expect: 'reject' | 'any';
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The field an error should name, when the case breaks one field. */
  field?: string;
  /** Sent without the session's CSRF token. */
  noCsrf?: boolean;
}

export interface Context {
  rng: Rng;
  /** A real value for a path parameter (a record of the fixture), or undefined. */
  pathValue(op: Operation, name: string): string | undefined;
  /** Real values for properties and query parameters by name (orgId, classId …), for this operation. */
  named: Record<string, unknown>;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID_PATTERN = '[0-9a-f]{8}-';
const DATE_PATTERN = '\\d{4}-\\d{2}-\\d{2}';

export function operations(doc: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params: Param[] = (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} }));
      const json = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const multipart = !!op.requestBody?.content?.['multipart/form-data'];
      const text = `${op.summary ?? ''} ${op.description ?? ''}`;
      const upload = multipart || (!json && method !== 'get' && method !== 'delete' && /multipart|^上传/i.test(text.trim()));
      out.push({ method: method.toUpperCase(), path, params, body: json, upload });
    }
  }
  return out;
}

const isUuid = (s: JsonSchema) => typeof s.pattern === 'string' && s.pattern.includes(UUID_PATTERN);
const isDate = (s: JsonSchema) => typeof s.pattern === 'string' && s.pattern.includes(DATE_PATTERN);

/** Percent-encoding that also sends a lone surrogate, as its WTF-8 bytes (%ED%A0%80), like a broken client does. */
export function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c >= 0xd800 && c <= 0xdfff)
        out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      else out += encodeURIComponent(ch);
    }
    return out;
  }
}

function query(q: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) for (const one of ([] as string[]).concat(v)) parts.push(`${enc(k)}=${enc(one)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A value of the wrong JSON type for this schema. */
function wrongType(s: JsonSchema): unknown {
  switch (schemaType(s)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return '十二';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return s.enum ? 12345 : undefined;
  }
}

/** A query-string (always text) value the schema refuses. */
function badQueryValues(s: JsonSchema): { value: string | string[]; reject: boolean }[] {
  const b = pickBranch(s);
  const t = schemaType(b);
  const out: { value: string | string[]; reject: boolean }[] = [{ value: ['1', '2'], reject: t !== 'array' }];
  if (isUuid(b)) out.push({ value: 'not-a-uuid', reject: true }, { value: NOWHERE_ID, reject: false }, { value: "' or 1=1 --", reject: true });
  else if (isDate(b)) for (const d of BAD_DATES) out.push({ value: d, reject: true });
  else if (b.enum) out.push({ value: 'unknown', reject: true }, { value: '<script>alert(1)</script>', reject: true });
  else if (t === 'integer' || t === 'number') {
    out.push(
      { value: '-1', reject: typeof b.minimum === 'number' && b.minimum > -1 },
      { value: '1e9', reject: typeof b.maximum === 'number' && b.maximum < 1e9 },
      { value: 'abc', reject: true },
    );
    if (t === 'integer') out.push({ value: '1.5', reject: true });
  } else if (t === 'string') {
    if (typeof b.maxLength === 'number') out.push({ value: 'x'.repeat(b.maxLength + 1), reject: true });
    out.push(
      { value: "' or 1=1 --", reject: false },
      { value: '<img src=x onerror=alert(1)>', reject: false },
      { value: '前\u0000后', reject: false },
      { value: '\ud800', reject: false },
      { value: '测'.repeat(100_000), reject: typeof b.maxLength === 'number' },
    );
  }
  return out;
}

function multipartBody(fields: Record<string, string>, file?: { field?: string; name: string; type: string; content: Buffer }) {
  const boundary = '----xqfuzz7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(256, 0x41)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script><img src=x onerror=alert(1)></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
/** Over every upload limit of the app (10 MB global, 5 MB attachments, smaller photos). */
const HUGE = Buffer.alloc(10 * 1024 * 1024 + 1024, 0x89);

export function casesFor(op: Operation, ctx: Context): FuzzCase[] {
  const { rng } = ctx;
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const basePath: Record<string, string> = {};
  for (const p of pathParams) basePath[p.name] = ctx.pathValue(op, p.name) ?? String(sampleValid(p.schema));
  const baseQuery: Record<string, string | string[]> = {};
  for (const p of queryParams) if (p.required) baseQuery[p.name] = String(ctx.named[p.name] ?? sampleValid(p.schema));
  const overrides: Record<string, unknown> = {};
  for (const [name] of propertiesOf(op.body)) if (ctx.named[name] !== undefined) overrides[name] = ctx.named[name];
  const baseBody = op.body ? (sampleValid(op.body, overrides) as Record<string, unknown>) : undefined;

  const url = (path: Record<string, string> = basePath, q: Record<string, string | string[]> = baseQuery) =>
    op.path.replace(/\{(\w+)\}/g, (_, n) => enc(path[n] ?? '')) + query(q);
  const cases: FuzzCase[] = [];
  const add = (c: Omit<FuzzCase, 'method' | 'url' | 'headers'> & Partial<Pick<FuzzCase, 'url' | 'headers'>>) =>
    cases.push({ method: op.method, url: c.url ?? url(), headers: c.headers ?? {}, ...c } as FuzzCase);
  const json = (body: unknown) => ({ payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const withBody: { payload?: string; headers?: Record<string, string> } =
    baseBody !== undefined ? json(baseBody) : WRITE.has(op.method) && op.method !== 'DELETE' && !op.upload ? json({}) : {};

  add({ label: 'valid sample', expect: 'any', ...withBody });
  if (op.upload) {
    // The valid upload: the form's fields and a real PNG, as the file or as the photo.
    for (const field of ['file', 'photo']) {
      const m = multipartBody((ctx.named.uploadFields ?? {}) as Record<string, string>, { field, name: '照片.png', type: 'image/png', content: PNG_BYTES });
      add({ label: `valid upload (${field})`, expect: 'any', payload: m.payload, headers: { 'content-type': m.contentType } });
    }
  }

  // ---- path parameters: bad ids, ids of nothing, bad dates and weeks ----
  for (const p of pathParams) {
    const bad = isUuid(p.schema) ? rng.some(BAD_IDS, 3) : p.name === 'week' ? rng.some(BAD_WEEKS, 3) : rng.some(BAD_DATES.filter(Boolean), 3);
    for (const v of bad)
      add({ label: `path ${p.name}=${v}`, expect: 'reject', url: url({ ...basePath, [p.name]: v }), field: `params.${p.name}`, ...withBody });
    if (isUuid(p.schema)) add({ label: `path ${p.name}=nowhere`, expect: 'any', url: url({ ...basePath, [p.name]: NOWHERE_ID }), ...withBody });
    add({
      label: `path ${p.name}=injection`,
      expect: isUuid(p.schema) ? 'reject' : 'any',
      url: url({ ...basePath, [p.name]: rng.pick(INJECTIONS) }),
      ...withBody,
    });
  }

  // ---- query parameters ----
  for (const p of queryParams) {
    if (p.required) {
      const q = { ...baseQuery };
      delete q[p.name];
      add({ label: `query ${p.name} missing`, expect: 'reject', url: url(basePath, q), field: `query.${p.name}` });
    }
    // Full-text search syntax and lone operators, always: a search box passes them on to FTS5 / tsquery.
    if (schemaType(pickBranch(p.schema)) === 'string' && !pickBranch(p.schema).enum && !pickBranch(p.schema).pattern) {
      for (const v of ['"加班 OR 工资* NEAR(a, b) -^', '*', '"', 'AND', '工资)']) {
        add({ label: `query ${p.name} search syntax ${v}`, expect: 'any', url: url(basePath, { ...baseQuery, [p.name]: v }) });
      }
    }
    add({
      label: `query ${p.name} bidi override`,
      expect: 'reject',
      url: url(basePath, { ...baseQuery, [p.name]: rng.pick(BIDI_TEXT) }),
      field: `query.${p.name}`,
    });
    for (const v of rng.some(badQueryValues(p.schema), 3)) {
      add({
        label: `query ${p.name}=${String(v.value).slice(0, 24)}`,
        expect: v.reject ? 'reject' : 'any',
        url: url(basePath, { ...baseQuery, [p.name]: v.value }),
        field: `query.${p.name}`,
      });
    }
  }
  if (queryParams.length) {
    add({
      label: 'query page=-1&pageSize=1e9&sort=unknown',
      expect: queryParams.some((p) => ['page', 'pageSize', 'sort'].includes(p.name)) ? 'reject' : 'any',
      url: url(basePath, { ...baseQuery, page: '-1', pageSize: '1e9', sort: 'unknown' }),
    });
  }

  // ---- JSON bodies ----
  if (op.body && baseBody) {
    const props = propertiesOf(op.body);
    const strict = pickBranch(op.body).additionalProperties === false;
    for (const [name, , required] of props) {
      if (!required) continue;
      const b = { ...baseBody };
      delete b[name];
      add({ label: `body ${name} missing`, expect: 'reject', field: `body.${name}`, ...json(b) });
    }
    for (const [label, payload] of [
      ['body []', '[]'],
      ['body "text"', '"文本"'],
      ['body 42', '42'],
      ['body null', 'null'],
    ] as const)
      add({ label, expect: 'reject', payload, headers: { 'content-type': 'application/json' } });
    add({ label: 'body invalid JSON', expect: 'reject', payload: '{"title": "未闭合', headers: { 'content-type': 'application/json' }, field: 'body' });
    add({ label: 'body empty with JSON type', expect: 'reject', payload: '', headers: { 'content-type': 'application/json' } });
    add({ label: 'body 10 000 nested arrays', expect: 'reject', payload: deepJson(10_000), headers: { 'content-type': 'application/json' } });
    add({ label: 'body 10 000 nested objects', expect: 'reject', payload: deepJson(10_000, 'object'), headers: { 'content-type': 'application/json' } });
    add({ label: 'body unknown field', expect: strict ? 'reject' : 'any', field: strict ? 'body' : undefined, ...json({ ...baseBody, zzUnknown: 1 }) });
    add({
      label: 'body __proto__ pollution',
      expect: 'any',
      payload: JSON.stringify(baseBody).replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},'),
      headers: { 'content-type': 'application/json' },
    });
    const firstString = props.find(([, s]) => schemaType(s) === 'string' && !s.enum);
    if (firstString)
      add({
        label: `body ${firstString[0]} 1 MB`,
        expect: 'reject',
        field: `body.${firstString[0]}`,
        ...json({ ...baseBody, [firstString[0]]: '工'.repeat((1024 * 1024) / 3 + 10) }),
      });

    for (const [name, s] of props) {
      const set = (v: unknown, expect: FuzzCase['expect'], label: string) =>
        add({ label: `body ${name} ${label}`, expect, field: `body.${name}`, ...json({ ...baseBody, [name]: v }) });
      const wt = wrongType(s);
      if (wt !== undefined) set(wt, 'reject', 'wrong type');
      set(JSON.parse(deepJson(200)), schemaType(s) === 'array' && !s.items ? 'any' : 'reject', 'nested 200 deep');
      const t = schemaType(s);
      if (s.enum) set('unknown', 'reject', 'not in enum');
      else if (isUuid(s)) {
        set(rng.pick(BAD_IDS), 'reject', 'bad id');
        set(NOWHERE_ID, 'any', 'id of nothing');
      } else if (isDate(s)) {
        for (const d of rng.some(BAD_DATES, 3)) set(d, 'reject', `date ${d}`);
      } else if (t === 'string') {
        if (typeof s.maxLength === 'number') set('字'.repeat(s.maxLength + 1), 'reject', `maxLength+1 (${s.maxLength + 1})`);
        set(rng.pick(INJECTIONS), 'any', 'injection');
        set(rng.pick(INJECTIONS.slice(3)), 'any', 'html');
        set(rng.pick(UNICODE), 'any', 'unicode');
        set('前\u0000后', 'any', 'NUL');
        // What the text guard refuses in every field, named: bidi overrides, C0 controls, zero-width characters in names.
        set(rng.pick(BIDI_TEXT), 'reject', 'bidi override');
        set(rng.pick(CONTROL_TEXT), 'reject', 'control character');
        if (/name$/i.test(name)) set(rng.pick(ZERO_WIDTH_NAMES), 'reject', 'zero-width in a name');
      } else if (t === 'integer' || t === 'number') {
        if (typeof s.minimum === 'number') set(s.minimum - 1, 'reject', 'below minimum');
        if (typeof s.maximum === 'number') set(s.maximum + 1, 'reject', 'above maximum');
        set(1e308, typeof s.maximum === 'number' ? 'reject' : 'any', '1e308');
        if (t === 'integer') set(1.5, 'reject', 'fraction');
      } else if (t === 'array') {
        if (typeof s.maxItems === 'number')
          set(
            Array.from({ length: s.maxItems + 1 }, () => sampleValid(s.items)),
            'any',
            `maxItems+1`,
          );
        if (s.items) set([wrongType(pickBranch(s.items)) ?? null], 'reject', 'item of wrong type');
      } else if (t === 'object') {
        set({ zzUnknown: '<script>alert(1)</script>' }, 'reject', 'object without its fields');
      }
    }
  } else if (WRITE.has(op.method) && op.method !== 'DELETE' && !op.upload) {
    // A write with no declared body: whatever is sent must be ignored or refused, never break it.
    add({ label: 'unexpected body', expect: 'any', ...json({ zz: '<script>alert(1)</script>', n: JSON.parse(deepJson(100)) }) });
    add({ label: 'unexpected deep body', expect: 'any', payload: deepJson(10_000), headers: { 'content-type': 'application/json' } });
  }

  // ---- headers ----
  const bodyText = withBody.payload ?? (WRITE.has(op.method) && op.method !== 'DELETE' ? '{}' : undefined);
  if (bodyText !== undefined && !op.upload) {
    add({
      label: 'content-type text/plain',
      expect: op.body ? 'reject' : 'any',
      payload: bodyText,
      headers: { 'content-type': 'text/plain' },
      field: op.body ? 'headers.content-type' : undefined,
    });
    add({ label: 'content-type json; charset=latin1', expect: 'any', payload: bodyText, headers: { 'content-type': 'application/json; charset=latin1' } });
    add({
      label: 'content-type form-urlencoded',
      expect: op.body ? 'reject' : 'any',
      payload: 'title=%3Cscript%3E',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    add({ label: 'content-type made up', expect: op.body ? 'reject' : 'any', payload: bodyText, headers: { 'content-type': 'application/x-évil; boundary=' } });
    add({
      label: 'multipart to a JSON route',
      expect: op.body ? 'reject' : 'any',
      ...(() => {
        const m = multipartBody({ data: bodyText }, { name: 'a.png', type: 'image/png', content: HTML });
        return { payload: m.payload, headers: { 'content-type': m.contentType } };
      })(),
    });
  }
  if (WRITE.has(op.method)) {
    add({
      label: 'Idempotency-Key of 10 000 chars',
      expect: 'any',
      headers: { ...withBody.headers, 'idempotency-key': 'k'.repeat(10_000) },
      payload: withBody.payload,
    });
    add({
      label: 'Idempotency-Key with SQL',
      expect: 'any',
      headers: { ...withBody.headers, 'idempotency-key': "k'; drop table idempotency_keys; --" },
      payload: withBody.payload,
    });
    add({ label: 'without CSRF token', expect: 'reject', noCsrf: true, ...withBody });
  }
  add({
    label: 'Accept-Language garbage',
    expect: 'any',
    headers: { ...withBody.headers, 'accept-language': ';;q=abc,\u00ff-??, ,zz-ZZZZ;q=2' },
    payload: withBody.payload,
    url: url(basePath, { ...baseQuery, zzUnknown: '1' }),
  });
  add({
    label: 'Accept-Language 8 000 chars',
    expect: 'any',
    headers: { ...withBody.headers, 'accept-language': 'zh-CN,'.repeat(1300) },
    payload: withBody.payload,
  });
  add({
    label: 'Accept text/html',
    expect: 'any',
    headers: { ...withBody.headers, accept: 'text/html' },
    payload: withBody.payload,
    url: url(basePath, { ...baseQuery, zzUnknown: '1' }),
  });

  // ---- uploads ----
  if (op.upload) {
    const fields = (ctx.named.uploadFields ?? {}) as Record<string, string>;
    const files: [string, { field?: string; name: string; type: string; content: Buffer } | undefined][] = [
      ['upload .exe renamed .png', { name: '工资单.png', type: 'image/png', content: EXE }],
      ['upload HTML labelled image/png', { name: 'photo.png', type: 'image/png', content: HTML }],
      ['upload SVG with script', { name: 'x.svg', type: 'image/svg+xml', content: SVG }],
      ['upload empty file', { name: 'empty.png', type: 'image/png', content: Buffer.alloc(0) }],
      ['upload over every limit', { name: 'big.png', type: 'image/png', content: HUGE }],
      ['upload file name with script and path', { name: '../../<img src=x onerror=alert(1)>.xlsx', type: 'application/octet-stream', content: HTML }],
      ['multipart without a file part', undefined],
    ];
    for (const [label, file] of files) {
      for (const field of ['file', 'photo']) {
        const m = multipartBody(fields, file && { ...file, field });
        // Without a file, a route whose file is optional (a session's photo) may accept the fields.
        add({ label: `${label} (${field})`, expect: file ? 'reject' : 'any', payload: m.payload, headers: { 'content-type': m.contentType } });
        if (!file) break;
      }
    }
    const nulFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k === 'data' ? v.replace(/"(\w+)":"/, '"$1":"前\\u0000') : `${v}\u0000`]));
    for (const field of ['file', 'photo']) {
      const withNul = multipartBody(nulFields, { field, name: 'a.png', type: 'image/png', content: PNG_BYTES });
      add({ label: `upload fields with NUL (${field})`, expect: 'any', payload: withNul.payload, headers: { 'content-type': withNul.contentType } });
      const nulName = multipartBody(fields, { field, name: '工资\u0000\u202egnp.exe', type: 'image/png', content: PNG_BYTES });
      add({
        label: `upload file name with NUL and RTL override (${field})`,
        expect: 'any',
        payload: nulName.payload,
        headers: { 'content-type': nulName.contentType },
      });
    }
    add({ label: 'multipart without boundary', expect: 'reject', payload: Buffer.from('--x\r\n\r\n'), headers: { 'content-type': 'multipart/form-data' } });
    add({
      label: 'multipart cut short',
      expect: 'reject',
      payload: multipartBody(fields, { name: 'a.png', type: 'image/png', content: EXE }).payload.subarray(0, 200),
      headers: { 'content-type': multipartBody({}).contentType },
    });
    add({ label: 'upload as JSON', expect: 'reject', ...json({ file: 'iVBORw0KGgo=' }) });
  }
  return cases;
}
