/**
 * The list of practice modules. Each module folder exposes one `index.ts` with a
 * `XqModule`; this file is the only place that knows them all.
 */
import type { XqModule } from './module.js';

export const modules: XqModule[] = [];
