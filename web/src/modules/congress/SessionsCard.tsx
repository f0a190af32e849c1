import { Button, Card, Empty, List } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTerm, useTerms } from './api';

/** Home card: the sessions of the latest term that are planned or sitting — a representative signs in with one tap, the office opens the session's desk. */
export default function SessionsCard() {
  const { t } = useTranslation('congress');
  const terms = useTerms();
  const term = useTerm(terms.data?.[0]?.id);
  const open = (term.data?.sessions ?? []).filter((s) => s.status !== 'closed');
  return (
    <Card title={t('menu')} size="small" loading={terms.isLoading || term.isLoading} extra={<Link to="/congress">{t('roster.list')}</Link>}>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={terms.data?.length ? t('sessions.title') : t('terms.mineNone')} />
      ) : (
        <List
          dataSource={open}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Link key="go" to={`/congress/sessions/${s.id}`}>
                  <Button type="primary">{term.data?.myRepresentativeId ? t('session.signIn') : t('sessions.open')}</Button>
                </Link>,
              ]}
            >
              <List.Item.Meta title={s.name} description={s.startsOn} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
