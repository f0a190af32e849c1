import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Radio, Switch, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AppealCategory, AppealNature } from '@common/appeals';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../app/auth/AuthContext';
import { isApiError } from '../../api/problem';
import { useFormErrorHandler } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { submitAppeal, type SubmitBody } from './api';
import { AttachmentField } from './AttachmentField';
import { clearDraft, freshDraft, hasContent, loadDraft, newIdempotencyKey, saveDraft, type Draft, type DraftValues } from './draft';
import { useAppealOptions } from './labels';

interface Values {
  category: AppealCategory;
  nature: AppealNature;
  title: string;
  description: string;
  anonymous: boolean;
}

type Failure = 'network' | 'mismatch' | null;

/** Lost answers (no response, a gateway error) may still have reached the server: retry with the same key. */
const isTransient = (err: unknown) => isApiError(err) && (err.status === 0 || err.status >= 500);

export default function SubmitPage() {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useAuth();
  const accountId = session?.account.id ?? 'anonymous';
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const categoryOptions = useAppealOptions('category');

  const restored = useMemo(() => {
    const d = loadDraft(accountId);
    return d && hasContent(d) ? d : null;
  }, [accountId]);
  const [draft, setDraft] = useState<Draft>(() => restored ?? freshDraft());
  const [restoredAt, setRestoredAt] = useState(restored?.savedAt);
  const [busyUploading, setBusyUploading] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  // The exact body of the last attempt: a retry must send the same bytes under the same key.
  const [pending, setPending] = useState<SubmitBody | null>(null);
  const anonymous = Form.useWatch('anonymous', form) ?? draft.values.anonymous ?? false;

  const update = useCallback(
    (patch: (d: Draft) => Partial<Draft>) =>
      setDraft((d) => {
        const next = { ...d, ...patch(d), savedAt: new Date().toISOString() };
        saveDraft(accountId, next);
        return next;
      }),
    [accountId],
  );

  const send = async (body: SubmitBody, key: string) => {
    setSending(true);
    setFailure(null);
    try {
      const appeal = await submitAppeal(body, key);
      clearDraft(accountId);
      void queryClient.invalidateQueries({ queryKey: ['appeals', 'list'] });
      void message.success(t('submit.submitted', { code: appeal.code }));
      navigate(`/appeals/${appeal.id}`, { replace: true });
    } catch (err) {
      if (isTransient(err)) setFailure('network');
      else if (isApiError(err) && err.code === 'idempotency_mismatch') setFailure('mismatch');
      else onError(err);
    } finally {
      setSending(false);
    }
  };

  const onFinish = (values: Values) => {
    if (busyUploading) {
      void message.warning(t('submit.uploading'));
      return;
    }
    const body: SubmitBody = {
      category: values.category,
      nature: values.nature,
      title: values.title.trim(),
      description: values.description.trim(),
      anonymous: !!values.anonymous,
      attachmentIds: draft.attachments.map((a) => a.id),
    };
    setPending(body);
    void send(body, draft.key);
  };

  const submitAsNew = () => {
    if (!pending) return;
    const key = newIdempotencyKey();
    update(() => ({ key }));
    void send(pending, key);
  };

  const startOver = () => {
    clearDraft(accountId);
    const fresh = freshDraft();
    setDraft(fresh);
    setPending(null);
    setFailure(null);
    setRestoredAt(undefined);
    form.resetFields();
    form.setFieldsValue(fresh.values as Values);
  };

  return (
    <Page title={t('submit.title')}>
      <Card style={{ maxWidth: 680 }} styles={{ body: { padding: 16 } }}>
        <Typography.Paragraph type="secondary">{t('submit.intro')}</Typography.Paragraph>
        {restoredAt && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('submit.draftRestored', { time: formatDateTime(restoredAt) })}
            data-testid="appeal-draft-restored"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={draft.values as DraftValues}
          onValuesChange={(_, all) => update(() => ({ values: all as DraftValues }))}
          onFinish={onFinish}
          disabled={sending}
          requiredMark={false}
        >
          <Form.Item name="category" label={t('submit.category')} rules={[{ required: true, message: t('submit.categoryRequired') }]}>
            <Radio.Group
              data-testid="appeal-category"
              optionType="button"
              buttonStyle="solid"
              options={categoryOptions}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            />
          </Form.Item>
          <Form.Item name="nature" label={t('submit.nature')}>
            <Radio.Group
              data-testid="appeal-nature"
              options={[
                { value: 'request', label: t('submit.natureRequest') },
                { value: 'consultation', label: t('submit.natureConsultation') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('submit.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('submit.titleRequired') }]}
          >
            <Input maxLength={60} showCount placeholder={t('submit.titlePlaceholder')} data-testid="appeal-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('submit.description')}
            rules={[{ required: true, whitespace: true, message: t('submit.descriptionRequired') }]}
          >
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 4, maxRows: 12 }}
              placeholder={t('submit.descriptionPlaceholder')}
              data-testid="appeal-description"
            />
          </Form.Item>
          <Form.Item label={t('submit.attachments')}>
            <AttachmentField
              value={draft.attachments}
              onAdd={(a) => update((d) => ({ attachments: [...d.attachments, a] }))}
              onRemove={(id) => update((d) => ({ attachments: d.attachments.filter((a) => a.id !== id) }))}
              onBusyChange={setBusyUploading}
              disabled={sending}
            />
          </Form.Item>
          <Form.Item label={t('submit.anonymous')} style={{ marginBottom: 8 }}>
            <Flex vertical gap={8}>
              <Flex align="center" gap={8}>
                <Form.Item name="anonymous" valuePropName="checked" noStyle>
                  <Switch aria-label={t('submit.anonymous')} data-testid="appeal-anonymous" />
                </Form.Item>
                <Typography.Text>{anonymous ? t('anonymous') : t('submit.named')}</Typography.Text>
              </Flex>
              <Alert
                type={anonymous ? 'warning' : 'info'}
                showIcon
                title={anonymous ? t('submit.anonymousOn') : t('submit.anonymousOff')}
                data-testid="appeal-anonymous-explain"
              />
            </Flex>
          </Form.Item>

          {failure === 'network' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('submit.networkFailed')}
              description={t('submit.networkHint')}
              data-testid="appeal-submit-failed"
              action={
                <Button
                  danger
                  icon={<ReloadOutlined />}
                  loading={sending}
                  onClick={() => pending && void send(pending, draft.key)}
                  data-testid="appeal-submit-retry"
                >
                  {t('submit.retry')}
                </Button>
              }
            />
          )}
          {failure === 'mismatch' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('submit.mismatch')}
              data-testid="appeal-submit-mismatch"
              description={
                <Flex gap={8} wrap style={{ marginTop: 8 }}>
                  <Link to="/appeals/mine">{t('submit.viewMine')}</Link>
                  <Button size="small" onClick={submitAsNew}>
                    {t('submit.submitAsNew')}
                  </Button>
                </Flex>
              }
            />
          )}

          <Flex gap={8} wrap>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SendOutlined />}
              loading={sending}
              size="large"
              style={{ flex: '1 1 200px' }}
              data-testid="appeal-submit"
            >
              {sending ? t('submit.submitting') : t('submit.submit')}
            </Button>
            <Popconfirm title={t('submit.clearConfirm')} onConfirm={startOver}>
              <Button size="large" disabled={sending} data-testid="appeal-clear">
                {t('submit.clearDraft')}
              </Button>
            </Popconfirm>
          </Flex>
          {draft.savedAt && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {t('submit.draftSaved')}
            </Typography.Text>
          )}
        </Form>
      </Card>
    </Page>
  );
}
