import { App, Button, Card, Col, Flex, Input, Popconfirm, Progress, Result, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONGRESS_SESSION_STATUS_LABELS } from '@common/congress';
import { useShowError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { ProposalsCard } from './ProposalsCard';
import { VotesCard } from './VotesCard';
import { useAttendance, useCloseSession, useOpenSession, usePutAttendance, useSession, useSignIn, type Attendance, type Session } from './api';

/** One session: expected, present and the two-thirds quorum; a representative signs in, the office registers and opens. */
export default function SessionPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const session = useSession(id);
  if (session.isLoading) return <Skeleton active />;
  if (!session.data) return <Result status="404" />;
  const s = session.data;
  return (
    <Page title={s.name} extra={<Tag color={s.status === 'sitting' ? 'green' : undefined}>{CONGRESS_SESSION_STATUS_LABELS[s.status][lang]}</Tag>}>
      <Flex vertical gap={16}>
        <Quorum s={s} />
        {s.signedIn !== null && <SignIn s={s} />}
        <VotesCard s={s} />
        <ProposalsCard s={s} />
        {s.canManage && <OfficeControls s={s} />}
      </Flex>
    </Page>
  );
}

function Quorum({ s }: { s: Session }) {
  const { t } = useTranslation('congress');
  const a = s.attendance;
  return (
    <Card size="small" data-testid="congress-quorum">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title={t('session.expected')} value={a.expected} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('session.present')} value={a.present} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('session.needs')} value={a.quorumNeeds} />
        </Col>
      </Row>
      <Progress percent={a.expected ? Math.round((a.present / a.expected) * 100) : 0} success={{ percent: 0 }} status={a.quorate ? 'success' : 'active'} />
      <Tag color={a.quorate ? 'green' : 'orange'}>{a.quorate ? t('session.quorate') : t('session.notQuorate')}</Tag>
    </Card>
  );
}

/** The representative's phone: one big button. */
function SignIn({ s }: { s: Session }) {
  const { t } = useTranslation('congress');
  const signIn = useSignIn(s.id);
  const showError = useShowError();
  if (s.signedIn) return <Result status="success" title={t('session.signedIn')} />;
  if (s.status === 'closed') return null;
  return (
    <Button
      type="primary"
      size="large"
      block
      loading={signIn.isPending}
      onClick={() => signIn.mutate(undefined, { onError: showError })}
      data-testid="congress-sign-in"
    >
      {t('session.signIn')}
    </Button>
  );
}

function OfficeControls({ s }: { s: Session }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const showError = useShowError();
  const open = useOpenSession(s.id);
  const close = useCloseSession(s.id);
  const mark = usePutAttendance(s.id);
  const sheet = useAttendance(s.id, true);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const done = (m: Session) => void message.success(`${m.name} · ${CONGRESS_SESSION_STATUS_LABELS[m.status][lang]}`);
  return (
    <Card
      size="small"
      title={t('session.attendance')}
      extra={
        <Flex gap={8}>
          {s.status === 'planned' && (
            <Button
              type="primary"
              disabled={!s.attendance.quorate}
              loading={open.isPending}
              onClick={() => open.mutate(undefined, { onSuccess: done, onError: showError })}
            >
              {t('session.openSession')}
            </Button>
          )}
          {s.status === 'sitting' && (
            <Popconfirm title={t('session.closeSession')} onConfirm={() => close.mutate(undefined, { onSuccess: done, onError: showError })}>
              <Button loading={close.isPending}>{t('session.closeSession')}</Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Table<Attendance>
        size="small"
        rowKey="representativeId"
        loading={sheet.isFetching}
        dataSource={sheet.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('roster.name') },
          { key: 'delegation', dataIndex: 'delegation', title: t('roster.delegation'), responsive: ['sm'] },
          {
            key: 'present',
            title: t('session.present'),
            render: (_, r) =>
              r.at === null ? (
                <Tag>{t('session.notYet')}</Tag>
              ) : r.present ? (
                <Tag color="green">{t('session.present')}</Tag>
              ) : (
                <Tag color="orange">{`${t('session.absent')}：${r.absenceReason ?? ''}`}</Tag>
              ),
          },
          { key: 'at', dataIndex: 'at', title: t('session.at'), responsive: ['md'], render: (at: string | null) => (at ? formatDateTime(at) : '') },
          {
            key: 'act',
            title: '',
            render: (_, r) =>
              s.status === 'closed' ? null : (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => mark.mutate({ representativeId: r.representativeId, present: true }, { onError: showError })}>
                    {t('session.markPresent')}
                  </Button>
                  <Input
                    size="small"
                    style={{ width: 120 }}
                    placeholder={t('session.reason')}
                    value={reasons[r.representativeId] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [r.representativeId]: e.target.value })}
                  />
                  <Button
                    size="small"
                    onClick={() =>
                      mark.mutate(
                        { representativeId: r.representativeId, present: false, absenceReason: reasons[r.representativeId] || undefined },
                        { onError: showError },
                      )
                    }
                  >
                    {t('session.markAbsent')}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}
