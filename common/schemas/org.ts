import { z } from 'zod';
import { ORG_KINDS } from '../enums.js';
import { Id } from './shared.js';

export const Org = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  code: z.string().nullable(),
  depth: z.number().int(),
  sortOrder: z.number().int(),
});
export type Org = z.infer<typeof Org>;

export const OrgListQuery = z.object({ under: Id.optional() });

export const CreateOrgBody = z.object({
  parentId: Id.nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string().trim().min(1).max(60),
  code: z.string().trim().max(40).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});

export const UpdateOrgBody = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    code: z.string().trim().max(40).nullable().optional(),
    parentId: Id.optional(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
