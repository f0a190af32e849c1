/**
 * Did the agreed raise reach the workers? For each wage agreement signed through to publication,
 * its adopted proposal is compared, group by group (employment category × job family), with the
 * wage data of the agreed year against the base year. A raise agreed for a job family across
 * categories is checked in each category on its own, so a raise that reached contract workers
 * but not dispatch workers shows as one reached and one not. The indicator, its cut by
 * employment category and the list they drill to all come from `comparisons`.
 */
import { EMPLOYMENT_CATEGORIES, type EmploymentCategory } from '../../../common/enums.js';
import type { WageJobFamily } from '../../../common/contracts.js';
import type { AgreedWageFilter, AgreedWageQuery } from '../../../common/schemas/contractWages.js';
import type { Call } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { narrowScope } from '../../core/rbac/narrowScope.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { overseenScope } from './contracts.policy.js';
import { cq } from './contracts.tables.js';
import { div, frac, percent, sub } from './wages.exact.js';

export interface Comparison {
  contractId: string;
  contractTitle: string;
  orgId: string;
  /** The year the raise is for: the proposal's base year + 1. */
  year: number;
  category: EmploymentCategory;
  jobFamily: WageJobFamily;
  agreedBp: number;
  actualGrowth: ReturnType<typeof percent>;
  reached: boolean;
}

/** Every group of the adopted proposals whose agreed year lies in [fromYear, toYear] and has wage data for both years. */
export async function comparisons(db: Db, scope: Scope, fromYear: number, toYear: number): Promise<Comparison[]> {
  const proposals = await cq(db)
    .selectFrom('contract_wage_proposals as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .where((eb) => pathInScope(eb, 'c.org_path', scope))
    .where('c.kind', '=', 'wage')
    .where('c.status', '=', 'published')
    .where('p.adopted_version', 'is not', null)
    .where('p.base_year', '>=', fromYear - 1)
    .where('p.base_year', '<=', toYear - 1)
    .select(['p.id', 'p.contract_id', 'p.base_year', 'p.adopted_version', 'c.title', 'c.org_id'])
    .orderBy('c.title')
    .orderBy('c.id')
    .execute();
  // A proposal adopted and later replaced by another adoption is not the agreement: the latest adoption is.
  const latest = new Map<string, (typeof proposals)[number]>();
  for (const p of proposals)
    if (!latest.has(p.contract_id) || Number(p.adopted_version) > Number(latest.get(p.contract_id)!.adopted_version)) latest.set(p.contract_id, p);
  const chosen = [...latest.values()];
  if (!chosen.length) return [];
  const items = await cq(db)
    .selectFrom('contract_wage_items')
    .selectAll()
    .where(
      'proposal_id',
      'in',
      chosen.map((p) => p.id),
    )
    .orderBy('seq')
    .execute();
  const orgs = [...new Set(chosen.map((p) => p.org_id))];
  const wageRows = await cq(db)
    .selectFrom('contract_wage_rows')
    .select(['org_id', 'year', 'category', 'job_family', 'headcount', 'total_fen'])
    .where('org_id', 'in', orgs)
    .where('year', '>=', fromYear - 1)
    .where('year', '<=', toYear)
    .execute();
  const wage = new Map(wageRows.map((r) => [`${r.org_id}|${r.year}|${r.category}|${r.job_family}`, { heads: Number(r.headcount), fen: BigInt(r.total_fen) }]));
  const out: Comparison[] = [];
  for (const p of chosen) {
    const base = Number(p.base_year);
    for (const it of items.filter((i) => i.proposal_id === p.id)) {
      for (const category of it.category ? [it.category as EmploymentCategory] : EMPLOYMENT_CATEGORIES) {
        const before = wage.get(`${p.org_id}|${base}|${category}|${it.job_family}`);
        const after = wage.get(`${p.org_id}|${base + 1}|${category}|${it.job_family}`);
        if (!before || !after) continue;
        // avg(after) ÷ avg(before) − 1, exactly: (fenA · headsB) ÷ (fenB · headsA) − 1.
        const growth = sub(div(frac(after.fen * BigInt(before.heads)), frac(before.fen * BigInt(after.heads))), frac(1));
        const bp = Number(it.raise_bp);
        const reached = after.fen * BigInt(before.heads) * 10_000n >= before.fen * BigInt(after.heads) * BigInt(10_000 + bp);
        out.push({
          contractId: p.contract_id,
          contractTitle: p.title,
          orgId: p.org_id,
          year: base + 1,
          category,
          jobFamily: it.job_family as WageJobFamily,
          agreedBp: bp,
          actualGrowth: percent(growth),
          reached,
        });
      }
    }
  }
  return out;
}

const yearsOf = (q: { fromYear?: number; toYear?: number }, now: Date) => {
  const to = q.toYear ?? now.getUTCFullYear();
  return { fromYear: q.fromYear ?? to, toYear: to };
};

/** The reached share by employment category, each with the list filters of its rows. */
export async function agreedCuts(call: Call, q: AgreedWageQuery) {
  const { fromYear, toYear } = yearsOf(q, call.now);
  const all = await comparisons(call.db, await narrowScope(call.db, overseenScope(call.actor), q.orgId), fromYear, toYear);
  const span = { fromYear: String(fromYear), toYear: String(toYear) };
  const cut = (rows: Comparison[], key: Record<string, string>) => {
    const reached = rows.filter((r) => r.reached).length;
    return {
      reached,
      compared: rows.length,
      rate: rows.length ? Math.round((reached / rows.length) * 10_000) / 10_000 : null,
      drill: { numerator: { ...span, ...key, reached: '1' }, denominator: { ...span, ...key } },
    };
  };
  return {
    fromYear,
    toYear,
    total: cut(all, {}),
    byCategory: EMPLOYMENT_CATEGORIES.filter((c) => all.some((r) => r.category === c)).map((category) => ({
      category,
      ...cut(
        all.filter((r) => r.category === category),
        { category },
      ),
    })),
  };
}

export async function agreedList(call: Call, f: AgreedWageFilter) {
  const { fromYear, toYear } = yearsOf(f, call.now);
  let rows = await comparisons(call.db, await narrowScope(call.db, overseenScope(call.actor), f.orgId), fromYear, toYear);
  if (f.category) rows = rows.filter((r) => r.category === f.category);
  if (f.reached) rows = rows.filter((r) => r.reached === (f.reached === '1'));
  const items = rows.slice((f.page - 1) * f.pageSize, f.page * f.pageSize).map(({ agreedBp, ...r }) => ({ ...r, agreedPercent: (agreedBp / 100).toFixed(2) }));
  return { items, total: rows.length, page: f.page, pageSize: f.pageSize };
}
