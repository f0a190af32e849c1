import { App, Alert, Button, Card, Descriptions, Flex, Input, List, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useShowError } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { useNomination, useNominationAction, type Nomination, type NominationAction } from './api';
import { CriteriaCard } from './CriteriaCard';
import { NominationStatusTag, ReasonTags } from './labels';

const LINKS: Record<string, (id: string) => string | null> = {
  appeal: (id) => `/appeals/${id}`,
  mediationCase: (id) => `/mediation/cases/${id}`,
  groupAlert: (id) => `/appeals/group-alerts/${id}`,
  safetyAccident: () => null,
};

/** What the automatic check found, each finding with links to the records behind it. */
function Findings({ n }: { n: Nomination }) {
  const { t } = useTranslation('honours');
  if (!n.findings) return null;
  return (
    <Card
      title={t('desk.checks')}
      extra={n.checkedAt && <Typography.Text type="secondary">{t('desk.checkedAt', { at: formatDateTime(n.checkedAt) })}</Typography.Text>}
      data-testid="findings"
    >
      {n.findings.length === 0 ? (
        <Alert type="success" showIcon message={t('desk.clean')} />
      ) : (
        <Flex vertical gap={12}>
          {n.findings.map((f) => (
            <Alert
              key={f.reason}
              type="error"
              showIcon
              message={t(`reason.${f.reason}`)}
              description={
                f.evidence.length === 0 ? (
                  t('desk.noEvidence')
                ) : (
                  <List
                    size="small"
                    dataSource={f.evidence}
                    renderItem={(e) => {
                      const to = LINKS[e.kind]?.(e.id);
                      return (
                        <List.Item>
                          {e.date} · {to ? <Link to={to}>{e.label}</Link> : e.label}
                        </List.Item>
                      );
                    }}
                  />
                )
              }
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The review desk: the team's record, the disqualifier evidence, and the step the user may take now. */
export default function NominationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('honours');
  const { message, modal } = App.useApp();
  const { data: n, isLoading } = useNomination(id);
  const act = useNominationAction(id);
  const showError = useShowError();
  if (isLoading || !n) return <Spin />;
  const run = (action: NominationAction, body?: unknown) => act.mutateAsync({ action, body }).then(() => message.success(t('desk.saved')), showError);
  const withReason = (action: 'reject' | 'revoke') => {
    let reason = '';
    modal.confirm({
      title: t('desk.reasonPrompt'),
      content: <Input.TextArea rows={3} maxLength={500} onChange={(e) => (reason = e.target.value)} data-testid="reason" />,
      onOk: () =>
        act.mutateAsync({ action, body: { reason } }).then(
          () => message.success(t('desk.saved')),
          (e) => (showError(e), Promise.reject(e)),
        ),
    });
  };
  const found = (n.findings?.length ?? 0) > 0;
  return (
    <Page title={`${n.teamName} · ${n.honourName}`} extra={<NominationStatusTag status={n.status} />}>
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('list.unit')}>{n.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('desk.nominatedBy')}>{n.nominatedBy}</Descriptions.Item>
            <Descriptions.Item label={t('desk.record')} span={2}>
              {n.record}
            </Descriptions.Item>
            {n.reasons.length > 0 && (
              <Descriptions.Item label={t('list.reasons')} span={2}>
                <ReasonTags reasons={n.reasons} />
              </Descriptions.Item>
            )}
            {n.score !== null && <Descriptions.Item label={t('list.score')}>{n.score}</Descriptions.Item>}
            {n.note && <Descriptions.Item label={t('desk.note')}>{n.note}</Descriptions.Item>}
          </Descriptions>
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            {n.can.review && <Button onClick={() => run('check')}>{t('desk.recheck')}</Button>}
            {n.can.review && !found && (
              <Button type="primary" onClick={() => run('recommend')} data-testid="recommend">
                {t('desk.recommend')}
              </Button>
            )}
            {n.can.review && found && (
              <Button danger type="primary" onClick={() => run('disqualify')} data-testid="disqualify">
                {t('desk.disqualify')}
              </Button>
            )}
            {n.can.review && <Button onClick={() => withReason('reject')}>{t('desk.reject')}</Button>}
            {n.can.award && n.status === 'recommended' && (
              <Button type="primary" onClick={() => run('award')} data-testid="award">
                {t('desk.award')}
              </Button>
            )}
            {n.can.award && n.status === 'awarded' && <Button onClick={() => run('publish')}>{t('desk.publish')}</Button>}
            {n.can.award && (n.status === 'awarded' || n.status === 'published') && (
              <Button danger onClick={() => withReason('revoke')}>
                {t('desk.revoke')}
              </Button>
            )}
          </Flex>
        </Card>
        <CriteriaCard n={n} />
        <Findings n={n} />
        <Card title={t('desk.timeline')}>
          <Timeline
            items={n.timeline.map((e) => ({
              children: `${formatDateTime(e.at)} · ${t(`desk.events.${e.event}`, { defaultValue: e.event })}${e.actorName ? ` · ${e.actorName}` : ''}`,
            }))}
          />
        </Card>
      </Flex>
    </Page>
  );
}
