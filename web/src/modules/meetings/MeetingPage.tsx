import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, List, Select, Spin, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { useMeeting, useMeetingAction } from './api';
import { DecidedProgress, DecidedStatusTag } from './labels';
import { MeetingActions } from './MeetingActions';

/** One meeting: agenda (the carry-over first), attendance with sign-in, minutes, decisions, and the managers' next steps. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const { data: m, isLoading } = useMeeting(id);
  const act = useMeetingAction(id);
  const showError = useShowError();
  const [form] = Form.useForm();
  const onFormError = useFormErrorHandler(form);
  const [absentFor, setAbsentFor] = useState<string | null>(null);
  if (isLoading || !m) return <Spin />;
  const me = m.can;

  return (
    <Page title={m.title} extra={<Tag>{t(`meetingStatus.${m.status}`)}</Tag>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t(`kind.${m.kind}`)} · {m.heldDate ?? m.plannedDate} {m.location ?? ''}
        </Typography.Text>
        <MeetingActions m={m} absentFor={absentFor} onAbsentClose={() => setAbsentFor(null)} />
        {me.signIn && (
          <Button
            type="primary"
            size="large"
            block
            data-testid="meeting-sign-in"
            onClick={() => act.mutateAsync({ action: 'sign-in' }).then(() => message.success(t('meetings.signedIn')), showError)}
          >
            {t('meetings.signIn')}
          </Button>
        )}
        <Card title={t('meetings.agenda')}>
          {m.agenda.map((a) => (
            <div key={a.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {a.seq}. {a.title}
              </Typography.Text>
              {a.presenterName && <Typography.Text type="secondary"> {t('meetings.presenter', { name: a.presenterName })}</Typography.Text>}
              {a.plannedMinutes && <Typography.Text type="secondary"> {t('meetings.plannedMinutes', { n: a.plannedMinutes })}</Typography.Text>}
              {a.proposal && (
                <div>
                  <Link to={`/congress/proposals/${a.proposal.id}`}>
                    {t('meetings.takesProposal', { n: a.proposal.number ?? '', title: a.proposal.title })}
                  </Link>
                </div>
              )}
              {a.appeal && (
                <div>
                  <Link to={`/appeals/${a.appeal.id}`}>{t('meetings.studiesAppeal', { code: a.appeal.code, title: a.appeal.title })}</Link>
                </div>
              )}
              {a.minutes && <Typography.Paragraph>{a.minutes}</Typography.Paragraph>}
              {a.carryOver && (
                <List
                  size="small"
                  data-testid="carry-over"
                  dataSource={a.carryOver}
                  renderItem={(i) => (
                    <List.Item extra={<DecidedProgress status={i.status} progress={i.progress} small />}>
                      <List.Item.Meta
                        title={<Link to={`/decided-items/${i.id}`}>{i.title}</Link>}
                        description={
                          <>
                            <DecidedStatusTag status={i.status} /> {i.ownerName} · {i.dueDate}{' '}
                            {i.closedSincePrevious && <Tag color="success">{t('meetings.closedSince')}</Tag>}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </div>
          ))}
        </Card>
        <Card title={t('meetings.minutes')}>
          {m.minutes ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('meetings.noMinutes')}</Typography.Text>
          )}
        </Card>
        <Card title={t('meetings.decisions')}>
          <List
            data-testid="meeting-decisions"
            dataSource={m.decisions}
            renderItem={(d) => (
              <List.Item extra={<DecidedProgress status={d.status} progress={d.progress} small />}>
                <List.Item.Meta title={<Link to={`/decided-items/${d.id}`}>{d.title}</Link>} description={`${d.ownerName} · ${d.dueDate}`} />
              </List.Item>
            )}
          />
          {me.manage && (m.status === 'held' || m.status === 'approved' || m.status === 'published') && (
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) =>
                act
                  .mutateAsync({
                    action: 'decisions',
                    body: { title: v.title, ownerAccountId: v.ownerAccountId, dueWorkingDays: v.dueWorkingDays, public: !!v.public },
                  })
                  .then(() => (form.resetFields(), message.success(t('detail.saved'))), onFormError)
              }
            >
              <Typography.Title level={5}>{t('meetings.newDecision')}</Typography.Title>
              <Form.Item name="title" label={t('meetings.decisionTitle')} rules={[{ required: true }]}>
                <Input maxLength={200} data-testid="decision-title" />
              </Form.Item>
              <Form.Item
                name="ownerAccountId"
                label={t('meetings.owner')}
                rules={[{ required: true }]}
                extra={m.attendees.length ? undefined : t('meetings.ownerHelp')}
              >
                {m.attendees.length ? (
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={m.attendees.map((a) => ({ value: a.accountId, label: a.name }))}
                    data-testid="decision-owner"
                  />
                ) : (
                  <Input />
                )}
              </Form.Item>
              <Form.Item
                name="dueWorkingDays"
                label={t('meetings.dueWorkingDays')}
                extra={t('meetings.dueWorkingDaysHelp')}
                initialValue={10}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={250} precision={0} data-testid="decision-due-days" />
              </Form.Item>
              <Form.Item name="public" label={t('meetings.public')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="decision-submit">
                {t('detail.submit')}
              </Button>
            </Form>
          )}
        </Card>
        <Card title={t('meetings.attendees')}>
          <List
            size="small"
            data-testid="meeting-attendees"
            dataSource={m.attendees}
            renderItem={(a) => (
              <List.Item
                extra={
                  a.signedInAt ? (
                    <Tag color="success">{t('meetings.signedIn')}</Tag>
                  ) : a.absenceReason ? (
                    <Tag>{t('meetings.absent', { reason: a.absenceReason })}</Tag>
                  ) : (
                    <Tag>{t('meetings.notSigned')}</Tag>
                  )
                }
                actions={
                  me.manage && (m.status === 'planned' || m.status === 'held')
                    ? [
                        <Button
                          key="present"
                          size="small"
                          disabled={!!a.signedInAt}
                          onClick={() =>
                            act
                              .mutateAsync({ action: 'attendance', body: { accountId: a.accountId, present: true } })
                              .then(() => message.success(t('detail.saved')), showError)
                          }
                        >
                          {t('act.present')}
                        </Button>,
                        <Button key="absent" size="small" onClick={() => setAbsentFor(a.accountId)}>
                          {t('act.absent')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                {a.name}
              </List.Item>
            )}
          />
        </Card>
      </Flex>
    </Page>
  );
}
