import type { ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import { formatDateTime } from './time';

/** One step of a record's history, as core/workflow's `eventsOf` lists it (no actor for an anonymous act). */
export interface TimelineEvent {
  event: string;
  at: string;
  actorName?: string | null;
}

interface Props<E extends TimelineEvent> {
  events: E[];
  /** The step's name in the reader's language (the module's `event.<name>` words). */
  label: (event: string) => string;
  /** What a step carries beyond its name, time and actor (a note, a reason, files). */
  extra?: (e: E) => ReactNode;
  /** The dot's colour per step (antd's default blue when left out). */
  color?: (e: E) => string;
}

/** A record's history, oldest first: each step's name in bold, then when and by whom. */
export function EventTimeline<E extends TimelineEvent>({ events, label, extra, color }: Props<E>) {
  return (
    <Timeline
      items={events.map((e) => ({
        ...(color ? { color: color(e) } : {}),
        children: (
          <>
            <Typography.Text strong>{label(e.event)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.at)} {e.actorName ?? ''}
            </Typography.Text>
            {extra?.(e)}
          </>
        ),
      }))}
    />
  );
}
