/**
 * Wage negotiation (工资集体协商): the org's wage data per year (imported from a sheet), its
 * exact figures, each side's proposals with their cost, and the step that writes the agreed
 * proposal into the wage agreement's draft as promise clauses — monitored from then on like
 * any clause. Wage data are aggregates (no person): the union of the org and above reads them.
 */
import type { z } from 'zod';
import { CLAUSE_CATEGORIES, WAGE_JOB_FAMILY_LABELS, type ContractSide, type WageJobFamily } from '../../../common/contracts.js';
import type { AdoptWageBody, WageFigures, WageImportResult, WageNegotiation, WageProposalBody } from '../../../common/schemas/contractWages.js';
import { EMPLOYMENT_CATEGORY_LABELS, type EmploymentCategory } from '../../../common/enums.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { readFirstSheet } from '../../core/excel/import.js';
import { renderFaults } from '../../core/imports/imports.service.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { statusConflict } from '../../core/workflow/index.js';
import { CONTRACTS_PERMISSIONS as P } from '../../../common/contracts.js';
import { CM } from './contracts.messages.js';
import { assertManager, assertOverseer } from './contracts.policy.js';
import { loadContract, saveVersion } from './contracts.service.js';
import { cq } from './contracts.tables.js';
import { add, basisPoints, div, frac, mul, percent, ratio, sub, yuan, type Frac } from './wages.exact.js';
import { MAX_WAGE_ROWS, parseWageSheet } from './wages.sheet.js';

const NEGOTIABLE = ['preparing', 'negotiating', 'drafted'];

/** The org, when the actor holds `permission` there: 404 when it is outside what they read, 403 when they only read it. */
async function wageOrg(call: Call, tx: Tx, orgId: string, write: boolean) {
  const org = await cq(tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
  if (!org || !inScope(scopeOf(call.actor, P.read), org.path)) throw notFound();
  if (write && !inScope(scopeOf(call.actor, P.manage), org.path)) throw forbidden();
  return org;
}

/**
 * Checks the sheet and, when asked to and every row is right, replaces the org's rows of the
 * years the sheet covers. A sheet with any fault writes nothing: the answer lists each fault.
 */
export async function importWages(
  call: WriteCall,
  input: { orgId: string; fileName: string; file: Buffer; write: boolean },
): Promise<z.infer<typeof WageImportResult>> {
  const org = await wageOrg(call, call.tx, input.orgId, true);
  const sheet = await readFirstSheet(input.file, MAX_WAGE_ROWS + 10, { csv: /\.csv$/i.test(input.fileName) });
  const { rows, faults, totalRows } = parseWageSheet(sheet);
  if (totalRows > MAX_WAGE_ROWS)
    throw new AppError(422, 'invalid', 'import.tooManyRows', { max: MAX_WAGE_ROWS }, [
      { field: 'body.file', message: 'import.tooManyRows', params: { max: MAX_WAGE_ROWS } },
    ]);
  if (!totalRows && !faults.length) throw new AppError(422, 'invalid', 'import.empty', {}, [{ field: 'body.file', message: 'import.empty' }]);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const errors = renderFaults(faults, call.ctx.locale);
  const result = { totalRows, validRows: totalRows - new Set(faults.map((f) => f.row)).size, years, errors };
  if (!input.write) return { ...result, written: false };
  if (faults.length) {
    throw new AppError(
      422,
      'invalid',
      CM['contracts.wageSheetFaults'],
      { count: faults.length },
      errors.slice(0, 50).map((e) => ({ field: 'body.file', message: `第${e.row}行「${e.column}」：${e.message}` })),
    );
  }
  await cq(call.tx).deleteFrom('contract_wage_rows').where('org_id', '=', org.id).where('year', 'in', years).execute();
  await cq(call.tx)
    .insertInto('contract_wage_rows')
    .values(
      rows.map((r) => ({
        id: newId(),
        org_id: org.id,
        org_path: org.path,
        year: r.year,
        category: r.category,
        job_family: r.jobFamily,
        headcount: r.headcount,
        total_fen: r.totalFen,
        lowest_monthly_fen: r.lowestMonthlyFen,
        local_minimum_fen: r.localMinimumFen,
        imported_by: call.actor.accountId,
        imported_at: call.iso,
      })),
    )
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.wageImport',
    entityType: 'org',
    entityId: org.id,
    orgId: org.id,
    changes: { fileName: input.fileName.slice(0, 200), rows: rows.length, years },
  });
  return { ...result, written: true };
}

