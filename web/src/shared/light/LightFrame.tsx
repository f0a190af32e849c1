import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LangSwitch } from './LangSwitch';
import './light.css';

/**
 * The frame of a light page: the product name (a link to the home page, which opens the full
 * shell and its menu), the language switch, and the page's one h1 inside a main landmark.
 */
export function LightFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="lt-frame">
      <header className="lt-bar">
        <Link to="/" className="lt-brand" data-testid="light-home">
          {t('appName')}
        </Link>
        <Link to="/" className="lt-link">
          {t('page.home')}
        </Link>
        <LangSwitch />
      </header>
      <main className="lt-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

/** A boxed message; `role` alert for failures, so a screen reader says it at once. */
export function Notice({
  kind = 'info',
  title,
  children,
  testId,
}: {
  kind?: 'info' | 'warning' | 'error';
  title: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`lt-notice lt-notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="lt-notice-title">{title}</div>
      {children}
    </div>
  );
}
