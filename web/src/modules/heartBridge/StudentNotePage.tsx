import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useClassWeeks } from '../../shared/school/api';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useWeekLabel } from '../../shared/school/useWeekLabel';
import { useClassWeek, useNote, usePhrases, useWriteSchoolSide } from './api';
import { editorPath, weekViewPath } from './paths';
import { EditableSide } from './EditableSide';
import type { SideValues } from './SideForm';
import { SideView } from './SideView';
import { useAutoRead } from './useAutoRead';
import '../../shared/school/school.css';

/**
 * Writing the school side student after student: the family's words of the week first (so
 * the teacher answers them), then the form; "save, next" moves on to the next student whose
 * school side is still empty.
 */
export default function StudentNotePage() {
  const { t } = useTranslation('heartBridge');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { classId = '', week = '', studentId = '' } = useParams();
  const roster = useClassWeek(classId, week);
  const weeks = useClassWeeks(classId);
  const label = useWeekLabel(weeks.data?.items);
  const { data: note, isLoading, error } = useNote(studentId, week);
  const phrases = usePhrases(weeks.data?.term.schoolId);
  const write = useWriteSchoolSide();
  const idem = useIdempotencyKey();
  const [editing, setEditing] = useState(false);
  const [allDone, setAllDone] = useState(false);
  useAutoRead(note, 'school');
  useEffect(() => {
    setEditing(false);
    setAllDone(false);
  }, [studentId, week]);

  const rows = roster.data?.items ?? [];
  const index = rows.findIndex((r) => r.studentId === studentId);
  const go = (i: number) => rows[i] && navigate(editorPath(classId, week, rows[i].studentId), { replace: true });
  const back = () => navigate(weekViewPath(classId, week));

  /** The next student after this one (wrapping round) whose school side is empty. */
  const nextUnwritten = () => {
    for (let k = 1; k < rows.length; k++) {
      const r = rows[(index + k) % rows.length];
      if (!r.schoolWrittenAt && r.studentId !== studentId) return (index + k) % rows.length;
    }
    return -1;
  };

  const onSave = async (v: SideValues, then?: 'next') => {
    const body = { atSchool: v.main, suggestion: v.suggestion, encouragement: v.encouragement };
    // Decide the next student before the list refreshes with this one written.
    const next = nextUnwritten();
    await write.mutateAsync({ studentId, week, key: idem.keyFor({ studentId, week, ...body }), ...body });
    idem.done();
    void message.success(t('savedSchool'));
    setEditing(false);
    if (then === 'next') {
      if (next >= 0) go(next);
      else setAllDone(true);
    }
  };

  if (error) return <Result status="404" title={t('common:page.notFoundTitle')} extra={<Button onClick={back}>{t('editor.back')}</Button>} />;

  return (
    <Page
      title={
        <span data-testid="hb-editor-student">
          {note?.studentName ?? ''} <Typography.Text type="secondary">· {label(week)}</Typography.Text>
        </span>
      }
    >
      <div className="hb-page">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="hb-editor-back">
            {t('editor.back')}
          </Button>
          <Flex gap={8} align="center">
            <Button icon={<LeftOutlined />} disabled={index <= 0} onClick={() => go(index - 1)} aria-label={t('editor.prev')} data-testid="hb-editor-prev" />
            <Typography.Text type="secondary" data-testid="hb-editor-position">
              {index >= 0 ? t('editor.position', { i: index + 1, n: rows.length }) : ''}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              disabled={index < 0 || index >= rows.length - 1}
              onClick={() => go(index + 1)}
              aria-label={t('editor.next')}
              data-testid="hb-editor-next"
            />
          </Flex>
        </Flex>
        {allDone && <Alert type="success" showIcon title={t('editor.allDone')} style={{ marginBottom: 12 }} data-testid="hb-all-done" />}
        <Spin spinning={isLoading}>
          {note && (
            <Card size="small" className="hb-card">
              <Flex vertical gap={12}>
                {note.home && <SideView side="home" note={note} testId="hb-home-side" />}
                <EditableSide
                  side="school"
                  note={note}
                  editing={editing}
                  onEditing={setEditing}
                  phrases={phrases.data?.school}
                  saving={write.isPending}
                  onSave={onSave}
                  withNext
                  showUnwritten
                />
                {!note.home && <SideView side="home" note={note} testId="hb-home-side" />}
              </Flex>
            </Card>
          )}
        </Spin>
        {note?.school && !editing && nextUnwritten() >= 0 && (
          <Button type="primary" block size="large" style={{ marginTop: 12 }} onClick={() => go(nextUnwritten())} data-testid="hb-editor-next-unwritten">
            {t('editor.nextUnwritten')}
          </Button>
        )}
      </div>
    </Page>
  );
}
