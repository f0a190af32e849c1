import { Flex, Tag, Timeline, Typography, type TimelineItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import type { AppealDetail, AppealEvent } from './api';
import { useAppealLabel } from './labels';

const COLORS: Partial<Record<AppealEvent['kind'], string>> = {
  submitted: 'blue',
  accepted: 'blue',
  assigned: 'blue',
  answered: 'green',
  closed: 'green',
  rated: 'green',
  declined: 'gray',
  merged: 'gray',
  reopened: 'orange',
  supervised: 'orange',
  extensionRequested: 'orange',
  overdue: 'red',
  extensionRejected: 'red',
};

/** What an event's data adds in words: its deadline, department, rating … */
function useEventDetails() {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  return (e: AppealEvent): string[] => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const out: string[] = [];
    const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
    // 「一号矿 / 生产部」 since the label was recorded; older entries carry the name alone.
    const dept = str('departmentLabel') ?? str('departmentName');
    if (dept) out.push(t('detail.eventDepartment', { name: dept }));
    if (e.kind === 'urgencySet' && str('urgency')) out.push(t('detail.eventUrgency', { value: label('urgency', str('urgency')) }));
    if (e.kind === 'accepted' && str('urgency') && str('urgency') !== 'general')
      out.push(t('detail.eventUrgency', { value: label('urgency', str('urgency')) }));
    if (str('rating')) out.push(label('rating', str('rating')));
    if (str('reason') && e.kind === 'declined') out.push(label('declineReason', str('reason')));
    if (str('masterCode')) out.push(t('detail.eventMaster', { code: str('masterCode') }));
    if (str('meetingTitle')) out.push(t('detail.eventMeeting', { title: str('meetingTitle') }));
    if (Array.isArray(d.codes)) out.push(t('detail.eventCodes', { codes: (d.codes as string[]).join('、') }));
    if (typeof d.days === 'number') out.push(t('detail.eventExtension', { days: d.days }));
    if (typeof d.round === 'number') out.push(t('detail.eventRound', { round: d.round }));
    if (str('deadline')) out.push(t('detail.eventDeadline', { date: str('deadline') }));
    if (d.late === true) out.push(t('detail.eventLate'));
    return out;
  };
}

/** The next step the appeal waits for, with its deadline: the open end of the timeline. */
function useNextStep(appeal: AppealDetail): string | null {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  switch (appeal.status) {
    case 'submitted':
      return `${label('status', 'submitted')} · ${t('detail.acceptBy', { date: appeal.acceptDeadline })}`;
    case 'accepted':
    case 'assigned':
    case 'handling':
      return appeal.answerDeadline
        ? `${label('status', appeal.status)} · ${t('detail.answerBy', { date: appeal.answerDeadline })}`
        : label('status', appeal.status);
    case 'answered':
      return t('rate.title');
    default:
      return null;
  }
}

/** Every step of the appeal with its date and time, oldest first. */
export function AppealTimeline({ appeal }: { appeal: AppealDetail }) {
  const label = useAppealLabel();
  const details = useEventDetails();
  const next = useNextStep(appeal);

  const { t } = useTranslation('appeals');
  const items: TimelineItemProps[] = appeal.timeline.map((e) => {
    const extra = details(e);
    const mediation = e.kind === 'mediation' ? (e.data as { mediationCaseId?: string; mediationCaseCode?: string } | null) : null;
    return {
      key: e.id,
      color: COLORS[e.kind] ?? 'blue',
      content: (
        <div data-testid="timeline-item" data-kind={e.kind}>
          <Flex wrap gap={8} align="baseline">
            <Typography.Text strong data-testid="timeline-label">
              {label('event', e.kind)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="timeline-at">
              {formatDateTime(e.at)}
            </Typography.Text>
            {e.actor && (
              <Tag style={{ marginInlineEnd: 0 }} variant="filled">
                {e.actor}
              </Tag>
            )}
          </Flex>
          {extra.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
              {extra.join(' · ')}
            </Typography.Text>
          )}
          {mediation?.mediationCaseId && (
            <Link to={`/mediation/cases/${mediation.mediationCaseId}`} data-testid="timeline-mediation">
              {t('detail.eventMediation', { code: mediation.mediationCaseCode })}
            </Link>
          )}
          {e.note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.note}</Typography.Paragraph>}
        </div>
      ),
    };
  });
  if (next) items.push({ key: 'next', color: 'gray', loading: true, content: <Typography.Text type="secondary">{next}</Typography.Text> });

  return (
    <div data-testid="appeal-timeline">
      <Timeline items={items} />
    </div>
  );
}
