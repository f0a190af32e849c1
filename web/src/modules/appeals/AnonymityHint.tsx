import { Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * Said next to a team or employment-category cut: anonymous appeals are placed at their
 * unit only (the anonymity rule, docs/architecture.md), so such a cut shows named appeals
 * and, of the anonymous ones, only those of the units it holds whole.
 */
export function AnonymityHint({ when }: { when: boolean }) {
  const { t } = useTranslation('appeals');
  if (!when) return null;
  return (
    <Typography.Text type="secondary" data-testid="anonymity-hint">
      <InfoCircleOutlined /> {t('filters.anonymityHint')}
    </Typography.Text>
  );
}
