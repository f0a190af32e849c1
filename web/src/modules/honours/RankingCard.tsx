import { Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompetition, useCompetitions } from './api';

/** The top three of the latest running competition one may see. */
export default function RankingCard() {
  const { t } = useTranslation('honours');
  const { data: list } = useCompetitions();
  const latest = (list ?? []).find((c) => c.status === 'running') ?? list?.[0];
  const { data: c, isLoading } = useCompetition(latest?.id);
  return (
    <Card title={c?.name ?? t('home.ranking')} extra={c && <Link to={`/competitions/${c.id}`}>{t('home.all')}</Link>}>
      <List
        loading={isLoading && !!latest}
        dataSource={(c?.ranking ?? []).slice(0, 3)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(r) => (
          <List.Item extra={r.total}>
            <List.Item.Meta avatar={<Tag color={r.rank === 1 ? 'gold' : 'blue'}>{r.rank}</Tag>} title={r.teamName} />
          </List.Item>
        )}
      />
    </Card>
  );
}
