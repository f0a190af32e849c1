import { z } from 'zod';
import type { App } from '../http/types.js';
import { SIGNED_IN } from '../http/access.js';
import { FIGURE_UNITS } from '../../../common/figure.js';
import { indicators } from './indicators.registry.js';

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const IndicatorInfo = z.object({
  key: z.string(),
  module: z.string(),
  label: Bilingual,
  definition: Bilingual,
  unit: z.enum(FIGURE_UNITS),
  period: z.enum(['range', 'week', 'day']),
});

export async function indicatorsRoutes(app: App) {
  // Definitions only, no figures: what each indicator counts is no secret, its values are
  // served by each module's own dashboards under their own authorization.
  app.get(
    '/api/v1/indicators',
    {
      config: SIGNED_IN,
      schema: { tags: ['indicators'], summary: '全部指标的定义（各模块）', response: { 200: z.object({ items: z.array(IndicatorInfo) }) } },
    },
    async () => ({ items: indicators().map(({ key, module, label, definition, unit, period }) => ({ key, module, label, definition, unit, period })) }),
  );
}
