/**
 * Every front-end module, in one list. To add a practice module (appeals, heartBridge …):
 * create modules/<name>/index.ts exporting defineModule({...}) and add it here; routes,
 * menu entries, header widgets and its i18n namespace follow from that entry.
 */
import type { Messages } from '../i18n/types';
import { accountModule } from './account';
import { accountsModule } from './accounts';
import { auditModule } from './audit';
import { authModule } from './auth';
import { calendarModule } from './calendar';
import { dashboardModule } from './dashboard';
import { importsModule } from './imports';
import { notificationsModule } from './notifications';
import { orgModule } from './org';
import { peopleModule } from './people';
import { schoolModule } from './school';
import { heartBridgeModule } from './heartBridge';
import { moralEducationModule } from './moralEducation';
import { appealsModule } from './appeals';
import { webhooksModule } from './webhooks';
import { meetingsModule } from './meetings';
import { congressModule } from './congress';
import { policiesModule } from './policies';
import { mediationModule } from './mediation';
import { workReportModule } from './workReport';
import { surveysModule } from './surveys';
import { teacherGrowthModule } from './teacherGrowth';
import { contractsModule } from './contracts';
import { noticesModule } from './notices';
import { suggestionsModule } from './suggestions';
import { lessonLogsModule } from './lessonLogs';
import { timetableModule } from './timetable';
import { honoursModule } from './honours';
import { hardshipModule } from './hardship';
import type { MessageLoader, XqModule } from './types';

export const modules: readonly XqModule[] = [
  authModule,
  dashboardModule,
  orgModule,
  peopleModule,
  importsModule,
  auditModule,
  calendarModule,
  accountModule,
  notificationsModule,
  heartBridgeModule,
  moralEducationModule,
  schoolModule,
  appealsModule,
  webhooksModule,
  meetingsModule,
  congressModule,
  policiesModule,
  mediationModule,
  workReportModule,
  surveysModule,
  teacherGrowthModule,
  contractsModule,
  noticesModule,
  suggestionsModule,
  timetableModule,
  lessonLogsModule,
  honoursModule,
  accountsModule,
  hardshipModule,
];

/** i18n namespaces by module id, handed to initI18n before the first render: bundled ones, and loaders for the rest. */
export const moduleMessages: Record<string, Messages> = Object.fromEntries(
  modules.flatMap((m) => (m.messages && typeof m.messages !== 'function' ? [[m.id, m.messages]] : [])),
);
export const moduleMessageLoaders: Record<string, MessageLoader> = Object.fromEntries(
  modules.flatMap((m) => (typeof m.messages === 'function' ? [[m.id, m.messages]] : [])),
);

// Two modules with one id would silently overwrite each other's strings and routes.
if (new Set(modules.map((m) => m.id)).size !== modules.length) {
  throw new Error('Duplicate module id in modules/registry.ts');
}
