import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Segmented, Spin, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useClassWeeks, useMySchool, type Child } from '../school/api';
import { useIdempotencyKey } from '../school/useIdempotencyKey';
import { useWeekLabel } from '../school/useWeekLabel';
import { currentWeek } from '../school/weeks';
import { useNote, usePhrases, useWriteHomeSide } from './api';
import { NoteTimeline } from './NoteTimeline';
import { SideForm, type SideValues } from './SideForm';
import { SideView } from './SideView';
import { useAutoRead } from './useAutoRead';
import '../school/school.css';

function ChildBook({ child }: { child: Child }) {
  const { t } = useTranslation('heartBridge');
  const { message } = App.useApp();
  const weeks = useClassWeeks(child.classId);
  const today = useMemo(() => shanghaiToday().format('YYYY-MM-DD'), []);
  const current = weeks.data ? currentWeek(weeks.data.items, today) : undefined;
  const [picked, setPicked] = useState<string>();
  const week = picked ?? current;
  const label = useWeekLabel(weeks.data?.items);
  const { data: note, isLoading } = useNote(child.id, week);
  const phrases = usePhrases(child.schoolId);
  const write = useWriteHomeSide();
  const idem = useIdempotencyKey();
  const [editing, setEditing] = useState(false);
  useAutoRead(note, 'home');
  useEffect(() => setEditing(false), [week, child.id]);

  const initial = useMemo<SideValues | null>(
    () => (note?.home ? { main: note.home.atHome, suggestion: note.home.suggestion, encouragement: note.home.encouragement } : null),
    [note?.home],
  );

  const onSave = async (v: SideValues) => {
    if (!week) return;
    const body = { atHome: v.main, suggestion: v.suggestion, encouragement: v.encouragement };
    await write.mutateAsync({ studentId: child.id, week, key: idem.keyFor({ child: child.id, week, ...body }), ...body });
    idem.done();
    setEditing(false);
    void message.success(t('savedHome'));
  };

  const openWeek = (w: string) => {
    setPicked(w === current ? undefined : w);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        className="hb-card hb-week"
        data-testid="hb-week"
        title={
          <span data-testid="hb-week-label">
            {week === current ? `${t('family.thisWeek')} · ` : ''}
            {week ? label(week) : ''}
          </span>
        }
        extra={
          week !== current && (
            <Button size="small" type="link" onClick={() => setPicked(undefined)}>
              {t('family.backToThisWeek')}
            </Button>
          )
        }
      >
        <Spin spinning={isLoading || weeks.isLoading}>
          {note && (
            <Flex vertical gap={12}>
              <SideView side="school" note={note} testId="hb-school-side" />
              {note.home && !editing ? (
                <SideView
                  side="home"
                  note={note}
                  testId="hb-home-side"
                  extra={
                    note.canWriteHome && (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="hb-home-edit">
                        {t('side.edit')}
                      </Button>
                    )
                  }
                />
              ) : (
                note.canWriteHome && (
                  <>
                    <div className="hb-side-title hb-form-title">{t('side.home')}</div>
                    <SideForm
                      side="home"
                      initial={initial}
                      phrases={phrases.data?.home}
                      saving={write.isPending}
                      onSave={onSave}
                      onCancel={note.home ? () => setEditing(false) : undefined}
                      testId="hb-home-form"
                    />
                  </>
                )
              )}
            </Flex>
          )}
        </Spin>
      </Card>
      <NoteTimeline studentId={child.id} onOpen={openWeek} />
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
