/**
 * One error type for the whole server. Services throw AppError; the error handler in
 * core/http renders it as RFC 9457 problem+json in the caller's language.
 */
export interface FieldError {
  /** Where the fault is, e.g. "body.title" or "query.page". */
  field: string;
  /** Message key or literal text (already localised). */
  message: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.notFound');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'error.unauthenticated');
export const conflict = (messageKey = 'error.conflict', params?: Record<string, unknown>) => new AppError(409, 'conflict', messageKey, params);
/** A business-rule violation on a given field (422). */
export const invalid = (field: string, messageKey: string, params?: Record<string, unknown>) =>
  new AppError(422, 'invalid', messageKey, params, [{ field, message: messageKey, params }]);
