/**
 * The OpenAPI document, told from what the routes declare rather than written route by route:
 * who may call (config.access), the method, the path parameters, the body and the handler's
 * own use of Idempotency-Key and Location decide which problems, headers and security apply.
 * Generated clients read this, so anything a route really answers must be here.
 */
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { RouteAccess } from './access.js';

type Json = Record<string, any>;

/** What a route is, as far as the document needs to know; collected while the routes register. */
interface RouteFacts {
  access?: RouteAccess;
  multipart: boolean;
  idempotent: boolean;
  location: boolean;
  /** Problem statuses the route answers beyond those its method and path imply (route config `problems`), e.g. a GET that answers 409. */
  problems: number[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Responses that are not JSON, by what the path ends with: exports, stored files, print pages. */
const BINARY: [RegExp, Record<string, Json>][] = [
  [/\.xlsx$/, { [XLSX]: { schema: { type: 'string', format: 'binary' } } }],
  [/\.csv$/, { 'text/csv': { schema: { type: 'string' } } }],
  [/\/print$/, { 'text/html': { schema: { type: 'string' } } }],
  [/\/agreement$/, { 'text/html': { schema: { type: 'string' } } }],
  [/\.docx$/, { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } }],
  [/\/report\.pdf$/, { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }],
  // A module's stored file (core/files): whatever type the upload was judged to be.
  [
    /\/files\/\{\w+\}$/,
    Object.fromEntries(
      [
        'image/jpeg',
        'image/png',
        'image/gif',
        'image/webp',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        XLSX,
      ].map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  ],
  [/\/photo$/, { 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } }],
  [
    /\/attachments\/\{attachmentId\}$/,
    {
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  ],
];

const PROBLEM_TEXT: Record<number, string> = {
  400: '请求无效：字段不合格式（errors 列出字段） / Invalid request',
  401: '未登录或会话已过期 / Not signed in',
  403: '无权操作，或缺少 X-CSRF-Token / Forbidden or CSRF header missing',
  404: '路径所指的记录不存在或不可见 / Not found',
  409: '与现有记录冲突（重复、被引用、状态已变） / Conflict',
  413: '请求体或文件过大 / Payload too large',
  415: '请求体类型不受支持 / Unsupported media type',
  422: '内容不能受理（业务规则不允许） / Unprocessable',
  429: '请求过于频繁，请稍后再试 / Too many requests',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `/api/v1/appeals/{id}/attachments` + GET → `getAppealsByIdAttachments`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split(/[/.\-_]+/)
    .filter(Boolean)
    .flatMap((seg) => (seg.startsWith('{') ? ['by', seg.slice(1, -1)] : [seg]));
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** OpenAPI 3.0 says null only through `nullable`; an enum must list null too or validators refuse it. */
function allowNullInEnums(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(allowNullInEnums);
  const s = node as Json;
  if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum.push(null);
  for (const value of Object.values(s)) allowNullInEnums(value);
}

function problemStatuses(method: string, path: string, facts: RouteFacts | undefined, op: Json): number[] {
  const statuses = [400, 429];
  const isPublic = facts?.access?.allow === 'public';
  if (!isPublic) statuses.push(401, 403);
  if (/\{[^}]+\}/.test(path)) statuses.push(404);
  if (WRITES.has(method) && !isPublic) statuses.push(409, 422);
  if (op.requestBody || facts?.multipart) statuses.push(413, 415);
  for (const extra of facts?.problems ?? []) if (!statuses.includes(extra)) statuses.push(extra);
  return statuses.sort((a, b) => a - b);
}

function describeOperation(verb: string, path: string, op: Json, facts: RouteFacts | undefined): void {
  const method = verb.toUpperCase();
  op.operationId ??= operationIdFor(method, path);
  if (facts?.access?.allow === 'public') op.security = [];
  else if (WRITES.has(method)) op.security = [{ session: [], csrf: [] }, { token: [] }];

  if (facts?.multipart) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary', description: '上传的文件 / the file' } },
            additionalProperties: { type: 'string', description: '其它表单字段见接口说明 / other form fields, see the summary' },
          },
        },
      },
    };
  }
  if (facts?.idempotent) {
    op.parameters = [
      ...(op.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: '重试时带同一个键，只产生一条记录并得到同一答复 / retries with the same key create one record and get the same answer',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_\\-:.]{8,100}$' },
      },
    ];
  }

  const responses: Json = (op.responses ??= {});
  for (const [code, response] of Object.entries(responses)) {
    if (response.description === 'Default Response') response.description = '成功 / Success';
    const binary = BINARY.find(([re]) => re.test(path));
    if (!response.content && code.startsWith('2')) {
      if (binary && method === 'GET') response.content = binary[1];
      else if (code === '200' && method !== 'GET') {
        // Writes that declare no answer send none.
        delete responses[code];
        responses['204'] = { description: '已完成，无内容 / Done, no content' };
      }
    }
    if (facts?.location && code === '201') {
      response.headers = { Location: { description: '新记录的地址 / where the new record is', schema: { type: 'string' } } };
    }
  }
  for (const status of problemStatuses(method, path, facts, op)) responses[String(status)] ??= { $ref: `#/components/responses/Problem${status}` };
}

