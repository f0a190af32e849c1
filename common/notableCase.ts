/**
 * A notable case (典型案例) a practice suggests for a work report: what happened and how it
 * ended, in words that name nobody — the module that suggests it de-identifies it, since the
 * report is printed and passed up the union and the education bureau.
 */
import { z } from 'zod';

export const NotableCase = z.object({
  /** Unique within its module; the work report re-reads a picked case by it. */
  key: z.string().min(1).max(200),
  /** The kind of case, e.g. 化解人数最多的群体诉求. */
  kind: z.object({ zh: z.string().max(100), en: z.string().max(100) }),
  title: z.string().min(1).max(200),
  summary: z.string().max(2000),
});
export type NotableCase = z.infer<typeof NotableCase>;
