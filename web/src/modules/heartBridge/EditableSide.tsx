import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from './api';
import { SideForm, type SideValues } from './SideForm';
import { SideView } from './SideView';

interface Props {
  /** The side the reader writes: the teacher the school side, a guardian the home side. */
  side: 'school' | 'home';
  note: Note;
  editing: boolean;
  onEditing: (editing: boolean) => void;
  phrases: string[] | undefined;
  saving: boolean;
  onSave: (v: SideValues, then?: 'next') => Promise<void>;
  /** Offer "save and next student" (teachers walking the class). */
  withNext?: boolean;
  /** A reader who may not write still sees the side as "not yet written". */
  showUnwritten?: boolean;
}

/**
 * One's own side of a week: as written, with "edit" while it may still change; the form
 * when it is still empty or being changed.
 */
export function EditableSide({ side, note, editing, onEditing, phrases, saving, onSave, withNext, showUnwritten }: Props) {
  const { t } = useTranslation('heartBridge');
  const written = side === 'school' ? note.school : note.home;
  const canWrite = side === 'school' ? note.canWriteSchool : note.canWriteHome;
  const initial = useMemo<SideValues | null>(
    () =>
      written
        ? { main: 'atSchool' in written ? written.atSchool : written.atHome, suggestion: written.suggestion, encouragement: written.encouragement }
        : null,
    [written],
  );

  if (written && !editing) {
    const edit = canWrite && (
      <button type="button" className="lt-btn lt-btn-small" onClick={() => onEditing(true)} data-testid={`hb-${side}-edit`}>
        <span aria-hidden="true">✎</span> {t('side.edit')}
      </button>
    );
    return <SideView side={side} note={note} testId={`hb-${side}-side`} extra={edit} />;
  }
  if (!canWrite) return showUnwritten ? <SideView side={side} note={note} testId={`hb-${side}-side`} /> : null;
  return (
    <>
      <div className="hb-side-title hb-form-title">{t(`side.${side}`)}</div>
      <SideForm
        side={side}
        initial={initial}
        phrases={phrases}
        saving={saving}
        onSave={onSave}
        withNext={withNext}
        onCancel={written ? () => onEditing(false) : undefined}
        testId={`hb-${side}-form`}
      />
    </>
  );
}
