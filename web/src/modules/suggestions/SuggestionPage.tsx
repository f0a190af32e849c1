import { Alert, Card, Descriptions, Flex, List, Progress, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { Actions } from './Actions';
import { useSuggestion } from './api';
import { money, StatusTag, useLabel } from './labels';

/** One suggestion: what it proposes, its blind evaluation, the decision, its implementation, benefit, reward and history. */
export default function SuggestionPage() {
  const { id } = useParams();
  const { t } = useTranslation('suggestions');
  const label = useLabel();
  const { data: s, isLoading, error } = useSuggestion(id);
  if (isLoading) return <Spin />;
  if (error || !s) return <Result status="404" title={t('list.empty')} />;
  const allIn = s.averageScore !== null;
  return (
    <Page title={t('detail.title', { code: s.code })} extra={<StatusTag status={s.status} />}>
      <Flex vertical gap={16}>
        <Actions s={s} />
        {s.returnReason && <Alert type="warning" showIcon message={t('detail.returned', { reason: s.returnReason })} />}
        {s.mergedInto && (
          <Alert type="info" showIcon message={<Link to={`/suggestions/${s.mergedInto.id}`}>{t('detail.mergedInto', { code: s.mergedInto.code })}</Link>} />
        )}
        <Card title={s.title}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('detail.authors')}>
              {s.authors.map((a) => a.name).join('、')}
              {s.teamName ? `（${s.teamName}）` : ''} · {s.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.problem')}>{s.problem}</Descriptions.Item>
            <Descriptions.Item label={t('detail.proposal')}>{s.proposal}</Descriptions.Item>
            <Descriptions.Item label={t('detail.expectedBenefit')}>{s.expectedBenefit}</Descriptions.Item>
            {s.files.length > 0 && (
              <Descriptions.Item label={t('detail.files')}>
                <Flex vertical data-testid="suggestion-files">
                  {s.files.map((f) => (
                    <a key={f.id} href={`/api/v1/suggestions/${s.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                      {f.name}
                    </a>
                  ))}
                </Flex>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {s.evaluations.length > 0 && (
          <Card
            title={t('detail.evaluation')}
            extra={allIn ? <Tag color="cyan">{t('detail.average', { score: s.averageScore })}</Tag> : null}
            data-testid="suggestion-evaluations"
          >
            {!allIn && <Alert type="info" message={t('detail.blind')} style={{ marginBottom: 8 }} />}
            <List
              size="small"
              dataSource={s.evaluations}
              renderItem={(e) => (
                <List.Item>
                  <Flex vertical style={{ width: '100%' }}>
                    <Flex justify="space-between">
                      <Typography.Text strong>{e.name}</Typography.Text>
                      <span>{e.total !== null ? e.total : e.scored ? t('detail.scored') : t('detail.notScored')}</span>
                    </Flex>
                    {e.scores && (
                      <Typography.Text type="secondary">{s.criteria.map((c) => `${c.label} ${e.scores?.[c.key] ?? '—'}/${c.max}`).join(' · ')}</Typography.Text>
                    )}
                    {e.comment && <Typography.Text type="secondary">{e.comment}</Typography.Text>}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        )}
        {s.decision && (
          <Card title={t('detail.decision')} data-testid="suggestion-decision">
            <Typography.Text strong>{t(`decision.${s.decision.decision}`)}</Typography.Text> · {s.decision.decidedOn}
            <Typography.Paragraph style={{ marginTop: 8 }}>{s.decision.note}</Typography.Paragraph>
          </Card>
        )}
        {s.implementation && (
          <Card title={t('detail.implementation')}>
            <Flex vertical gap={4}>
              <Link to={`/decided-items/${s.implementation.decidedItemId}`}>{s.implementation.title}</Link>
              <Typography.Text type="secondary">
                {s.implementation.ownerName} · {t('detail.due', { date: s.implementation.dueDate })}
              </Typography.Text>
              <Progress percent={s.implementation.progress} size="small" />
            </Flex>
          </Card>
        )}
        {s.benefitRecord && (
          <Card title={t('detail.benefit')}>
            <Flex vertical gap={4}>
              <Typography.Text strong>
                {label.benefit(s.benefitRecord.kind)} {money(s.benefitRecord.amount)}
              </Typography.Text>
              <Typography.Text>{s.benefitRecord.note}</Typography.Text>
              <Typography.Text type="secondary">
                {s.benefitRecord.recordedBy ? t('detail.recordedBy', { name: s.benefitRecord.recordedBy }) : ''} ·{' '}
                {s.benefitRecord.verifiedBy
                  ? t('detail.verifiedBy', { name: s.benefitRecord.verifiedBy, date: s.benefitRecord.verifiedOn })
                  : t('detail.unverified')}
              </Typography.Text>
            </Flex>
          </Card>
        )}
        {s.rewardRecord && (
          <Card title={t('detail.reward')}>
            {money(s.rewardRecord.amount)} · {t('detail.paidOn', { date: s.rewardRecord.paidOn })}
          </Card>
        )}
        <Card title={t('detail.timeline')}>
          <Timeline
            items={s.events.map((e) => ({
              children: (
                <Flex vertical>
                  <span>
                    {t(`event.${e.event}`, { defaultValue: e.event })}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                  </span>
                  <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
    </Page>
  );
}
