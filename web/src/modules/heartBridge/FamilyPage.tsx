import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LightFrame, Notice } from '../../shared/light/LightFrame';
import { toast } from '../../shared/light/toast';
import { shanghaiToday } from '../../shared/time';
import { useClassWeeks, useMySchool, type Child } from '../../shared/school/api';
import { useIdempotencyKey } from '../../shared/idempotency';
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
    toast(t('savedHome'));
  };

  return (
    <div className="lt-stack" style={{ gap: 16 }}>
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
            <EditableSide
              side="home"
              note={note}
              editing={editing}
              onEditing={setEditing}
              phrases={phrases.data?.home}
              saving={write.isPending}
              onSave={onSave}
            />
          </>
        )}
      </WeekCard>
      <NoteTimeline studentId={child.id} onOpen={open} />
    </div>
  );
}

/**
 * A guardian's page: each of their children's book, this week first, then the history. On the
 * light phone path (no antd; docs/architecture.md): a parent's phone reaches it with the least download.
 */
export default function FamilyPage() {
  const { t } = useTranslation('heartBridge');
  const { data: me, isLoading } = useMySchool();
  const children = me?.children ?? [];
  const [picked, setPicked] = useState<string>();
  const child = children.find((c) => c.id === picked) ?? children[0];

  return (
    <LightFrame title={t('family.title')}>
      <div className="hb-page">
        <p className="lt-muted" style={{ marginTop: 0 }}>
          {t('family.intro')}
        </p>
        {isLoading && (
          <div className="hb-loading" role="status">
            {t('common:loading')}
          </div>
        )}
        {!isLoading && !child && <Notice title={t('family.noChild')} />}
        {children.length > 1 && (
          <div className="lt-seg" role="group" aria-label={t('family.title')} style={{ marginBottom: 12 }} data-testid="hb-child-switch">
            {children.map((c) => (
              <button key={c.id} type="button" aria-pressed={c.id === child?.id} onClick={() => setPicked(c.id)} data-testid="hb-child-tab">
                {c.name}
              </button>
            ))}
          </div>
        )}
        {child && (
          <>
            <h2 style={{ fontSize: 16, margin: '0 0 8px' }} data-testid="hb-child-name">
              {child.name} <span className="lt-muted">· {child.className}</span>
            </h2>
            <ChildBook key={child.id} child={child} />
          </>
        )}
      </div>
    </LightFrame>
  );
}