interface Group {
  year: number;
  category: EmploymentCategory;
  jobFamily: WageJobFamily;
  headcount: number;
  totalFen: number;
  lowestMonthlyFen: number;
  localMinimumFen: number;
}

async function wageRows(tx: Tx, orgId: string, year?: number): Promise<Group[]> {
  let q = cq(tx).selectFrom('contract_wage_rows').selectAll().where('org_id', '=', orgId);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year').orderBy('category').orderBy('job_family').execute();
  return rows.map((r) => ({
    year: Number(r.year),
    category: r.category as EmploymentCategory,
    jobFamily: r.job_family as WageJobFamily,
    headcount: Number(r.headcount),
    totalFen: Number(r.total_fen),
    lowestMonthlyFen: Number(r.lowest_monthly_fen),
    localMinimumFen: Number(r.local_minimum_fen),
  }));
}

const averageOf = (gs: Group[]): Frac | null => {
  const heads = gs.reduce((s, g) => s + g.headcount, 0);
  return heads ? frac(BigInt(gs.reduce((s, g) => s + BigInt(g.totalFen), 0n)), heads) : null;
};
const growthOf = (now: Frac, before: Frac | null) => (before ? percent(sub(div(now, before), frac(1))) : null);

/** Averages, growth on the year before, multiples: all exact, rounded only in `display`. */
export async function figures(call: Call, orgId: string): Promise<z.infer<typeof WageFigures>> {
  const org = await wageOrg(call, call.db as unknown as Tx, orgId, false);
  const rows = await wageRows(call.db as unknown as Tx, org.id);
  const years = [...new Set(rows.map((r) => r.year))];
  const groupAvg = new Map(rows.map((g) => [`${g.year}|${g.category}|${g.jobFamily}`, averageOf([g])!]));
  const first = years.length ? averageOf(rows.filter((r) => r.year === years[0])) : null;
  return {
    orgId: org.id,
    years,
    rows: rows.map((g) => {
      const avg = groupAvg.get(`${g.year}|${g.category}|${g.jobFamily}`)!;
      return {
        ...g,
        average: yuan(avg),
        growth: growthOf(avg, groupAvg.get(`${g.year - 1}|${g.category}|${g.jobFamily}`) ?? null),
        lowestVsMinimum: ratio(frac(g.lowestMonthlyFen, g.localMinimumFen)),
      };
    }),
    totals: years.map((year) => {
      const of = rows.filter((r) => r.year === year);
      const before = rows.filter((r) => r.year === year - 1);
      const avg = averageOf(of)!;
      const front = averageOf(of.filter((r) => r.jobFamily === 'frontLine'));
      const mgmt = averageOf(of.filter((r) => r.jobFamily === 'management'));
      return {
        year,
        headcount: of.reduce((s, g) => s + g.headcount, 0),
        totalFen: of.reduce((s, g) => s + g.totalFen, 0),
        average: yuan(avg),
        growth: growthOf(avg, averageOf(before)),
        multipleOfFirst: ratio(div(avg, first!)),
        frontLineVsManagement: front && mgmt ? ratio(div(front, mgmt)) : null,
        localMinimumFen: of[0]!.localMinimumFen,
      };
    }),
  };
}

/** The groups an item raises: one category of a job family, or every category of it. */
const covers = (item: { category: string | null; jobFamily: string }, g: Group) =>
  g.jobFamily === item.jobFamily && (!item.category || g.category === item.category);

