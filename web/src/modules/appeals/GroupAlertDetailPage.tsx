import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, List, Result, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../shared/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { ActionModal, optional } from './ActionModal';
import { useGroupAlert, useGroupAlertAction, type GroupAlert } from './api';
import { AnswerField, AssignFields, useNoteField } from './ActionFields';
import { Keywords } from './GroupAlertsPage';
import { AlertStatusTag, StatusTag, useAppealLabel } from './labels';
import { TextActionModal } from './TextActionModal';

type AlertAction = 'confirm' | 'dismiss' | 'assign' | 'answer';

/** The actions the alert's state allows (the server enforces the same). */
function actionsFor(status: GroupAlert['status']): AlertAction[] {
  if (status === 'open') return ['confirm', 'dismiss'];
  if (status === 'confirmed') return ['assign', 'answer', 'dismiss'];
  return [];
}

export default function GroupAlertDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('appeals');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const label = useAppealLabel();
  const { data: alert, isLoading } = useGroupAlert(id);
  const action = useGroupAlertAction(id ?? '');
  const [current, setCurrent] = useState<AlertAction | null>(null);
  const noteField = useNoteField();

  if (isLoading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (!alert) return <Result status="404" title={t('detail.notFound')} extra={<Button onClick={() => navigate(-1)}>{t('detail.back')}</Button>} />;

  const run = async (path: AlertAction, body: object) => {
    await action.mutateAsync({ path, body });
    void message.success(t(`alerts.${path === 'confirm' ? 'confirmed' : path === 'dismiss' ? 'dismissed' : path === 'assign' ? 'assigned' : 'answered'}`));
  };
  const close = () => setCurrent(null);
  const actions = actionsFor(alert.status);

  return (
    <div className="xq-page" data-testid="alert-detail">
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('detail.back')} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('alerts.detailTitle', { unit: alert.unit.name })}
        </Typography.Title>
      </Flex>
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <Card size="small">
          <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
            <AlertStatusTag status={alert.status} />
            <Tag style={{ marginInlineEnd: 0 }}>{label('category', alert.category)}</Tag>
          </Flex>
          <Typography.Paragraph strong data-testid="alert-summary">
            {t('alerts.summary', { unit: alert.unit.name, workers: alert.workerCount, category: label('category', alert.category) })}
          </Typography.Paragraph>
          <Descriptions size="small" column={isMobile ? 1 : 3}>
            <Descriptions.Item label={t('alerts.workers')}>
              <Tooltip title={t('alerts.workerCountHint')}>
                <span data-testid="alert-workers">{t('alerts.workerCount', { count: alert.workerCount })}</span>
              </Tooltip>
            </Descriptions.Item>
            <Descriptions.Item label={t('alerts.appeals')}>{t('alerts.appealCount', { count: alert.appealCount })}</Descriptions.Item>
            <Descriptions.Item label={t('alerts.raisedAt')}>{formatDateTime(alert.raisedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('alerts.keywords')}</Typography.Text>
          <Keywords words={alert.keywords} />
          {alert.decisionNote && (
            <Alert type="info" style={{ marginTop: 12 }} title={t('alerts.decision')} description={alert.decisionNote} data-testid="alert-decision" />
          )}
          {alert.answer && (
            <Alert
              type="success"
              style={{ marginTop: 12 }}
              title={`${t('alerts.groupAnswer')} · ${formatDateTime(alert.answeredAt)}`}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{alert.answer}</span>}
              data-testid="alert-answer"
            />
          )}
          {actions.length > 0 && (
            <Flex wrap gap={8} style={{ marginTop: 16 }} data-testid="alert-actions">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a === actions[0] ? 'primary' : 'default'}
                  danger={a === 'dismiss'}
                  onClick={() => setCurrent(a)}
                  data-testid={`alert-${a}`}
                >
                  {t(`alerts.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
        </Card>

        <Card
          size="small"
          title={t('alerts.members')}
          extra={<Link to={`/appeals?groupAlertId=${alert.id}`}>{t('alerts.viewInList')}</Link>}
          data-testid="alert-members"
        >
          <List
            dataSource={alert.members}
            renderItem={(m) => (
              <List.Item key={m.id} data-testid="alert-member">
                <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                  <Flex justify="space-between" gap={8} align="center">
                    <Link to={`/appeals/${m.id}`} style={{ minWidth: 0 }}>
                      <Typography.Text ellipsis style={{ color: 'inherit' }}>
                        {m.title}
                      </Typography.Text>
                    </Link>
                    <StatusTag status={m.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.code} · {formatDateTime(m.submittedAt)}
                    {m.anonymous ? ` · ${t('anonymous')}` : ''}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Flex>

      <TextActionModal
        open={current === 'confirm'}
        title={t('alerts.confirmTitle')}
        hint={t('alerts.confirmHint')}
        field={noteField}
        onClose={close}
        onSubmit={(note) => run('confirm', { note: optional(note) })}
        testId="modal-alert-confirm"
      />
      <TextActionModal
        open={current === 'dismiss'}
        title={t('alerts.dismissTitle')}
        danger
        field={{ name: 'reason', label: t('alerts.dismissReason'), required: t('actions.reasonRequired'), maxLength: 500, minRows: 2 }}
        onClose={close}
        onSubmit={(reason) => run('dismiss', { reason })}
        testId="modal-alert-dismiss"
      />
      <ActionModal<{ departmentId: string; note?: string }>
        open={current === 'assign'}
        title={t('alerts.assignTitle')}
        hint={t('actions.assignHint')}
        onClose={close}
        onSubmit={(v) => run('assign', { departmentId: v.departmentId, note: optional(v.note) })}
        testId="modal-alert-assign"
      >
        {() => <AssignFields />}
      </ActionModal>
      <ActionModal<{ answer: string }>
        open={current === 'answer'}
        title={t('alerts.answerTitle')}
        hint={t('alerts.answerHint')}
        onClose={close}
        onSubmit={(v) => run('answer', { answer: v.answer.trim() })}
        testId="modal-alert-answer"
      >
        {() => <AnswerField />}
      </ActionModal>
    </div>
  );
}
