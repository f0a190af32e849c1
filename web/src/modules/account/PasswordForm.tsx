import { useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { changePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The server has the final word on strength; this only catches the obvious early. */
const MIN_LENGTH = 8;

export function PasswordForm() {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      void message.success(t('password.changed'));
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} data-testid="password-form">
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('common:form.required', { field: t('password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('common:form.required', { field: t('password.new') }) },
          { min: MIN_LENGTH, message: t('password.tooShort', { min: MIN_LENGTH }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('password.sameAsOld'))) : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common:form.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="password-effect">
        {t('password.effect')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
