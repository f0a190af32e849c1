import { Button, Flex, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useImportBatch } from './api';
import { ErrorTable } from './ErrorTable';

interface Props {
  batchId: string;
  orgId?: string;
  onRestart: () => void;
}

export function ProgressStep({ batchId, orgId, onRestart }: Props) {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const { data: batch } = useImportBatch(batchId);

  const total = batch?.totalRows ?? 0;
  const processed = batch?.processedRows ?? 0;
  const percent = total ? Math.floor((processed / total) * 100) : 0;
  const again = (
    <Button key="again" onClick={onRestart} data-testid="import-again">
      {t('progress.again')}
    </Button>
  );

  if (batch?.status === 'done') {
    return (
      <Result
        status="success"
        title={t('progress.doneTitle')}
        subTitle={t('progress.done', { count: processed })}
        data-testid="import-done"
        extra={[
          <Button key="people" type="primary" onClick={() => navigate(orgId ? `/people?orgId=${encodeURIComponent(orgId)}` : '/people')}>
            {t('progress.viewPeople')}
          </Button>,
          again,
        ]}
      />
    );
  }

  if (batch?.status === 'failed') {
    return (
      <Flex vertical gap={16}>
        <Result status="error" title={t('progress.failedTitle')} subTitle={t('progress.failed')} extra={[again]} data-testid="import-failed" />
        {batch.errors.length > 0 && <ErrorTable errors={batch.errors} />}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }} data-testid="import-progress">
      <Typography.Text>{t('progress.running')}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{t('progress.processed', { processed, total })}</Typography.Text>
    </Flex>
  );
}
