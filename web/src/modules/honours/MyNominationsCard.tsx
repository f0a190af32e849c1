import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNominations } from './api';
import { NominationStatusTag } from './labels';

/** A department's own nominations and where each stands. */
export default function MyNominationsCard() {
  const { t } = useTranslation('honours');
  const { data, isLoading } = useNominations({ page: 1, pageSize: 5, mine: '1', sort: 'createdAt', order: 'desc' });
  return (
    <Card title={t('home.mine')} extra={<Link to="/honours">{t('home.nominate')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(n) => (
          <List.Item extra={<NominationStatusTag status={n.status} />}>
            <List.Item.Meta title={<Link to={`/honours/nominations/${n.id}`}>{n.teamName}</Link>} description={n.honourName} />
          </List.Item>
        )}
      />
    </Card>
  );
}
