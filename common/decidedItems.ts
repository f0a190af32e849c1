/**
 * Decided items (督办事项), shared by server and web: the states of an item and their labels.
 * An item is what a meeting decided, a congress resolved or a proposal put on file, owned by
 * one account and tracked to closure.
 */
export const DECIDED_ITEM_STATUSES = ['planned', 'inProgress', 'done', 'overdue', 'dropped'] as const;
export type DecidedItemStatus = (typeof DECIDED_ITEM_STATUSES)[number];

/** Still to be closed: the reminders, the escalation and a meeting's carry-over follow these. */
export const OPEN_DECIDED_STATUSES: readonly DecidedItemStatus[] = ['planned', 'inProgress', 'overdue'];

export const DECIDED_ITEM_STATUS_LABELS: Record<DecidedItemStatus, { zh: string; en: string }> = {
  planned: { zh: '未开始', en: 'Planned' },
  inProgress: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  dropped: { zh: '已撤销', en: 'Dropped' },
};
