/**
 * 合理化建议 / 我为企业发展献一策 — the suggestion campaign (suggestions), DOMAIN.md practice 10
 * and issue #20: a worker submits, the union reviews, experts score blind, the union decides,
 * adopted suggestions are implemented as decided items, their benefit is recorded and verified,
 * and the authors are rewarded. Other modules import only this file.
 */
import { SUGGESTION_GRANTS, SUGGESTION_PERMISSIONS } from '../../../common/suggestions.js';
import { defineModule } from '../module.js';
import { suggestionNotableCases } from './suggestions.notable.js';
import * as m1800 from './migrations/20261206_1800_suggestions_campaigns.js';
import * as m0041 from './migrations/20261208_0041_suggestions_statistics.js';
import { suggestionsIndicators } from './suggestions.indicators.js';
import { suggestionsMessages } from './suggestions.messages.js';
import { suggestionsRoutes } from './suggestions.routes.js';
import { seedSuggestionsDemo } from './suggestions.seed.js';

export const suggestionsModule = defineModule({
  name: 'suggestions',
  permissions: Object.values(SUGGESTION_PERMISSIONS),
  grants: SUGGESTION_GRANTS,
  messages: suggestionsMessages,
  migrations: { '20261206_1800_suggestions_campaigns': m1800, '20261208_0041_suggestions_statistics': m0041 },
  routes: suggestionsRoutes,
  jobs: [],
  indicators: suggestionsIndicators,
  notableCases: suggestionNotableCases,
  homeCards: [
    {
      key: 'suggestions.desk',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '合理化建议', en: 'Suggestions' },
      path: '/suggestions',
      indicator: 'suggestions.adoptionRate',
    },
    { key: 'suggestions.mine', roles: ['worker'], title: { zh: '我为企业献一策', en: 'My suggestions' }, path: '/suggestions' },
  ],
  seedDemo: seedSuggestionsDemo,
});

// For the work report and bench: one function per figure, the services as the routes call them, the table types.
export * as suggestionsFigures from './suggestions.indicators.js';
export * as suggestionsService from './suggestions.service.js';
export { statistics as campaignStatistics } from './campaigns.service.js';
// For bench/suggestions/statistics.ts: each read of the campaign statistics timed alone.
export { cells, participants, participantsByUnit, workersByUnit, workersIn } from './suggestions.repository.js';
export type { SuggestionTables, SuggestionTable } from './suggestions.tables.js';
