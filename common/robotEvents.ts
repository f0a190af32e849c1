/**
 * Notice kinds a group robot can be set to receive ('<module>.<event>'); modules added later
 * add theirs here. A webhook with no list set receives DEFAULT_ROBOT_EVENTS.
 */
export const ROBOT_EVENTS: Record<string, { zh: string; en: string }> = {
  'appeal.new': { zh: '新诉求待受理', en: 'New appeal to accept' },
  'appeal.assigned': { zh: '诉求已交办', en: 'Appeal assigned' },
  'appeal.answered': { zh: '诉求已答复', en: 'Appeal answered' },
  'appeal.overdue': { zh: '诉求超期', en: 'Appeal overdue' },
  'appeal.groupAlert': { zh: '群体诉求预警', en: 'Group appeal alert' },
};
/** What robots received before the list was configurable. */
export const DEFAULT_ROBOT_EVENTS = ['appeal.overdue', 'appeal.groupAlert'] as const;
