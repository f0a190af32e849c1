import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNominations } from './api';
import { ReasonTags } from './labels';

/** Nominations waiting for the union's review, oldest first, with what the check found. */
export default function ReviewCard() {
  const { t } = useTranslation('honours');
  const { data, isLoading } = useNominations({ page: 1, pageSize: 5, status: 'submitted', sort: 'createdAt', order: 'asc' });
  return (
    <Card title={`${t('home.waiting')}（${data?.total ?? 0}）`} extra={<Link to="/honours">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(n) => (
          <List.Item extra={<ReasonTags reasons={n.reasons} />}>
            <List.Item.Meta title={<Link to={`/honours/nominations/${n.id}`}>{n.teamName}</Link>} description={n.unitName} />
          </List.Item>
        )}
      />
    </Card>
  );
}
