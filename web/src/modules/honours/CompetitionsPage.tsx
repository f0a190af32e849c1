import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/Page';
import { useCompetitions } from './api';

/** The labour competitions of one's org and the orgs above it. */
export default function CompetitionsPage() {
  const { t } = useTranslation('honours');
  const { data, isLoading } = useCompetitions();
  return (
    <Page title={t('competitions.title')}>
      <List
        loading={isLoading}
        dataSource={data ?? []}
        locale={{ emptyText: t('competitions.empty') }}
        renderItem={(c) => (
          <List.Item extra={<Tag color={c.status === 'running' ? 'blue' : 'default'}>{t(`competitions.${c.status}`)}</Tag>}>
            <List.Item.Meta
              title={<Link to={`/competitions/${c.id}`}>{c.name}</Link>}
              description={`${c.orgName} · ${t('competitions.period', { from: c.startsOn, to: c.endsOn })} · ${t('competitions.teams', { n: c.teams })}`}
            />
          </List.Item>
        )}
      />
    </Page>
  );
}
