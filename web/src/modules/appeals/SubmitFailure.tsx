import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../shared/light/LightFrame';

export type Failure = 'network' | 'mismatch' | null;

interface Props {
  failure: Failure;
  sending: boolean;
  onRetry: () => void;
  onSubmitAsNew: () => void;
}

/**
 * A send that did not come back: a lost answer is retried under the same key (never a
 * duplicate); a key the server saw with other content may already be an appeal — look first.
 */
export function SubmitFailure({ failure, sending, onRetry, onSubmitAsNew }: Props) {
  const { t } = useTranslation('appeals');
  if (failure === 'network')
    return (
      <Notice kind="error" title={t('submit.networkFailed')} testId="appeal-submit-failed">
        <div>{t('submit.networkHint')}</div>
        <button type="button" className="lt-btn lt-btn-danger" style={{ marginTop: 8 }} disabled={sending} onClick={onRetry} data-testid="appeal-submit-retry">
          {t('submit.retry')}
        </button>
      </Notice>
    );
  if (failure === 'mismatch')
    return (
      <Notice kind="warning" title={t('submit.mismatch')} testId="appeal-submit-mismatch">
        <div className="lt-row" style={{ marginTop: 8 }}>
          <Link to="/appeals/mine">{t('submit.viewMine')}</Link>
          <button type="button" className="lt-btn lt-btn-small" onClick={onSubmitAsNew}>
            {t('submit.submitAsNew')}
          </button>
        </div>
      </Notice>
    );
  return null;
}
