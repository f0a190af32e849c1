import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from './api';
import { StatusTag } from './labels';

/** The worker's own mediation cases on the home page, with where each stands. */
export default function MyCasesCard() {
  const { t } = useTranslation('mediation');
  const { data, isLoading } = useCases({ page: 1, pageSize: 5 });
  return (
    <Card title={t('home.mine')} extra={<Link to="/mediation">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} /> }}
        renderItem={(c) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/mediation/cases/${c.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{`${c.code} · ${c.respondent}`}</Typography.Text>
              </Link>
              <StatusTag status={c.status} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
