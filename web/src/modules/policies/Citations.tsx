import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Citation } from '@common/schemas/policies';

/** The articles an answer rests on, with their text, each linking to its place in the policy. */
export function Citations({ items }: { items: Citation[] }) {
  const { t } = useTranslation('policies');
  if (!items.length) return null;
  return (
    <List
      size="small"
      header={t('question.citations')}
      dataSource={items}
      renderItem={(c) => (
        <List.Item data-testid="policy-citation">
          <div>
            <Link to={`/policies/${c.policyId}`}>{`${c.policyTitle} ${c.label}`}</Link>
            {c.policyStatus !== 'effective' && <Typography.Text type="warning">{t('question.oldVersion')}</Typography.Text>}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.body}</Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
