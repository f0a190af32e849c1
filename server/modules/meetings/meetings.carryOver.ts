/**
 * The carry-over (督办回头看): the first agenda item of a meeting in a series reviews the
 * decided items of the series' earlier meetings — those still open, and those closed since
 * the previous meeting — with their progress.
 */
import { MEETING_DECISION_KIND } from '../../../common/meetings.js';
import { decidedItemsOfSources } from '../../core/decidedItems/index.js';
import type { Tx } from '../../core/db/database.js';
import { mq, type MeetingTable } from './meetings.tables.js';

export async function carryOver(db: Tx, m: MeetingTable) {
  const earlier = await mq(db)
    .selectFrom('meetings')
    .select(['id', 'planned_date', 'held_date'])
    .where('series_id', '=', m.series_id)
    .where('planned_date', '<', m.planned_date)
    .where('status', '!=', 'cancelled')
    .orderBy('planned_date', 'desc')
    .execute();
  if (!earlier.length) return [];
  const previous = earlier[0];
  // Closed "since the previous meeting": after the end of its day in Beijing.
  const since = `${previous.held_date ?? previous.planned_date}T16:00:00.000Z`;
  const items = await decidedItemsOfSources(
    db,
    MEETING_DECISION_KIND,
    earlier.map((e) => e.id),
  );
  const open = new Set(['planned', 'inProgress', 'overdue']);
  return items
    .filter((i) => !i.parentId && (open.has(i.status) || i.updatedAt >= since))
    .map((i) => ({
      id: i.id,
      title: i.title,
      sourceLabel: i.source.label,
      ownerName: i.ownerName,
      dueDate: i.dueDate,
      status: i.status,
      progress: i.progress,
      closedSincePrevious: !open.has(i.status),
    }));
}
