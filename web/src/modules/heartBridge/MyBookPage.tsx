import { Alert, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { useMySchool } from '../../shared/school/api';
import { dayRange } from '../../shared/dateFormat';
import { useNote, useTimeline } from './api';
import { NoteTimeline } from './NoteTimeline';
import { SideView } from './SideView';
import { useOpenWeek } from './useOpenWeek';
import { WeekCard } from './WeekCard';
import '../../shared/school/school.css';

/** One week of the student's own book, both sides in full; nothing here can be written. */
function Week({ studentId, week, latest, onBack }: { studentId: string; week: string; latest: boolean; onBack: () => void }) {
  const { t } = useTranslation('heartBridge');
  const { data: note, isLoading } = useNote(studentId, week);
  return (
    <WeekCard
      current={latest}
      currentText={t('mine.latest')}
      dates={note ? dayRange(note.weekStart, note.weekEnd) : ''}
      backText={t('mine.back')}
      onBack={onBack}
      loading={isLoading}
      testId="hb-mine-week"
    >
      {note && (
        <>
          <SideView side="school" note={note} testId="hb-school-side" />
          <SideView side="home" note={note} testId="hb-home-side" />
        </>
      )}
    </WeekCard>
  );
}

/** A student's own 心桥 book, read-only: the latest week in full, then every week before it. */
export default function MyBookPage() {
  const { t } = useTranslation('heartBridge');
  const { data: me, isLoading } = useMySchool();
  const self = me?.self ?? null;
  const timeline = useTimeline(self?.id);
  const latest = timeline.data?.pages[0]?.items[0]?.week;
  const { week, open, back } = useOpenWeek(latest);

  return (
    <Page title={t('mine.title')}>
      <div className="hb-page">
        <Typography.Paragraph type="secondary">{t('mine.intro')}</Typography.Paragraph>
        {isLoading && <Spin />}
        {!isLoading && !self && <Alert type="info" showIcon title={t('mine.noRecord')} />}
        {self && (
          <Flex vertical gap={16}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="hb-mine-name">
              {self.name} <Typography.Text type="secondary">· {self.className}</Typography.Text>
            </Typography.Title>
            {week ? (
              <Week studentId={self.id} week={week} latest={week === latest} onBack={back} />
            ) : (
              !timeline.isLoading && <Empty description={t('timeline.empty')} />
            )}
            <NoteTimeline studentId={self.id} onOpen={open} />
          </Flex>
        )}
      </div>
    </Page>
  );
}
