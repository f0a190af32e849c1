/**
 * Where a figure's records are listed. A figure's `drill` is the filters of its practice's
 * own list page, which by convention lives at /<module in kebab case> and takes orgId, from
 * and to beside them (the appeals inbox does), unless the indicator declares another page
 * (`drillPage`: the decided-items board for figures counted over decided items, the school
 * office for teacher growth); that page applies its own authorization.
 */
export function drillPath(module: string, filters: Record<string, string>, q: { orgId: string; from: string; to: string }, page?: string): string {
  const path = page?.replace(/^\//, '') ?? module.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `/${path}?${new URLSearchParams({ orgId: q.orgId, from: q.from, to: q.to, ...filters })}`;
}
