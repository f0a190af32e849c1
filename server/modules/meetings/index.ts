/**
 * Meetings (meetings), DOMAIN.md practice 6: regular union meetings and joint meetings with
 * the administration — agenda, attendance, minutes, decisions tracked as decided items, and
 * the carry-over review at the start of the next meeting. Other modules import only this file.
 */
import { MEETINGS_GRANTS, MEETINGS_PERMISSIONS } from '../../../common/meetings.js';
import { defineModule } from '../module.js';
import * as m1610 from './migrations/20261206_1610_meetings_core.js';
import * as m1940 from './migrations/20261206_1940_meetings_agenda_appeals.js';
import * as m1400 from './migrations/20261207_1400_meetings_agenda_duration_proposal.js';
import { meetingsIndicators } from './meetings.indicators.js';
import { meetingsMessages } from './meetings.messages.js';
import { meetingsRoutes } from './meetings.routes.js';
import { seedMeetingsDemo } from './meetings.seed.js';

export const meetingsModule = defineModule({
  name: 'meetings',
  permissions: Object.values(MEETINGS_PERMISSIONS),
  grants: MEETINGS_GRANTS,
  messages: meetingsMessages,
  migrations: {
    '20261206_1610_meetings_core': m1610,
    '20261206_1940_meetings_agenda_appeals': m1940,
    '20261207_1400_meetings_agenda_duration_proposal': m1400,
  },
  routes: meetingsRoutes,
  jobs: [],
  indicators: meetingsIndicators,
  homeCards: [
    {
      key: 'meetings.decidedItems',
      roles: ['unionChair', 'unionStaff', 'handler'],
      title: { zh: '督办事项', en: 'Decided items' },
      path: '/decided-items',
      indicator: 'core.decidedOnTimeRate',
    },
    {
      key: 'meetings.meetings',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '例会与联席会', en: 'Meetings' },
      path: '/meetings',
      indicator: 'meetings.heldAsPlanned',
    },
  ],
  seedDemo: seedMeetingsDemo,
});

export { heldAsPlanned, decisionsClosed } from './meetings.indicators.js';
export { carryOver } from './meetings.carryOver.js';
