/**
 * The practice modules. Each folder declares itself in its `index.ts` (`defineModule`);
 * adding a module is one folder and one line here. `house` is their composition, validated
 * when this file loads, so a colliding or misnamed declaration stops the start.
 */
import { composeModules } from './compose.js';
import { schoolModule } from './school/index.js';
import { heartBridgeModule } from './heartBridge/index.js';
import { moralEducationModule } from './moralEducation/index.js';
import { appealsModule } from './appeals/index.js';
import { meetingsModule } from './meetings/index.js';
import { congressModule } from './congress/index.js';
import { policiesModule } from './policies/index.js';
import { mediationModule } from './mediation/index.js';
import { workReportModule } from './workReport/index.js';
import { surveysModule } from './surveys/index.js';
import { teacherGrowthModule } from './teacherGrowth/index.js';
import { contractsModule } from './contracts/index.js';
import { noticesModule } from './notices/index.js';
import { suggestionsModule } from './suggestions/index.js';
import { timetableModule } from './timetable/index.js';
import { lessonLogsModule } from './lessonLogs/index.js';
import { honoursModule } from './honours/index.js';
import { hardshipModule } from './hardship/index.js';

// workReport last: its demo seed generates reports from every other module's demo records.
export const modules = [
  schoolModule,
  heartBridgeModule,
  moralEducationModule,
  appealsModule,
  meetingsModule,
  congressModule,
  policiesModule,
  mediationModule,
  surveysModule,
  teacherGrowthModule,
  contractsModule,
  noticesModule,
  suggestionsModule,
  timetableModule,
  lessonLogsModule,
  honoursModule,
  hardshipModule,
  workReportModule,
];

export const house = composeModules(modules);
