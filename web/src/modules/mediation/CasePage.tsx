import { Alert, Button, Card, Descriptions, Empty, Flex, List, Progress, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventTimeline } from '../../shared/EventTimeline';
import { Page } from '../../shared/Page';
import { useAuth } from '../../shared/auth/AuthContext';
import { useCase, type CaseDetail } from './api';
import { CaseActions } from './CaseActions';
import { EvidenceCard } from './EvidenceCard';
import { DecidedTag, dueOf, LightTag, StatusTag, useLabel } from './labels';

/** The agreement's performance as the decided item tracks it; the item itself opens for those at the decided-item board. */
function PerformanceCard({ p }: { p: NonNullable<CaseDetail['performance']> }) {
  const { t } = useTranslation('mediation');
  const { can } = useAuth();
  return (
    <Card
      title={t('performance.title')}
      extra={can('decidedItems.read') ? <Link to={`/decided-items/${p.itemId}`}>{t('performance.open')}</Link> : null}
      data-testid="mediation-performance"
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('detail.performanceDue')}>{p.dueDate}</Descriptions.Item>
        <Descriptions.Item label={t('performance.status')}>
          <DecidedTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('performance.owner')}>{p.ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('performance.progress')}>
          <Progress percent={p.progress} size="small" style={{ maxWidth: 200 }} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const money = (y: number | null) => (y === null ? '—' : `${y.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);

/** One case: parties, claims, the clocks with their light, sessions, the agreement and its performance, and the history. */
export default function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation('mediation');
  const label = useLabel();
  const { data: c, isLoading, error } = useCase(id);
  if (isLoading) return <Spin />;
  if (error || !c) return <Result status="404" title={t('list.empty')} />;
  const d = c.clocks;
  return (
    <Page title={t('detail.title', { code: c.code })} extra={<StatusTag status={c.status} />}>
      <Flex vertical gap={16}>
        <CaseActions c={c} />
        {c.status === 'accepted' && d.light === 'red' && <Alert type="warning" showIcon message={t('detail.arbitrationHint')} />}
        {c.performance?.status === 'overdue' && (
          <Alert type="warning" showIcon message={t('performance.overdue')} data-testid="mediation-performance-overdue" />
        )}
        {c.paymentOrderHint && <Alert type="error" showIcon message={t('detail.paymentOrder')} data-testid="mediation-payment-order" />}
        <Card title={t('detail.parties')}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('list.applicant')}>
              {c.applicantName}
              {c.applicantKind === 'group' ? `（${t('detail.applicantKindGroup', { n: c.groupSize })}）` : ''} · {c.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('list.respondent')}>{c.respondent}</Descriptions.Item>
            <Descriptions.Item label={t('detail.disputeDate')}>{c.disputeDate}</Descriptions.Item>
            <Descriptions.Item label={t('detail.mediators')}>{c.mediators.map((m) => m.name).join('、') || '—'}</Descriptions.Item>
            {c.appealId && (
              <Descriptions.Item label={t('detail.appeal')}>
                <Link to={`/appeals/${c.appealId}`}>{t('detail.appealLink')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph>
          <List
            size="small"
            header={t('detail.claims')}
            dataSource={c.claims}
            renderItem={(k) => (
              <List.Item>
                {label.claim(k.type)}：{k.description} {k.amount !== null ? `（${money(k.amount)}）` : ''}
              </List.Item>
            )}
          />
        </Card>
        <EvidenceCard c={c} />
        <Card title={t('detail.clocks')} extra={<LightTag light={d.light} due={dueOf(c)} />}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('detail.acceptDue')}>{d.acceptDue}</Descriptions.Item>
            <Descriptions.Item label={t('detail.mediationDue')}>
              {d.mediationDue ?? '—'}
              {c.extensionDays ? `（${t('detail.extended', { n: c.extensionDays })}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.arbitrationFrom')}>{d.arbitrationFrom ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('detail.limitationEnds')}>{d.limitationEnds}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('detail.sessions')}>
          {c.sessions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noSessions')} />
          ) : (
            c.sessions.map((s) => (
              <Descriptions key={s.id} title={s.date} column={1} size="small" style={{ marginBottom: 12 }} data-testid="mediation-session">
                <Descriptions.Item label={t('detail.attendees')}>{s.attendees}</Descriptions.Item>
                <Descriptions.Item label={t('detail.applicantSaid')}>{s.applicantSaid}</Descriptions.Item>
                <Descriptions.Item label={t('detail.respondentSaid')}>{s.respondentSaid}</Descriptions.Item>
                {s.nextStep && <Descriptions.Item label={t('detail.nextStep')}>{s.nextStep}</Descriptions.Item>}
              </Descriptions>
            ))
          )}
        </Card>
        {(c.agreement || c.outcomeReason) && (
          <Card
            title={c.agreement ? t('detail.agreement') : t('detail.outcome')}
            extra={
              c.agreement ? (
                <Flex gap={8}>
                  <Button href={`/api/v1/mediation/cases/${c.id}/agreement`} target="_blank" data-testid="mediation-print">
                    {t('detail.print')}
                  </Button>
                  <Button href={`/api/v1/mediation/cases/${c.id}/agreement.docx`} data-testid="mediation-docx">
                    {t('detail.docx')}
                  </Button>
                </Flex>
              ) : null
            }
            data-testid="mediation-outcome"
          >
            {c.agreement ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('detail.terms')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{c.agreement.terms}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.agreedAmount')}>{money(c.agreement.agreedAmount)}</Descriptions.Item>
                <Descriptions.Item label={t('detail.performanceDue')}>{c.agreement.performanceDue}</Descriptions.Item>
                <Descriptions.Item label={t('detail.signatures')}>
                  {t('detail.applicantSigned', { date: c.agreement.applicantSignedOn })}；
                  {t('detail.respondentSigned', { name: c.agreement.respondentSigner, date: c.agreement.respondentSignedOn })}
                </Descriptions.Item>
                <Descriptions.Item label={t('detail.payments')}>{t('detail.paid', { paid: c.paidAmount, agreed: c.agreement.agreedAmount })}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Paragraph>{c.outcomeReason}</Typography.Paragraph>
            )}
          </Card>
        )}
        {c.performance && <PerformanceCard p={c.performance} />}
        <Card title={t('detail.timeline')}>
          <EventTimeline events={c.events} label={(e) => t(`event.${e}`, { defaultValue: e })} />
        </Card>
      </Flex>
    </Page>
  );
}
