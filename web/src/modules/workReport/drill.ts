/**
 * Where a figure's records are listed. A figure's `drill` is the filters of its practice's
 * own list page, which by convention lives at /<module in kebab case> and takes orgId, from
 * and to beside them (the appeals inbox does), unless the indicator names another page
 * (`drillPage`); that page applies its own authorization. Figures counted over decided items —
 * core's, and a practice's that name a `sourceKind` — drill into the decided-items board,
 * which reads those filters from the address.
 */
export function drillPath(module: string, filters: Record<string, string>, q: { orgId: string; from: string; to: string }, page?: string): string {
  if (!page && (module === 'core' || 'sourceKind' in filters)) return `/decided-items?${new URLSearchParams({ orgId: q.orgId, ...filters })}`;
  const path = page?.replace(/^\//, '') ?? module.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `/${path}?${new URLSearchParams({ orgId: q.orgId, from: q.from, to: q.to, ...filters })}`;
}
