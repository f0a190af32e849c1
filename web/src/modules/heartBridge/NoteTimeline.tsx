import { Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import { HeartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { dayRange } from '../../shared/dateFormat';
import { useTimeline, type Note } from './api';

interface Props {
  studentId: string;
  /** Opens one week of the timeline above it. */
  onOpen?: (week: string) => void;
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

function Entry({ note, onOpen }: { note: Note; onOpen?: (week: string) => void }) {
  const { t } = useTranslation('heartBridge');
  return (
    <div className="hb-tl-entry" data-testid="hb-timeline-item">
      <div className="hb-tl-head">
        <Typography.Text strong>
          {dayRange(note.weekStart, note.weekEnd)}
        </Typography.Text>
        {onOpen && (
          <Button type="link" size="small" onClick={() => onOpen(note.week)}>
            {t('timeline.open')}
          </Button>
        )}
      </div>
      {note.school && (
        <div className="hb-tl-line">
          <span className="hb-tl-who hb-tl-school">{t('side.school')}</span>
          {clip(note.school.atSchool)}
          {note.school.encouragement && (
            <div className="hb-tl-enc">
              <HeartOutlined /> {note.school.encouragement}
            </div>
          )}
        </div>
      )}
      {note.home && (
        <div className="hb-tl-line">
          <span className="hb-tl-who hb-tl-home">{t('side.home')}</span>
          {clip(note.home.atHome)}
          {note.home.encouragement && (
            <div className="hb-tl-enc">
              <HeartOutlined /> {note.home.encouragement}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** The child's book, newest week first: a record of words exchanged, never a score. */
export function NoteTimeline({ studentId, onOpen }: Props) {
  const { t } = useTranslation('heartBridge');
  const { data, isLoading, fetchNextPage, hasNextPage, isFetchingNextPage } = useTimeline(studentId);
  const notes = data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('timeline.title')} size="small" className="hb-card" data-testid="hb-timeline">
      <Spin spinning={isLoading}>
        {!notes.length && !isLoading ? (
          <Empty description={t('timeline.empty')} />
        ) : (
          <Timeline
            items={notes.map((n) => ({
              key: n.week,
              color: n.school && n.home ? 'green' : 'blue',
              content: <Entry note={n} onOpen={onOpen} />,
            }))}
          />
        )}
        {hasNextPage && (
          <Button block onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
            {t('timeline.more')}
          </Button>
        )}
      </Spin>
    </Card>
  );
}
