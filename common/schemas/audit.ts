import { z } from 'zod';
import { Id } from './shared.js';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A day as people see it ('YYYY-MM-DD', a Beijing calendar day) or an exact ISO instant. */
export const DateOrInstant = z
  .string()
  .refine((s) => DATE_OR_INSTANT.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s)), 'validation.dateOrInstant');

export const AuditFilter = z.object({
  /** Exact action, or a prefix ending in '*' (e.g. 'account.*'). */
  action: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: Id.optional(),
  /** Events of this org and its whole subtree. */
  orgId: Id.optional(),
  from: DateOrInstant.optional(),
  /** Inclusive: a date means up to the end of that Beijing day. */
  to: DateOrInstant.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditListQuery = AuditFilter.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['at']).optional(),
  // Newest first: the question an auditor asks is usually "what just happened".
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
