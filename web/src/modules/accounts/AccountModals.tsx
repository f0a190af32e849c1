import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GrantInput } from '@common/schemas/accounts';
import { useFormErrorHandler } from '../../shared/errors';
import { useCreateAccount, useGrant, useResetPassword, type AccountItem } from './api';
import { GrantFields } from './GrantFields';

interface Props {
  open: boolean;
  onClose: () => void;
}

const grantOf = (g: { role?: GrantInput['role']; orgId?: string | null } | undefined): GrantInput[] =>
  g?.role ? [{ role: g.role, orgId: g.orgId ?? null }] : [];

/**
 * The forms submit through onFinish, never validateFields(): a rejected validation promise
 * left unhandled is the "Object" page error an empty submit used to raise.
 */
export function CreateAccountModal({ open, onClose }: Props) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const create = useCreateAccount();
  const req = (field: string) => [{ required: true, whitespace: true, message: t('required', { field: t(`fields.${field}`) }) }];
  const finish = (v: { username: string; displayName: string; phone?: string; password: string; grant?: { role?: GrantInput['role']; orgId?: string } }) =>
    create.mutate(
      { username: v.username, displayName: v.displayName, phone: v.phone || null, password: v.password, grants: grantOf(v.grant) },
      {
        onSuccess: () => {
          void message.success(t('done.created', { name: v.displayName }));
          form.resetFields();
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal open={open} title={t('create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={finish} data-testid="account-create-form">
        <Form.Item name="username" label={t('fields.username')} rules={req('username')}>
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} rules={req('displayName')}>
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} extra={t('passwordHint')} rules={req('password')}>
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <GrantFields prefix="grant" required={false} />
      </Form>
    </Modal>
  );
}

export function GrantModal({ account, onClose }: { account: AccountItem | null; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const grant = useGrant();
  const finish = (v: { role: GrantInput['role']; orgId?: string }) =>
    account &&
    grant.mutate(
      { id: account.id, grant: { role: v.role, orgId: v.orgId ?? null } },
      {
        onSuccess: () => {
          void message.success(t('done.granted'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open={!!account}
      title={`${t('actions.grant')} · ${account?.displayName ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={grant.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={finish} data-testid="account-grant-form">
        <GrantFields required />
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ account, onClose }: { account: AccountItem | null; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const reset = useResetPassword();
  const finish = (v: { password: string }) =>
    account &&
    reset.mutate(
      { id: account.id, password: v.password },
      {
        onSuccess: () => {
          void message.success(t('done.reset', { name: account.displayName }));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open={!!account}
      title={`${t('actions.reset')} · ${account?.displayName ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item
          name="password"
          label={t('fields.newPassword')}
          extra={t('passwordHint')}
          rules={[{ required: true, message: t('required', { field: t('fields.newPassword') }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
