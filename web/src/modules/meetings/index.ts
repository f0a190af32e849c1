import { lazy } from 'react';
import { CheckSquareOutlined, TeamOutlined } from '@ant-design/icons';
import { MEETINGS_PERMISSIONS as P } from '@common/meetings';
import { defineModule } from '../types';

/** Decided items (督办事项, core) and meetings (例会、联席会): the board, an item, the meetings. */
export const meetingsModule = defineModule({
  id: 'meetings',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'decided-items', component: lazy(() => import('./DecidedItemsPage')) },
    { path: 'decided-items/:id', component: lazy(() => import('./DecidedItemPage')) },
    { path: 'meetings', component: lazy(() => import('./MeetingsPage')), permission: P.read },
    { path: 'meetings/:id', component: lazy(() => import('./MeetingPage')) },
  ],
  menu: [
    { key: 'decided-items', path: '/decided-items', labelKey: 'meetings:menuDecided', icon: CheckSquareOutlined, permission: 'decidedItems.read', order: 50 },
    { key: 'meetings', path: '/meetings', labelKey: 'meetings:menuMeetings', icon: TeamOutlined, permission: P.read, order: 51 },
  ],
  homeCards: [
    {
      key: 'meetings-mine',
      component: lazy(() => import('./MyDecidedItemsCard')),
      roles: ['handler', 'unionChair'],
      permission: 'org.read',
      order: 30,
      width: 'half',
    },
    {
      key: 'meetings-public',
      component: lazy(() => import('./PublicDecidedCard')),
      roles: ['worker', 'representative'],
      permission: 'decidedItems.readPublic',
      order: 31,
      width: 'half',
    },
  ],
});
