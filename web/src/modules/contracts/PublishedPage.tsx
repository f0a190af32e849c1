import { List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { usePublished, usePublishedText } from './api';

/** The published contracts a worker is covered by, readable on a phone. */
export function PublishedListPage() {
  const { t } = useTranslation('contracts');
  const { data, isFetching } = usePublished();
  return (
    <Page title={t('published.title')}>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('published.empty') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/contracts/published/${c.id}`}>{c.title}</Link>}
              description={c.startsOn ? `${c.startsOn} — ${c.endsOn}${c.inForce ? '' : ` · ${t('list.expired')}`}` : ''}
            />
          </List.Item>
        )}
      />
    </Page>
  );
}

/** One published contract's text, chapter by chapter. */
export function PublishedTextPage() {
  const { id } = useParams();
  const { t } = useTranslation('contracts');
  const { data } = usePublishedText(id);
  if (!data) return <Spin />;
  const chapters = [...new Set(data.clauses.map((c) => c.chapter))];
  return (
    <Page title={data.title}>
      <Typography.Paragraph type="secondary">{data.startsOn ? `${t('list.term')}：${data.startsOn} — ${data.endsOn}` : ''}</Typography.Paragraph>
      {chapters.map((ch) => (
        <section key={ch}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {ch}
          </Typography.Title>
          {data.clauses
            .filter((c) => c.chapter === ch)
            .map((c) => (
              <Typography.Paragraph key={c.id}>{`${t('board.number', { n: c.number })} ${c.text}`}</Typography.Paragraph>
            ))}
        </section>
      ))}
    </Page>
  );
}
export default PublishedListPage;
