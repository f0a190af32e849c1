import { useEffect } from 'react';
import { App, Checkbox, Form, Input, Modal, Radio, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROBOT_EVENTS } from '@common/schemas/notify';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { validFields } from '../../shared/validFields';
import { useRobotEvents, useSaveWebhook, type Webhook, type WebhookFlavor, type WebhookInput } from './api';

interface Values {
  orgId: string;
  flavor: WebhookFlavor;
  url: string;
  enabled: boolean;
  events: string[];
  secret?: string;
  removeSecret?: boolean;
  keyword?: string;
}

/** Creates a robot (`editing` null) or edits one; the URL and the secret are credentials, so an edit sends them only when retyped. */
export function WebhookModal({ open, editing, onClose }: { open: boolean; editing: Webhook | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('webhooks');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const save = useSaveWebhook();
  const events = useRobotEvents();
  const flavor = Form.useWatch('flavor', form);
  const en = i18n.language.startsWith('en');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { orgId: editing.orgId, flavor: editing.flavor, url: '', enabled: editing.enabled, events: editing.events, keyword: editing.keyword ?? '' }
        : { flavor: 'wecom', enabled: true, events: [...DEFAULT_ROBOT_EVENTS] },
    );
  }, [open, editing, form]);

  const onOk = async () => {
    const v = await validFields(form);
    if (!v) return;
    const keyword = v.keyword?.trim() || null;
    const input: WebhookInput = { orgId: v.orgId, flavor: v.flavor, enabled: v.enabled, events: v.events };
    if (v.url?.trim()) input.url = v.url.trim();
    if (v.secret?.trim()) input.secret = v.secret.trim();
    else if (v.removeSecret) input.secret = null;
    if (editing) input.keyword = keyword;
    else if (keyword) input.keyword = keyword;
    try {
      await save.mutateAsync({ id: editing?.id, input });
      void message.success(t('form.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal open={open} title={t(editing ? 'form.titleEdit' : 'form.titleNew')} onOk={onOk} onCancel={onClose} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="orgId" label={t('form.org')} rules={[{ required: true }]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="flavor" label={t('form.flavor')}>
          <Radio.Group options={(['wecom', 'dingtalk'] as const).map((f) => ({ value: f, label: t(`flavor.${f}`) }))} />
        </Form.Item>
        <Form.Item name="url" label={t('form.url')} extra={editing ? editing.url : t('form.urlHint')} rules={editing ? [] : [{ required: true }]}>
          <Input autoComplete="off" inputMode="url" />
        </Form.Item>
        <Form.Item name="events" label={t('form.events')} rules={[{ required: true, type: 'array', min: 1, message: t('form.eventsRequired') }]}>
          <Checkbox.Group style={{ display: 'block' }}>
            {(events.data?.groups ?? []).map((g) => (
              <fieldset key={g.module} style={{ border: 0, margin: '0 0 8px', padding: 0 }}>
                <legend style={{ fontSize: 'inherit', marginBottom: 4 }}>
                  <Typography.Text strong>{en ? g.label.en : g.label.zh}</Typography.Text>
                </legend>
                <Space wrap>
                  {g.events.map((e) => (
                    <Checkbox key={e.key} value={e.key}>
                      {en ? e.label.en : e.label.zh}
                    </Checkbox>
                  ))}
                </Space>
              </fieldset>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {flavor === 'dingtalk' && (
          <>
            <Form.Item name="secret" label={t('form.secret')} extra={editing?.hasSecret ? t('form.secretKept') : t('form.secretHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {editing?.hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked">
                <Checkbox>{t('form.secretRemove')}</Checkbox>
              </Form.Item>
            )}
            <Form.Item name="keyword" label={t('form.keyword')} extra={t('form.keywordHint')}>
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
        <Form.Item name="enabled" label={t('form.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
