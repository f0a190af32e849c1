import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSuggestions } from './api';
import { StatusTag } from './labels';

/** The worker's own suggestions on the home page, with where each stands, and the way to add one. */
export default function MyCard() {
  const { t } = useTranslation('suggestions');
  const { data, isLoading } = useSuggestions({ page: 1, pageSize: 5, mine: '1' });
  return (
    <Card title={t('home.mine')} extra={<Link to="/suggestions">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} /> }}
        renderItem={(s) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/suggestions/${s.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{s.title}</Typography.Text>
              </Link>
              <StatusTag status={s.status} />
            </Flex>
          </List.Item>
        )}
      />
      <Link to="/suggestions/new">
        <Button block style={{ marginTop: 8 }}>
          {t('list.submit')}
        </Button>
      </Link>
    </Card>
  );
}
