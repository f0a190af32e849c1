/**
 * RFC 9457 problem+json for every error the server returns. Nothing here ever includes a
 * stack trace or the raw text of an internal error.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.js';
import { t, type Locale } from '../i18n/messages.js';
import { RequestValidationError, issuesToFields, localizeIssue } from './validation.js';
import { registerTextGuard } from './text-guard.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

function render(locale: Locale, fields: FieldError[]) {
  return fields.map((f) => {
    const issue = (f.params as any)?.issue;
    return { field: f.field, message: issue ? localizeIssue(issue, locale) : t(locale, f.message, f.params) };
  });
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  messageKey: string,
  params?: Record<string, unknown>,
  fields: FieldError[] = [],
) {
  const locale = req.locale;
  const body: Problem = {
    type: `urn:xinqiao:problem:${code}`,
    title: t(locale, messageKey, params),
    status,
    detail: t(locale, messageKey, params),
    code,
    instance: req.url.split('?')[0],
    requestId: req.id,
  };
  if (fields.length) body.errors = render(locale, fields);
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Errors from the database driver that mean "the database is not reachable right now". */
function isDatabaseDown(err: any): boolean {
  const code = err?.code;
  return (
    // SQLITE_BUSY: another process held the write lock past busy_timeout (a backup tool, a second instance).
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001', '08003', 'SQLITE_BUSY'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(String(err?.message))
  );
}

/** A row other records still point at (deleting an org that appeals or classes refer to): a conflict, not a crash. */
function isForeignKeyViolation(err: any): boolean {
  return err?.code === '23503' || err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function isUniqueViolation(err: any): boolean {
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** No content type (no body at all) counts as JSON: the route's own "required" message says more. */
function isJsonType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Broken uploads. busboy throws plain Errors (no code, no status) for a multipart body it
 * cannot read — no boundary, cut short — which would otherwise be a 500; @fastify/multipart's
 * limits come with codes.
 */
function multipartProblem(err: any): { status: number; code: string; key: string; field: string } | undefined {
  switch (err?.code) {
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'payload_too_large', key: 'error.tooManyParts', field: 'body' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', key: 'error.expectedMultipart', field: 'headers.content-type' };
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { status: 400, code: 'bad_multipart', key: 'error.badMultipart', field: 'body' };
  }
  if (err?.code !== undefined || typeof err?.message !== 'string') return undefined;
  if (/^Multipart: |unexpected end of multipart data|^Malformed part header|^Boundary required$/i.test(err.message)) {
    return { status: 400, code: 'bad_multipart', key: 'error.badMultipart', field: 'body' };
  }
  if (err.message === 'Unsupported Content-Type.' || err.message === 'Missing Content-Type-header.') {
    return { status: 415, code: 'unsupported_media_type', key: 'error.expectedMultipart', field: 'headers.content-type' };
  }
  return undefined;
}

/**
 * `notFound: false` leaves the not-found handler to the caller: Fastify allows one per
 * prefix, and the built web app needs its own (index.html for client-side routes).
 */
export function registerProblemHandlers(app: FastifyInstance, opts: { notFound?: boolean } = {}) {
  // Part of the same contract: text PostgreSQL cannot store is a 400 naming the field, not a 500.
  registerTextGuard(app);
  app.setErrorHandler((err: FastifyError & Record<string, any>, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(req, reply, err.status, err.code, err.messageKey, err.params, err.fields);
    }
    // Fastify passes our validator's error object through as the error itself.
    if (err instanceof RequestValidationError) {
      // A JSON route given another type of body (text/plain, a form, an upload): say that, not "body: expected an object".
      // Only when the body as a whole failed: field issues come from an object that was read (a multipart form's JSON field).
      if (err.part === 'body' && !isJsonType(req.headers['content-type']) && err.issues.every((i) => i.path.length === 0)) {
        return sendProblem(req, reply, 415, 'unsupported_media_type', 'error.expectedJson', {}, [
          { field: 'headers.content-type', message: 'error.expectedJson' },
        ]);
      }
      return sendProblem(req, reply, 400, 'validation', 'error.validation', {}, issuesToFields(err.part, err.issues));
    }
    if (err.validation && err.validationContext) {
      // Fastify's own validation (e.g. content-type parsing of a known route schema).
      const fields = err.validation.map((v: any) => ({ field: `${err.validationContext}${v.instancePath.replace(/\//g, '.')}`, message: 'error.validation' }));
      return sendProblem(req, reply, 400, 'validation', 'error.validation', {}, fields);
    }
    const code = err.code as string | undefined;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError)) {
      return sendProblem(req, reply, 400, 'bad_json', 'error.badJson', {}, [{ field: 'body', message: 'error.badJson' }]);
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return sendProblem(req, reply, 413, 'payload_too_large', 'error.payloadTooLarge', {}, [{ field: 'body', message: 'error.payloadTooLarge' }]);
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return sendProblem(req, reply, 415, 'unsupported_media_type', 'error.unsupportedMedia', {}, [
        { field: 'headers.content-type', message: 'error.unsupportedMedia' },
      ]);
    }
    const multipart = multipartProblem(err);
    if (multipart) return sendProblem(req, reply, multipart.status, multipart.code, multipart.key, {}, [{ field: multipart.field, message: multipart.key }]);
    if (err.statusCode === 429) return sendProblem(req, reply, 429, 'rate_limited', 'error.rateLimited');
    if (isUniqueViolation(err)) return sendProblem(req, reply, 409, 'conflict', 'error.conflict');
    if (isForeignKeyViolation(err)) return sendProblem(req, reply, 409, 'conflict', 'error.inUse');
    if (isDatabaseDown(err)) {
      req.log.warn({ err: { code, message: err.message } }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(req, reply, 503, 'unavailable', 'error.unavailable');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(req, reply, err.statusCode, 'bad_request', 'error.validation', {}, [{ field: 'request', message: 'error.validation' }]);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, 500, 'internal', 'error.internal');
  });

  if (opts.notFound !== false) app.setNotFoundHandler((req, reply) => sendProblem(req, reply, 404, 'route_not_found', 'error.routeNotFound'));
}
