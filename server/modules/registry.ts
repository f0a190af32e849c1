/**
 * The list of practice modules. Each module folder exposes one `index.ts` with a
 * `XqModule`; this file is the only place that knows them all.
 */
import type { XqModule } from './module.js';
import { schoolModule } from './school/index.js';
import { heartBridgeModule } from './heartBridge/index.js';
import { moralEducationModule } from './moralEducation/index.js';
import { appealsModule } from './appeals/index.js';

export const modules: XqModule[] = [schoolModule, heartBridgeModule, moralEducationModule, appealsModule];
