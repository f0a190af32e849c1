import { z } from 'zod';
import { ROLES } from '../roles.js';

export const LoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  account: z.object({ id: z.string(), username: z.string(), displayName: z.string(), locale: z.string(), personId: z.string().nullable() }),
  roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.string().nullable(), orgName: z.string().nullable() })),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const CreateTokenBody = z.object({ name: z.string().trim().min(1).max(60) });
