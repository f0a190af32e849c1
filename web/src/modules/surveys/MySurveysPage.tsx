import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/Page';
import { useMySurveys } from './api';

/** The surveys a worker was asked, on the phone: what is still to answer first. */
export function MySurveyList({ limit }: { limit?: number }) {
  const { t } = useTranslation('surveys');
  const { data, isLoading } = useMySurveys();
  const items = [...(data?.items ?? [])].sort((a, b) => Number(a.answered || a.status !== 'open') - Number(b.answered || b.status !== 'open')).slice(0, limit);
  return (
    <List
      loading={isLoading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('answer.none')} /> }}
      renderItem={(s) => (
        <List.Item>
          <Link to={`/surveys/answer/${s.id}`} style={{ display: 'block', width: '100%' }} data-testid="surveys-mine-item">
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Flex gap={4}>
                {s.anonymous ? <Tag color="purple">{t('list.anonymous')}</Tag> : null}
                {s.answered ? (
                  <Tag color="green">{t('answer.answered')}</Tag>
                ) : s.status === 'open' ? (
                  <Tag color="blue">{s.hasDraft ? t('answer.draft') : t('answer.todo')}</Tag>
                ) : (
                  <Tag>{t('status.closed')}</Tag>
                )}
              </Flex>
            </Flex>
            <Typography.Text type="secondary">{t('answer.closes', { date: s.closesOn })}</Typography.Text>
          </Link>
        </List.Item>
      )}
    />
  );
}

export default function MySurveysPage() {
  const { t } = useTranslation('surveys');
  return (
    <Page title={t('answer.mine')}>
      <Card>
        <MySurveyList />
      </Card>
    </Page>
  );
}
