import { useTranslation } from 'react-i18next';
import { dayRange } from '../../shared/dateFormat';
import { useTimeline, type Note } from './api';
import './book.css';

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
        <strong>{dayRange(note.weekStart, note.weekEnd)}</strong>
        {onOpen && (
          <button type="button" className="lt-link" onClick={() => onOpen(note.week)}>
            {t('timeline.open')}
          </button>
        )}
      </div>
      {note.school && (
        <div className="hb-tl-line">
          <span className="hb-tl-who hb-tl-school">{t('side.school')}</span>
          {clip(note.school.atSchool)}
          {note.school.encouragement && (
            <div className="hb-tl-enc">
              <span aria-hidden="true">♥</span> {note.school.encouragement}
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
              <span aria-hidden="true">♥</span> {note.home.encouragement}
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
    <section className="lt-card hb-card" data-testid="hb-timeline" aria-busy={isLoading}>
      <h2 className="lt-card-head" style={{ fontSize: 15 }}>
        {t('timeline.title')}
      </h2>
      {isLoading && (
        <div className="hb-loading" role="status">
          {t('common:loading')}
        </div>
      )}
      {!notes.length && !isLoading ? (
        <p className="lt-muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="hb-timeline">
          {notes.map((n) => (
            <li key={n.week} className={n.school && n.home ? 'hb-tl-both' : undefined}>
              <Entry note={n} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      )}
      {hasNextPage && (
        <button type="button" className="lt-btn lt-btn-block" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {t('timeline.more')}
        </button>
      )}
    </section>
  );
}
