import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { CaseForm } from './CaseForm';

/** A worker applies for mediation of their own dispute, from a phone. */
export default function ApplyPage() {
  const { t } = useTranslation('mediation');
  return (
    <Page title={t('apply.title')}>
      <Card style={{ maxWidth: 640 }}>
        <Alert type="info" showIcon message={t('apply.hint')} style={{ marginBottom: 16 }} />
        <CaseForm staff={false} />
      </Card>
    </Page>
  );
}
