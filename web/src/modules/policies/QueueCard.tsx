import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuestions } from './api';

/** Union staff's home card: the questions waiting for an answer, nearest deadline first. */
export default function QueueCard() {
  const { t } = useTranslation('policies');
  const { data, isLoading } = useQuestions({ status: 'submitted', sort: 'dueDate', order: 'asc', page: 1, pageSize: 5 });
  return (
    <Card title={t('home.queueTitle')} extra={<Link to="/policies/questions">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.queueEmpty')} /> }}
        renderItem={(q) => (
          <List.Item extra={q.dueDate}>
            <Link to={`/policies/questions/${q.id}`}>
              <Typography.Text ellipsis={{ tooltip: q.title }}>{q.title}</Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