/** What a proposal adds to the yearly wage bill of its base year: total × raise, per group and per head. */
function costOf(items: { category: EmploymentCategory | null; jobFamily: WageJobFamily; raiseBp: number }[], base: Group[]) {
  let total = frac(0);
  let heads = 0;
  const out = items.map((it) => {
    const gs = base.filter((g) => covers(it, g));
    const headcount = gs.reduce((s, g) => s + g.headcount, 0);
    const baseTotalFen = gs.reduce((s, g) => s + g.totalFen, 0);
    const cost = mul(frac(baseTotalFen), frac(it.raiseBp, 10_000));
    total = add(total, cost);
    heads += headcount;
    return { ...it, headcount, baseTotalFen, yearlyCost: yuan(cost), perHead: yuan(headcount ? div(cost, frac(headcount)) : frac(0)) };
  });
  return { items: out, headcount: heads, yearlyCost: yuan(total), perHead: yuan(heads ? div(total, frac(heads)) : frac(0)) };
}

async function wageContract(call: WriteCall, id: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  if (c.kind !== 'wage') throw invalid('contractId', CM['contracts.notWageAgreement']);
  if (!NEGOTIABLE.includes(c.status)) throw statusConflict();
  return c;
}

export async function addProposal(call: WriteCall, contractId: string, body: z.infer<typeof WageProposalBody>) {
  const c = await wageContract(call, contractId);
  const round = await cq(call.tx).selectFrom('contract_rounds').select('id').where('id', '=', body.roundId).where('contract_id', '=', c.id).executeTakeFirst();
  if (!round) throw invalid('roundId', CM['contracts.roundUnknown']);
  const base = await wageRows(call.tx, c.org_id, body.baseYear);
  if (!base.length) throw invalid('baseYear', CM['contracts.wageYearMissing']);
  body.items.forEach((it, i) => {
    const clash = body.items.findIndex((o, j) => j < i && o.jobFamily === it.jobFamily && (!o.category || !it.category || o.category === it.category));
    if (clash >= 0) throw invalid(`items.${i}.category`, CM['contracts.wageItemOverlap']);
    if (!base.some((g) => covers({ category: it.category ?? null, jobFamily: it.jobFamily }, g)))
      throw invalid(`items.${i}.jobFamily`, CM['contracts.wageGroupMissing']);
  });
  const id = newId();
  await cq(call.tx)
    .insertInto('contract_wage_proposals')
    .values({
      id,
      contract_id: c.id,
      round_id: round.id,
      side: body.side,
      base_year: body.baseYear,
      note: body.note ?? null,
      adopted_version: null,
      created_by: call.actor.accountId,
      created_at: call.iso,
    })
    .execute();
  await cq(call.tx)
    .insertInto('contract_wage_items')
    .values(
      body.items.map((it, i) => ({
        proposal_id: id,
        seq: i + 1,
        category: it.category ?? null,
        job_family: it.jobFamily,
        raise_bp: basisPoints(it.raisePercent),
      })),
    )
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.wageProposal',
    entityType: 'contract',
    entityId: c.id,
    orgId: c.org_id,
    changes: { side: body.side, baseYear: body.baseYear, items: body.items.length },
  });
  return { id };
}

async function proposalsOf(tx: Tx, contractId: string, orgId: string) {
  const ps = await cq(tx)
    .selectFrom('contract_wage_proposals as p')
    .innerJoin('contract_rounds as r', 'r.id', 'p.round_id')
    .select(['p.id', 'p.side', 'p.base_year', 'p.note', 'p.adopted_version', 'r.seq'])
    .where('p.contract_id', '=', contractId)
    .orderBy('r.seq')
    .orderBy('p.created_at')
    .execute();
  const items = ps.length
    ? await cq(tx)
        .selectFrom('contract_wage_items')
        .selectAll()
        .where(
          'proposal_id',
          'in',
          ps.map((p) => p.id),
        )
        .orderBy('seq')
        .execute()
    : [];
  const bases = new Map<number, Group[]>();
  for (const y of new Set(ps.map((p) => Number(p.base_year)))) bases.set(y, await wageRows(tx, orgId, y));
  return ps.map((p) => ({
    id: p.id,
    roundSeq: Number(p.seq),
    side: p.side as ContractSide,
    baseYear: Number(p.base_year),
    note: p.note,
    adoptedVersion: p.adopted_version === null ? null : Number(p.adopted_version),
    ...costOf(
      items
        .filter((i) => i.proposal_id === p.id)
        .map((i) => ({ category: i.category as EmploymentCategory | null, jobFamily: i.job_family as WageJobFamily, raiseBp: Number(i.raise_bp) })),
      bases.get(Number(p.base_year))!,
    ),
  }));
}

