import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/light/LightFrame';

/** The anonymity switch and what it means for who sees the author, said both ways before sending. */
export function AnonymitySwitch({ value, onChange, disabled }: { value: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation('appeals');
  return (
    <div className="lt-field">
      <div className="lt-label" id="appeal-anonymous-label">
        {t('submit.anonymous')}
      </div>
      <div className="lt-row" style={{ marginBottom: 8 }}>
        <button
          type="button"
          role="switch"
          className="lt-switch"
          aria-checked={value}
          aria-labelledby="appeal-anonymous-label"
          disabled={disabled}
          onClick={() => onChange(!value)}
          data-testid="appeal-anonymous"
        />
        <span>{value ? t('anonymous') : t('submit.named')}</span>
      </div>
      <Notice kind={value ? 'warning' : 'info'} title={value ? t('submit.anonymousOn') : t('submit.anonymousOff')} testId="appeal-anonymous-explain" />
    </div>
  );
}
