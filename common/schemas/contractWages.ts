/**
 * Wage negotiation (工资集体协商): the wage data's figures, each side's proposals with their cost,
 * and the step that turns an agreed proposal into clauses. Exact figures travel as a fraction
 * (numerator and denominator as decimal strings) with the rounded text to show beside it.
 */
import { z } from 'zod';
import { EMPLOYMENT_CATEGORIES } from '../enums.js';
import { CONTRACT_SIDES, WAGE_JOB_FAMILIES } from '../contracts.js';
import { Id, listQuery, pageOf } from './shared.js';

/** An exact figure: num/den (money in fen, a rate as a fraction of 1), and `display` rounded half away from zero (元 with 2 decimals, a ratio with 4, a percent with 2 and "%"). */
export const Exact = z.object({ num: z.string(), den: z.string(), display: z.string() });
export type Exact = z.infer<typeof Exact>;

export const WageFiguresQuery = z.object({ orgId: Id });
const Group = { category: z.enum(EMPLOYMENT_CATEGORIES), jobFamily: z.enum(WAGE_JOB_FAMILIES) };
export const WageFigures = z.object({
  orgId: Id,
  years: z.array(z.number().int()),
  rows: z.array(
    z.object({
      year: z.number().int(),
      ...Group,
      headcount: z.number().int(),
      totalFen: z.number().int(),
      lowestMonthlyFen: z.number().int(),
      localMinimumFen: z.number().int(),
      /** Yearly average per head, in 元. */
      average: Exact,
      /** Against the same group's average of the year before; null when that year has no row. */
      growth: Exact.nullable(),
      /** Lowest monthly wage of the group ÷ the local minimum wage. */
      lowestVsMinimum: Exact,
    }),
  ),
  totals: z.array(
    z.object({
      year: z.number().int(),
      headcount: z.number().int(),
      totalFen: z.number().int(),
      average: Exact,
      growth: Exact.nullable(),
      /** This year's average ÷ the first year's (the 倍数 of the write-up's table). */
      multipleOfFirst: Exact,
      /** Front-line average ÷ management average; null when either has no row. */
      frontLineVsManagement: Exact.nullable(),
      localMinimumFen: z.number().int(),
    }),
  ),
});

export const WageImportResult = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  years: z.array(z.number().int()),
  written: z.boolean(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});

/** A raise in percent with at most two decimals ("5", "5.5", "12.25"): stored exactly as basis points. */
export const RaisePercent = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'contracts.raisePercent');
export const WageProposalBody = z
  .object({
    roundId: Id,
    side: z.enum(CONTRACT_SIDES),
    baseYear: z.number().int().min(1990).max(2100),
    note: z.string().trim().max(500).optional(),
    /** One raise per group; no category = every employment category of that job family. */
    items: z
      .array(z.object({ category: z.enum(EMPLOYMENT_CATEGORIES).optional(), jobFamily: z.enum(WAGE_JOB_FAMILIES), raisePercent: RaisePercent }).strict())
      .min(1)
      .max(40),
  })
  .strict();
export const AdoptWageBody = z.object({ proposalId: Id, ownerOrgId: Id, chapter: z.string().trim().min(1).max(40).default('工资调整') }).strict();

const CostItem = z.object({
  category: z.enum(EMPLOYMENT_CATEGORIES).nullable(),
  jobFamily: z.enum(WAGE_JOB_FAMILIES),
  raiseBp: z.number().int(),
  headcount: z.number().int(),
  baseTotalFen: z.number().int(),
  /** Added to the yearly wage bill, in 元. */
  yearlyCost: Exact,
  perHead: Exact,
});
export const WageNegotiation = z.object({
  contractId: Id,
  orgId: Id,
  /** The contract's rounds, for a proposal's roundId. */
  rounds: z.array(z.object({ id: Id, seq: z.number().int(), heldDate: z.string() })),
  proposals: z.array(
    z.object({
      id: Id,
      roundSeq: z.number().int(),
      side: z.enum(CONTRACT_SIDES),
      baseYear: z.number().int(),
      note: z.string().nullable(),
      adoptedVersion: z.number().int().nullable(),
      items: z.array(CostItem),
      headcount: z.number().int(),
      yearlyCost: Exact,
      perHead: Exact,
    }),
  ),
});

/** Agreed raises compared with the wage data, for agreed years [fromYear, toYear] (default: this year). */
const Year = z.coerce.number().int().min(1990).max(2100);
export const AgreedWageQuery = z.object({ fromYear: Year.optional(), toYear: Year.optional(), orgId: Id.optional() });
export type AgreedWageQuery = z.infer<typeof AgreedWageQuery>;
export const AgreedWageFilter = listQuery(['year'] as const).extend({
  fromYear: Year.optional(),
  toYear: Year.optional(),
  category: z.enum(EMPLOYMENT_CATEGORIES).optional(),
  reached: z.enum(['0', '1']).optional(),
  orgId: Id.optional(),
});
export type AgreedWageFilter = z.infer<typeof AgreedWageFilter>;
export const AgreedWageRow = z.object({
  contractId: z.string(),
  contractTitle: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  ...Group,
  /** The raise agreed, in percent with two decimals. */
  agreedPercent: z.string(),
  /** The group's average of the year against the base year's, exactly. */
  actualGrowth: Exact,
  reached: z.boolean(),
});
export const AgreedWagePage = pageOf(AgreedWageRow);
const AgreedCut = z.object({
  reached: z.number().int(),
  compared: z.number().int(),
  rate: z.number().nullable(),
  drill: z.object({ numerator: z.record(z.string(), z.string()), denominator: z.record(z.string(), z.string()) }),
});
export const AgreedWageCuts = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  total: AgreedCut,
  byCategory: z.array(AgreedCut.extend({ category: z.enum(EMPLOYMENT_CATEGORIES) })),
});
