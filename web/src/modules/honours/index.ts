import { lazy } from 'react';
import { FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import { HONOURS_PERMISSIONS as P } from '@common/honours';
import { defineModule } from '../types';

/** Honours (工人先锋号): nomination, the review desk with the disqualifier evidence; labour competitions and their ranking. */
export const honoursModule = defineModule({
  id: 'honours',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'honours', component: lazy(() => import('./HonoursPage')), permission: P.nominate },
    { path: 'honours/nominations/:id', component: lazy(() => import('./NominationPage')), permission: P.nominate },
    { path: 'competitions', component: lazy(() => import('./CompetitionsPage')), permission: P.readPublished },
    { path: 'competitions/:id', component: lazy(() => import('./CompetitionPage')), permission: P.readPublished },
  ],
  menu: [
    { key: 'honours', path: '/honours', labelKey: 'honours:menuHonours', icon: TrophyOutlined, permission: P.nominate, order: 60 },
    { key: 'competitions', path: '/competitions', labelKey: 'honours:menuCompetitions', icon: FlagOutlined, permission: P.readPublished, order: 61 },
  ],
  homeCards: [
    { key: 'honours-review', component: lazy(() => import('./ReviewCard')), roles: ['unionChair', 'unionStaff'], permission: P.read, order: 40, width: 'half' },
    { key: 'honours-mine', component: lazy(() => import('./MyNominationsCard')), roles: ['handler'], permission: P.nominate, order: 41, width: 'half' },
    {
      key: 'honours-ranking',
      component: lazy(() => import('./RankingCard')),
      roles: ['worker', 'representative', 'handler'],
      permission: P.readPublished,
      order: 42,
      width: 'half',
    },
  ],
});
