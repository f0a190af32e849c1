import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { CaseForm } from './CaseForm';

/**
 * The committee registers a case (代为登记): for a worker who walked in, or for the author of
 * an appeal referred to mediation (?appealId=…), whose name the server takes from the appeal.
 */
export default function RegisterPage() {
  const { t } = useTranslation('mediation');
  const [params] = useSearchParams();
  const appealId = params.get('appealId') ?? undefined;
  return (
    <Page title={t('register.title')}>
      <Card style={{ maxWidth: 640 }}>
        {appealId ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('register.fromAppeal')}
            description={<Link to={`/appeals/${appealId}`}>{t('detail.appealLink')}</Link>}
            data-testid="mediation-from-appeal"
          />
        ) : (
          <Alert type="info" showIcon message={t('register.hint')} style={{ marginBottom: 16 }} />
        )}
        <CaseForm staff appealId={appealId} />
      </Card>
    </Page>
  );
}
