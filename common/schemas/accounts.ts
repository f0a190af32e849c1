import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id } from './shared.js';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'validation.accountUsername');
/** Mainland mobile numbers: sign-in accepts the phone as a login name. */
export const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'validation.accountPhone');

export const GrantInput = z.object({ role: z.enum(ROLES), orgId: Id.nullable() });
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateAccountBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(40),
  phone: Phone.nullable().optional(),
  password: z.string().min(1).max(200),
  personId: Id.nullable().optional(),
  grants: z.array(GrantInput).max(20).default([]),
});

export const ResetPasswordBody = z.object({ password: z.string().min(1).max(200) });

export const AccountGrant = z.object({ id: z.string(), role: z.enum(ROLES), orgId: z.string().nullable(), orgName: z.string().nullable() });

export const AccountItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** Masked (138****1234). */
  phone: z.string().nullable(),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  /** Locked out after failed sign-ins, until lockedUntil. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Only the grants inside the caller's scope. */
  grants: z.array(AccountGrant),
  /** Whether the caller may disable, enable or reset this account (all its grants lie in their scope). */
  manageable: z.boolean(),
});
export type AccountItem = z.infer<typeof AccountItem>;

export const AccountListQuery = z.object({
  q: z.string().trim().min(1).max(60).optional(),
  role: z.enum(ROLES).optional(),
  /** Accounts with a grant in this org's subtree. */
  orgId: Id.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['username', 'displayName', 'createdAt']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const GrantParams = z.object({ id: Id, grantId: Id });
