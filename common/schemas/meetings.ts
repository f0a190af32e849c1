import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES } from '../meetings.js';
import { DECIDED_ITEM_STATUSES } from '../decidedItems.js';
import { Id, IsoDate, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** An appeal's number as workers and staff quote it (SQ + Shanghai date + sequence). */
const AppealCode = z
  .string()
  .trim()
  .regex(/^SQ\d{8}-\d{4}$/, '诉求编号形如 SQ20261206-0001');

export const CreateSeriesBody = z.object({ orgId: Id, kind: z.enum(MEETING_KINDS), name: Text(60) }).strict();
export const Series = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(MEETING_KINDS),
  name: z.string(),
  meetings: z.number().int(),
});
export const SeriesList = z.object({ items: z.array(Series) });
/** The adopted congress proposals a series' meetings may take up (the agenda editor's picker). */
export const ProposalChoicesQuery = z.object({ q: z.string().trim().max(40).optional() }).strict();
export const ProposalChoices = z.object({
  items: z.array(z.object({ id: z.string(), number: z.number().int().nullable(), title: z.string(), status: z.string(), sessionName: z.string() })),
});

const PlanFields = {
  title: Text(80),
  plannedDate: IsoDate,
  location: z.string().trim().max(60).optional(),
  agenda: z
    .array(
      z
        .object({
          title: Text(100),
          presenterAccountId: Id.optional(),
          appealCode: AppealCode.optional(),
          /** Planned duration in minutes. */
          plannedMinutes: z.number().int().min(1).max(480).optional(),
          /** An adopted proposal of a workers' congress of the series' org (or an org above it) that the item takes up. */
          proposalId: Id.optional(),
        })
        .strict(),
    )
    .max(20)
    .default([]),
  attendeeAccountIds: z.array(Id).max(200).default([]),
};
export const CreateMeetingBody = z.object({ seriesId: Id, ...PlanFields }).strict();
/** A planned meeting's plan, replaced whole (the series stays). */
export const UpdateMeetingBody = z.object(PlanFields).strict();

export const MEETING_SORTS = ['plannedDate', 'title'] as const;
export const MeetingFilter = listQuery(MEETING_SORTS).extend({
  seriesId: Id.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** '1': held (a held date recorded). */
  held: z.enum(['0', '1']).optional(),
});
export type MeetingFilter = z.infer<typeof MeetingFilter>;

export const MeetingRow = z.object({
  id: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  plannedDate: z.string(),
  heldDate: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  orgId: z.string(),
});
export const MeetingPage = pageOf(MeetingRow);

const CarriedItem = z.object({
  id: z.string(),
  title: z.string(),
  sourceLabel: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(DECIDED_ITEM_STATUSES),
  progress: z.number().int(),
  /** Closed (done or dropped) since the previous meeting of the series. */
  closedSincePrevious: z.boolean(),
});

export const MeetingDetail = MeetingRow.extend({
  minutes: z.string().nullable(),
  publishedToOrgId: z.string().nullable(),
  agenda: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      title: z.string(),
      presenterName: z.string().nullable(),
      /** For the planners' edit form; null on the carry-over item. */
      presenterAccountId: z.string().nullable(),
      minutes: z.string().nullable(),
      /** The first item of a meeting in a series: the decided items of the earlier meetings. */
      carryOver: z.array(CarriedItem).nullable(),
      /** The appeal the item studies, by its number (no author: the meeting needs the matter, not the person). */
      appeal: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
      plannedMinutes: z.number().int().nullable(),
      /** The congress proposal the item takes up, linked to its page. */
      proposal: z.object({ id: z.string(), number: z.number().int().nullable(), title: z.string() }).nullable(),
    }),
  ),
  attendees: z.array(z.object({ accountId: z.string(), name: z.string(), signedInAt: z.string().nullable(), absenceReason: z.string().nullable() })),
  decisions: z.array(CarriedItem.omit({ closedSincePrevious: true })),
  can: z.object({ manage: z.boolean(), approve: z.boolean(), signIn: z.boolean() }),
});

export const AttendanceBody = z.object({ accountId: Id, present: z.boolean(), absenceReason: z.string().trim().max(200).optional() }).strict();
export const HeldBody = z.object({ heldDate: IsoDate }).strict();
export const MinutesBody = z
  .object({
    minutes: Text(10_000),
    items: z
      .array(z.object({ agendaItemId: Id, minutes: z.string().trim().max(4000) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export const PublishBody = z.object({ orgId: Id }).strict();
export const CancelBody = z.object({ reason: Text(200) }).strict();
export const DecisionBody = z
  .object({
    agendaItemId: Id.optional(),
    title: Text(200),
    ownerAccountId: Id,
    coOwnerAccountIds: z.array(Id).max(10).default([]),
    /** Working days (core calendar) counted from the day the meeting was held: the usual way to set it. */
    dueWorkingDays: z.number().int().min(1).max(250).optional(),
    /** A fixed date instead; one on a rest day or holiday moves to the next working day. Give one of the two. */
    dueDate: IsoDate.optional(),
    public: z.boolean().default(false),
  })
  .strict();
export const PublishedQuery = listQuery(['plannedDate'] as const);
