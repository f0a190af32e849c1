/** Bodies, queries and responses of the work report and the cross-practice dashboard. */
import { z } from 'zod';
import { FIGURE_UNITS, FigureDrill } from '../figure.js';
import { NotableCase } from '../notableCase.js';
import { Id, IsoDate, listQuery, pageOf } from './shared.js';
import { MAX_THRESHOLD_WEEKS, PERIOD_KINDS, REPORT_STATUSES, THRESHOLD_DIRECTIONS } from '../workReport.js';

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const Text = (max: number) => z.string().max(max);

export const DashboardQuery = z.object({ orgId: Id, from: IsoDate, to: IsoDate });
export const OrgQuery = z.object({ orgId: Id });

export const Threshold = z.object({
  indicator: z.string().min(1).max(100),
  direction: z.enum(THRESHOLD_DIRECTIONS),
  value: z.number().min(0).max(1_000_000),
  /** Alert only when the figure stayed on the wrong side this many whole weeks running (心桥 coverage below 80 % two weeks); absent: the period's figure. */
  weeks: z.number().int().min(1).max(MAX_THRESHOLD_WEEKS).nullable().optional(),
});
export type Threshold = z.infer<typeof Threshold>;
export const PutThresholdsBody = z.object({ orgId: Id, items: z.array(Threshold).max(200) });
export const ThresholdList = z.object({ orgId: Id, items: z.array(Threshold) });

const Counted = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });

export const DashboardFigure = z.object({
  key: z.string(),
  label: Bilingual,
  definition: Bilingual,
  unit: z.enum(FIGURE_UNITS),
  /** 'open': what the period leaves open (IndicatorDefinition.aspect). */
  aspect: z.enum(['open']).optional(),
  /** The page listing the drill's records when not the module's own (IndicatorDefinition.drillPage). */
  drillPage: z.string().optional(),
  current: Counted,
  previous: Counted,
  trend: z.array(z.object({ label: z.string(), from: IsoDate, to: IsoDate, value: z.number().nullable() })),
  drill: FigureDrill.nullable(),
  threshold: Threshold.nullable(),
  alert: z.boolean(),
  /** For a threshold held for weeks: the whole weeks it was judged on, oldest first. */
  alertWeeks: z.array(z.object({ from: IsoDate, to: IsoDate, value: z.number().nullable() })).nullable(),
});
export type DashboardFigure = z.infer<typeof DashboardFigure>;

export const Dashboard = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  from: IsoDate,
  to: IsoDate,
  previous: z.object({ from: IsoDate, to: IsoDate }),
  groups: z.array(z.object({ module: z.string(), items: z.array(DashboardFigure) })),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** One figure as it stood when the report was generated; `ref` is its reference code in the text. */
export const SnapshotFigure = z.object({
  ref: z.string(),
  key: z.string(),
  module: z.string(),
  label: Bilingual,
  definition: Bilingual,
  unit: z.enum(FIGURE_UNITS),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  previous: Counted,
  /** 'open': what the period leaves open (IndicatorDefinition.aspect), printed under the practice's 存在问题. */
  aspect: z.enum(['open']).optional(),
  /** The page listing the drill's records when not the module's own (IndicatorDefinition.drillPage). */
  drillPage: z.string().optional(),
  /** The org's threshold for this figure when the report was generated: the target it is printed against (absent in reports generated before targets were kept). */
  target: Threshold.nullable().optional(),
  /** The list filters behind numerator and denominator (null: the practice offers no such list). */
  drill: FigureDrill.nullable(),
  /** What the figure was counted over: the org subtree and the dates. */
  query: z.object({
    orgId: z.string(),
    orgPath: z.string(),
    from: IsoDate,
    to: IsoDate,
    /** The instant every figure was counted at (figures of "today" — households on file, notices due — count against it); absent in older reports. */
    asOf: z.string().optional(),
  }),
});
export type SnapshotFigure = z.infer<typeof SnapshotFigure>;

export const Narrative = z.object({
  summary: Text(10_000),
  /** Per practice module: what was done, notable cases, open problems. */
  sections: z.record(z.string().max(100), Text(10_000)),
  plan: Text(10_000),
  /** Per practice module: the notable cases the author picked, as suggested when picked (the server re-reads each by key). */
  cases: z.record(z.string().max(100), z.array(NotableCase).max(10)).optional(),
});
export type Narrative = z.infer<typeof Narrative>;

export const NotableCaseSuggestions = z.object({ items: z.array(z.object({ module: z.string(), cases: z.array(NotableCase) })) });
export type NotableCaseSuggestions = z.infer<typeof NotableCaseSuggestions>;

export const CreateReportBody = z.object({ orgId: Id, kind: z.enum(PERIOD_KINDS), from: IsoDate, to: IsoDate, title: Text(200).optional() });
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const ReportListQuery = listQuery(['createdAt', 'from'] as const).extend({ orgId: Id.optional(), status: z.enum(REPORT_STATUSES).optional() });

export const ReportSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(PERIOD_KINDS),
  from: IsoDate,
  to: IsoDate,
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  progress: z.number(),
  /** Versions issued so far. */
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportPage = pageOf(ReportSummary);

export const Report = ReportSummary.extend({
  createdBy: z.string().nullable(),
  generatedAt: z.string().nullable(),
  figures: z.array(SnapshotFigure),
  narrative: Narrative,
  versions: z.array(z.object({ version: z.number(), issuedAt: z.string(), issuedBy: z.string().nullable() })),
});
export type Report = z.infer<typeof Report>;

/** A figure's records as the report counted them at generation (`ref`: its reference code, F-01 …). */
export const FigureRecordsQuery = z.object({
  /** Checked against the report's figures (an unknown code is 422 once the report is known to be the caller's), not by pattern here. */
  ref: z.string().min(1).max(20),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const FigureRecords = z.object({
  ref: z.string(),
  part: z.enum(['numerator', 'denominator']),
  /** The figure's count for this part, as snapshotted. */
  count: z.number(),
  /** The snapshot kept this figure's record ids (its practice names its records). */
  kept: z.boolean(),
  /** The viewer may see the ids: they may open the live list behind the figure (else counts only, as hardship shows most of the union). */
  visible: z.boolean(),
  /** Ids kept and shown: how many; else null. */
  total: z.number().nullable(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.string()),
  /** The web page of one record, `:id` standing for its id; null: the practice has no such page. */
  recordPage: z.string().nullable(),
});
export type FigureRecords = z.infer<typeof FigureRecords>;

export const ReportFileQuery = z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() });
