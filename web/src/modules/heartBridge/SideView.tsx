import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { Note } from './api';
import './book.css';

interface Props {
  side: 'school' | 'home';
  note: Note;
  /** Buttons in the header, e.g. "edit". */
  extra?: ReactNode;
  testId?: string;
}

function Field({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <div className="hb-field">
      <div className="hb-field-label">{label}</div>
      <p className="hb-p">{text}</p>
    </div>
  );
}

/**
 * One side of a week's page as its reader sees it: who wrote it when, what they wrote, the
 * encouraging words set apart, and when the other side read it. Plain markup (the light path).
 */
export function SideView({ side, note, extra, testId }: Props) {
  const { t } = useTranslation('heartBridge');
  const s = side === 'school' ? note.school : note.home;
  const readAt = side === 'school' ? note.readByHomeAt : note.readBySchoolAt;
  const title = side === 'school' ? t('side.school') : t('side.home');
  return (
    <section className={`hb-side hb-side-${side}`} data-testid={testId}>
      <div className="lt-row" style={{ justifyContent: 'space-between' }}>
        <span className="hb-side-title">{title}</span>
        {extra}
      </div>
      {!s ? (
        <p className="lt-muted" style={{ margin: '8px 0 0' }} data-testid={`${testId}-empty`}>
          {side === 'school' ? t('side.schoolNotYet') : t('side.homeNotYet')}
        </p>
      ) : (
        <>
          <span className="lt-muted hb-meta" data-testid={`${testId}-written`}>
            {s.authorName
              ? t('side.writtenBy', { name: s.authorName, time: formatDateTime(s.writtenAt) })
              : t('side.writtenAt', { time: formatDateTime(s.writtenAt) })}
          </span>
          <Field label={side === 'school' ? t('fields.atSchool') : t('fields.atHome')} text={'atSchool' in s ? s.atSchool : s.atHome} />
          <Field label={side === 'school' ? t('fields.schoolSuggestion') : t('fields.homeSuggestion')} text={s.suggestion} />
          {s.encouragement && (
            <div className="hb-encouragement" data-testid={`${testId}-encouragement`}>
              <span className="hb-heart" aria-hidden="true">
                ♥
              </span>{' '}
              {s.encouragement}
            </div>
          )}
          <div className={`hb-read ${readAt ? 'hb-read-done' : ''}`} data-testid={`${testId}-read`}>
            <span aria-hidden="true">{readAt ? '✓' : '◷'}</span>{' '}
            {side === 'school'
              ? readAt
                ? t('side.readByHome', { time: formatDateTime(readAt) })
                : t('side.notReadByHome')
              : readAt
                ? t('side.readBySchool', { time: formatDateTime(readAt) })
                : t('side.notReadBySchool')}
          </div>
        </>
      )}
    </section>
  );
}
