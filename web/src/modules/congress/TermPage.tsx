import { Card, Empty, Flex, List, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONGRESS_SESSION_STATUS_LABELS } from '@common/congress';
import { Page } from '../../shared/Page';
import { ReportDrill } from './ReportDrill';
import { RosterCheck } from './RosterCheck';
import { RosterTable } from './RosterTable';
import { RulesButton } from './RulesForm';
import { useTerm, useTerms } from './api';

const STATUS_COLOR = { planned: 'default', sitting: 'green', closed: 'blue' } as const;

/** A congress term: the roster's make-up against the rules, the sessions, the representatives. */
export default function TermPage() {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const terms = useTerms();
  const [picked, setPicked] = useState<string>();
  const termId = picked ?? terms.data?.[0]?.id;
  const term = useTerm(termId);
  if (terms.isLoading) return <Skeleton active />;
  if (!terms.data?.length)
    return (
      <Page title={t('terms.title')}>
        <Flex vertical gap={16}>
          <ReportDrill />
          <Empty description={t('terms.none')} />
        </Flex>
      </Page>
    );
  const data = term.data;
  return (
    <Page
      title={data ? `${data.orgName} · ${data.name}` : t('terms.title')}
      extra={
        <>
          {terms.data.length > 1 && (
            <Select
              value={termId}
              onChange={setPicked}
              style={{ minWidth: 220 }}
              options={terms.data.map((x) => ({ value: x.id, label: `${x.orgName} · ${x.name}` }))}
              aria-label={t('terms.pick')}
            />
          )}
          {data?.canManage && <RulesButton termId={data.id} rules={data.rules} />}
        </>
      }
    >
      {!data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <ReportDrill />
          <Typography.Text type="secondary">{t('terms.period', { start: data.startDate, end: data.endDate })}</Typography.Text>
          <Card title={t('sessions.title')} size="small">
            <List
              dataSource={data.sessions}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Link key="open" to={`/congress/sessions/${s.id}`}>
                      {t('sessions.open')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta title={s.name} description={s.startsOn} />
                  <Tag color={STATUS_COLOR[s.status]}>{CONGRESS_SESSION_STATUS_LABELS[s.status][lang]}</Tag>
                </List.Item>
              )}
            />
          </Card>
          <RosterCheck roster={data.roster} />
          <Card title={t('roster.list')} size="small">
            <RosterTable termId={data.id} />
          </Card>
        </Flex>
      )}
    </Page>
  );
}
