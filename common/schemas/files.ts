import { z } from 'zod';

/** An uploaded file as every module shows it (core/files FileRef). */
export const FileRef = z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number().int(), createdAt: z.string() });
export type FileRef = z.infer<typeof FileRef>;

/** What a write that claims uploads carries: the ids POST /api/v1/files answered with. */
export const FileIds = z.array(z.string().uuid()).max(10);
