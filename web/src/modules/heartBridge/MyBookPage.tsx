import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { useMySchool } from '../school/api';
import { shortDate } from '../school/weeks';
import { useNote, useTimeline } from './api';
import { NoteTimeline } from './NoteTimeline';
import { SideView } from './SideView';
import '../school/school.css';

/** One week of the student's own book, both sides in full; nothing here can be written. */
function Week({ studentId, week, latest, onBack }: { studentId: string; week: string; latest: boolean; onBack: () => void }) {
  const { t } = useTranslation('heartBridge');
  const { data: note, isLoading } = useNote(studentId, week);
  return (
    <Card
      size="small"
      className="hb-card hb-week"
      data-testid="hb-mine-week"
      title={
        <span data-testid="hb-week-label">
          {latest ? `${t('mine.latest')} · ` : ''}
          {note ? `${shortDate(note.weekStart)}–${shortDate(note.weekEnd)}` : ''}
        </span>
      }
      extra={
        !latest && (
          <Button size="small" type="link" onClick={onBack}>
            {t('mine.back')}
          </Button>
        )
      }
    >
      <Spin spinning={isLoading}>
        {note && (
          <Flex vertical gap={12}>
            <SideView side="school" note={note} testId="hb-school-side" />
            <SideView side="home" note={note} testId="hb-home-side" />
          </Flex>
        )}
      </Spin>
    </Card>
  );
}

/** A student's own 心桥 book, read-only: the latest week in full, then every week before it. */
export default function MyBookPage() {
  const { t } = useTranslation('heartBridge');
  const { data: me, isLoading } = useMySchool();
  const self = me?.self ?? null;
  const timeline = useTimeline(self?.id);
  const latest = timeline.data?.pages[0]?.items[0]?.week;
  const [picked, setPicked] = useState<string>();
  const week = picked ?? latest;

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
              <Week studentId={self.id} week={week} latest={week === latest} onBack={() => setPicked(undefined)} />
            ) : (
              !timeline.isLoading && <Empty description={t('timeline.empty')} />
            )}
            <NoteTimeline
              studentId={self.id}
              onOpen={(w) => {
                setPicked(w === latest ? undefined : w);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          </Flex>
        )}
      </div>
    </Page>
  );
}