export async function negotiation(call: Call, contractId: string): Promise<z.infer<typeof WageNegotiation>> {
  const tx = call.db as unknown as Tx;
  const { c, rel } = await loadContract(call, tx, contractId);
  assertOverseer(rel);
  const rounds = await cq(tx).selectFrom('contract_rounds').select(['id', 'seq', 'held_date']).where('contract_id', '=', c.id).orderBy('seq').execute();
  return {
    contractId: c.id,
    orgId: c.org_id,
    rounds: rounds.map((r) => ({ id: r.id, seq: Number(r.seq), heldDate: r.held_date })),
    proposals: await proposalsOf(tx, c.id, c.org_id),
  };
}

const groupName = (category: EmploymentCategory | null, family: WageJobFamily) =>
  `${category ? EMPLOYMENT_CATEGORY_LABELS[category].zh : ''}${WAGE_JOB_FAMILY_LABELS[family].zh}岗位${category ? '' : '（各用工类别）'}`;

/**
 * The agreed proposal becomes the draft's wage clauses: one promise clause per group, naming the
 * raise and the cost both sides saw. They replace the draft's earlier wage clauses (a wage
 * agreement's wage clauses are the agreement); the other clauses stay as they are.
 */
export async function adopt(call: WriteCall, contractId: string, body: z.infer<typeof AdoptWageBody>) {
  const c = await wageContract(call, contractId);
  const p = (await proposalsOf(call.tx, c.id, c.org_id)).find((x) => x.id === body.proposalId);
  if (!p) throw invalid('proposalId', CM['contracts.proposalUnknown']);
  const kept = c.current_version
    ? (
        await cq(call.tx)
          .selectFrom('contract_clauses')
          .selectAll()
          .where('contract_id', '=', c.id)
          .where('version', '=', c.current_version)
          .where('category', '!=', 'wages')
          .orderBy('number')
          .execute()
      ).map((cl) => ({
        chapter: cl.chapter,
        number: Number(cl.number),
        category: cl.category as (typeof CLAUSE_CATEGORIES)[number],
        text: cl.text,
        promise: !!cl.promise,
        ...(cl.owner_org_id ? { ownerOrgId: cl.owner_org_id } : {}),
      }))
    : [];
  let next = kept.reduce((m, cl) => Math.max(m, cl.number), 0);
  const wages = p.items.map((it) => ({
    chapter: body.chapter,
    number: ++next,
    category: 'wages' as const,
    promise: true,
    ownerOrgId: body.ownerOrgId,
    text: `${p.baseYear + 1}年度${groupName(it.category, it.jobFamily)}职工平均工资增长不低于${(it.raiseBp / 100).toFixed(2).replace(/\.?0+$/, '')}%（以${p.baseYear}年${it.headcount}人工资总额${yuan(frac(it.baseTotalFen)).display}元为基数，年增资总额${it.yearlyCost.display}元，人均${it.perHead.display}元）`,
  }));
  const side = p.side === 'union' ? '工会方' : '企业方';
  const saved = await saveVersion(call, c.id, { note: `采纳第${p.roundSeq}轮${side}工资方案`, clauses: [...kept, ...wages] });
  await cq(call.tx).updateTable('contract_wage_proposals').set({ adopted_version: saved.version }).where('id', '=', p.id).execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.wageAdopt',
    entityType: 'contract',
    entityId: c.id,
    orgId: c.org_id,
    changes: { proposalId: p.id, version: saved.version, clauses: wages.length },
  });
  return { version: saved.version };
}