const PROBLEM_SCHEMA: Json = {
  type: 'object',
  description: 'RFC 9457 problem details；detail 为请求语言的说明 / RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] },
    },
  },
  required: ['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId'],
};

const key = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

/** The @fastify/swagger options: the route-level transform collects facts, the document-level one applies them. */
export function openapiOptions() {
  const facts = new Map<string, RouteFacts>();
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '心桥 Xinqiao API',
        version: '1',
        description: '工会与学校基层工作平台接口。错误均为 RFC 9457 problem+json。/ Every error is RFC 9457 problem+json.',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: '本服务 / this server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'xq_sid', description: '登录会话 / sign-in session' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: '会话写操作须带登录时得到的 csrfToken / cookie-session writes carry the csrfToken from sign-in',
          },
          token: { type: 'http', scheme: 'bearer', description: 'API 令牌（无需 CSRF）/ API token (no CSRF)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform(arg: Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions }) {
      const { route } = arg;
      const handler = String(route.handler);
      const consumes = ((route.schema as Json | undefined)?.consumes ?? []) as string[];
      const entry: RouteFacts = {
        access: (route.config as { access?: RouteAccess } | undefined)?.access,
        multipart: consumes.includes('multipart/form-data'),
        // Read from the handler itself, so a route that starts honouring the header is described without a list to update.
        idempotent: /\b(idempotent|writeCall)\b/.test(handler),
        location: /\.header\(\s*['"]location['"]/i.test(handler),
        problems: (route.config as { problems?: number[] } | undefined)?.problems ?? [],
      };
      for (const method of ([] as string[]).concat(route.method)) facts.set(key(method, route.url), entry);
      return jsonSchemaTransform(arg);
    },
    transformObject({ openapiObject }: { openapiObject: Json }) {
      const doc = openapiObject;
      doc.components.schemas = { ...doc.components.schemas, Problem: PROBLEM_SCHEMA };
      doc.components.responses = Object.fromEntries(
        Object.entries(PROBLEM_TEXT).map(([status, description]) => [
          `Problem${status}`,
          { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        ]),
      );
      const ids = new Set<string>();
      for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
        for (const [method, op] of Object.entries(item)) {
          describeOperation(method, path, op, facts.get(key(method, path)));
          if (ids.has(op.operationId)) throw new Error(`openapi: operationId ${op.operationId} is used twice`);
          ids.add(op.operationId);
        }
      }
      allowNullInEnums(doc.paths);
      allowNullInEnums(doc.components.schemas);
      return doc;
    },
  };
}
