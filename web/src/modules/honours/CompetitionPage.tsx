import { Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useCompetition } from './api';

/** The live ranking, one row per team, readable on a phone: rank, team, total, points per measure. */
export default function CompetitionPage() {
  const { id } = useParams();
  const { t } = useTranslation('honours');
  const { data: c, isLoading } = useCompetition(id);
  if (isLoading || !c) return <Spin />;
  return (
    <Page title={c.name} extra={<Tag color={c.status === 'running' ? 'blue' : 'default'}>{t(`competitions.${c.status}`)}</Tag>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t('ranking.measures')}：{c.measures.map((m) => `${m.name}（×${m.weight}）`).join('、')}
          {c.periods.length > 0 && ` · ${t('ranking.periods', { list: `${c.periods[0]} – ${c.periods[c.periods.length - 1]}` })}`}
        </Typography.Text>
        <Card title={t('ranking.title')} size="small">
          <List
            dataSource={c.ranking}
            locale={{ emptyText: t('ranking.empty') }}
            renderItem={(r) => (
              <List.Item data-testid="ranking-row" extra={<Typography.Text strong>{r.total}</Typography.Text>}>
                <List.Item.Meta
                  avatar={<Tag color={r.rank === 1 ? 'gold' : r.rank <= 3 ? 'blue' : 'default'}>{r.rank}</Tag>}
                  title={r.teamName}
                  description={c.measures.map((m) => `${m.name} ${r.byMeasure[m.id] ?? 0}`).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
        {c.honours.length > 0 && (
          <Card title={t('ranking.honours')} size="small">
            {c.honours.map((h) => (
              <Tag key={h.id}>{`${h.year} ${h.name}`}</Tag>
            ))}
          </Card>
        )}
      </Flex>
    </Page>
  );
}
