import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHouseholds } from './api';
import { StatusTag } from './labels';

/** The worker's own application on the home page, with where it stands. */
export default function MineCard() {
  const { t } = useTranslation('hardship');
  const { data, isLoading } = useHouseholds({ page: 1, pageSize: 3 });
  return (
    <Card title={t('home.mine')} extra={<Link to="/hardship/mine">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Link to="/hardship/apply">{t('list.apply')}</Link>} /> }}
        renderItem={(h) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/hardship/households/${h.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{`${h.code} · ${h.appliedDate}`}</Typography.Text>
              </Link>
              <StatusTag status={h.status} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
