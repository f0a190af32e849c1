import { useTranslation } from 'react-i18next';

/** The product name; "compact" for the collapsed side menu, "inline" for drawer titles. */
export function Brand({ compact, inline }: { compact?: boolean; inline?: boolean }) {
  const { t } = useTranslation();
  if (inline) return <span className="xq-brand-text">{t('appName')}</span>;
  return (
    <div className="xq-brand">
      <span className="xq-brand-mark">{t('appName').slice(0, 1)}</span>
      {!compact && <span className="xq-brand-text">{t('appName')}</span>}
    </div>
  );
}
