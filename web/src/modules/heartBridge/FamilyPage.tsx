import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Flex, Segmented, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useClassWeeks, useMySchool, type Child } from '../../shared/school/api';
import { useIdempotencyKey } from '../../shared/school/useIdempotencyKey';
import { useWeekLabel } from '../../shared/school/useWeekLabel';
import { currentWeek } from '../../shared/school/weeks';
import { useNote, usePhrases, useWriteHomeSide } from './api';
import { EditableSide } from './EditableSide';
import { NoteTimeline } from './NoteTimeline';
import type { SideValues } from './SideForm';
import { SideView } from './SideView';
import { useAutoRead } from './useAutoRead';
import { useOpenWeek } from './useOpenWeek';
import { WeekCard } from './WeekCard';
import '../../shared/school/school.css';

function ChildBook({ child }: { child: Child }) {
  const { t } = useTranslation('heartBridge');
  const { message } = App.useApp();
  const weeks = useClassWeeks(child.classId);
  const today = useMemo(() => shanghaiToday().format('YYYY-MM-DD'), []);
  const current = weeks.data ? currentWeek(weeks.data.items, today) : undefined;
  const { week, open, back } = useOpenWeek(current);
  const label = useWeekLabel(weeks.data?.items);
  const { data: note, isLoading } = useNote(child.id, week);
  const phrases = usePhrases(child.schoolId);
  const write = useWriteHomeSide();
  const idem = useIdempotencyKey();
  const [editing, setEditing] = useState(false);
  useAutoRead(note, 'home');
  useEffect(() => setEditing(false), [week, child.id]);

  const onSave = async (v: SideValues) => {
    if (!week) return;
    const body = { atHome: v.main, suggestion: v.suggestion, encouragement: v.encouragement };
    await write.mutateAsync({ studentId: child.id, week, key: idem.keyFor({ child: child.id, week, ...body }), ...body });
    idem.done();
    setEditing(false);
    void message.success(t('savedHome'));
  };

  return (
    <Flex vertical gap={16}>
      <WeekCard
        current={week === current}
        currentText={t('family.thisWeek')}
        dates={week ? label(week) : ''}
        backText={t('family.backToThisWeek')}
        onBack={back}
        loading={isLoading || weeks.isLoading}
        testId="hb-week"
      >
        {note && (
          <>
            <SideView side="school" note={note} testId="hb-school-side" />
            <EditableSide side="home" note={note} editing={editing} onEditing={setEditing} phrases={phrases.data?.home} saving={write.isPending} onSave={onSave} />
          </>
        )}
      </WeekCard>
      <NoteTimeline studentId={child.id} onOpen={open} />
    </Flex>
  );
}

/** A guardian's page: each of their children's book, this week first, then the history. */
export default function FamilyPage() {
  const { t } = useTranslation('heartBridge');
  const { data: me, isLoading } = useMySchool();
  const children = me?.children ?? [];
  const [picked, setPicked] = useState<string>();
  const child = children.find((c) => c.id === picked) ?? children[0];

  return (
    <Page title={t('family.title')}>
      <div className="hb-page">
        <Typography.Paragraph type="secondary">{t('family.intro')}</Typography.Paragraph>
        {isLoading && <Spin />}
        {!isLoading && !child && <Alert type="info" showIcon title={t('family.noChild')} />}
        {children.length > 1 && (
          <Segmented
            block
            value={child?.id}
            onChange={(v) => setPicked(String(v))}
            options={children.map((c) => ({ value: c.id, label: <span data-testid="hb-child-tab">{c.name}</span> }))}
            style={{ marginBottom: 12 }}
            data-testid="hb-child-switch"
          />
        )}
        {child && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="hb-child-name">
              {child.name} <Typography.Text type="secondary">· {child.className}</Typography.Text>
            </Typography.Title>
            <ChildBook key={child.id} child={child} />
          </>
        )}
      </div>
    </Page>
  );
}
