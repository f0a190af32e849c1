/**
 * The appeal notices a group robot may receive. Their kinds keep the 'appeal.' spelling they
 * were stored under (compose.ts grandfathers them). Each carries the appeal's code and
 * category, never an anonymous author's name (appeals.notices.ts).
 */
import type { RobotEvents } from '../module.js';

export const appealsRobotEvents: RobotEvents = {
  label: { zh: '职工诉求', en: 'Appeals' },
  events: [
    { key: 'appeal.new', label: { zh: '新诉求待受理', en: 'New appeal to accept' } },
    { key: 'appeal.assigned', label: { zh: '诉求已交办', en: 'Appeal assigned' } },
    { key: 'appeal.answered', label: { zh: '诉求已答复', en: 'Appeal answered' } },
    { key: 'appeal.overdue', label: { zh: '诉求超期', en: 'Appeal overdue' } },
    { key: 'appeal.groupAlert', label: { zh: '群体诉求预警', en: 'Group appeal alert' } },
  ],
};
