import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../shared/light/light.css';
import './book.css';

interface Props {
  /** The week the page opens on; any other week offers the way back to it. */
  current: boolean;
  /** Put before the dates of the week the page opens on ("本周", "最近一周"). */
  currentText: string;
  dates: ReactNode;
  backText: string;
  onBack: () => void;
  loading: boolean;
  testId: string;
  /** Both sides of the week, once the note has come. */
  children: ReactNode;
}

/** One week of a student's book, opened above its timeline (plain markup: on the light phone path). */
export function WeekCard({ current, currentText, dates, backText, onBack, loading, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <section className="lt-card hb-card hb-week" data-testid={testId} aria-busy={loading}>
      <div className="hb-week-head">
        <h2 style={{ fontSize: 15, margin: 0 }} data-testid="hb-week-label">
          {current ? `${currentText} · ` : ''}
          {dates}
        </h2>
        {!current && (
          <button type="button" className="lt-link" onClick={onBack}>
            {backText}
          </button>
        )}
      </div>
      {loading && !children ? (
        <div className="hb-loading" role="status">
          {t('loading')}
        </div>
      ) : null}
      {children && <div className="lt-stack">{children}</div>}
    </section>
  );
}
