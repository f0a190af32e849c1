import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePublicDecidedItems } from './api';
import { DecidedProgress } from './labels';

/** What the union and the administration decided for the worker's unit, and how far it got. */
export default function PublicDecidedCard() {
  const { t } = useTranslation('meetings');
  const { data, isLoading } = usePublicDecidedItems();
  return (
    <Card title={t('public.title')}>
      <List
        loading={isLoading}
        dataSource={(data?.items ?? []).slice(0, 5)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('public.empty')} /> }}
        renderItem={(i) => (
          <List.Item extra={<DecidedProgress status={i.status} progress={i.progress} small />}>
            <List.Item.Meta title={i.title} description={`${i.sourceLabel} · ${i.dueDate}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
