import { useEffect, useState, type ReactNode } from 'react';
import { Form, Modal, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { validFields } from '../../shared/validFields';

export interface ActionModalProps<V> {
  open: boolean;
  title: ReactNode;
  hint?: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Sends the values; a thrown problem marks the fields it names and keeps the dialog open. */
  onSubmit: (values: V) => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
  testId?: string;
}

/** One dialog shape for every action: a short hint, a few fields, confirm. */
export function ActionModal<V extends object>({ open, title, hint, okText, danger, initialValues, onClose, onSubmit, children, testId }: ActionModalProps<V>) {
  const { t } = useTranslation('appeals');
  const [form] = Form.useForm<V>();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as never);
    }
    // initialValues is a fresh object each render; reset only when the dialog opens.
  }, [open, form]);

  const submit = async () => {
    const values = await validFields(form);
    if (!values) return;
    setBusy(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common:actions.confirm')}
      okButtonProps={{ danger, ...({ 'data-testid': 'action-ok' } as Record<`data-${string}`, string>) }}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <div data-testid={testId}>
        {hint && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {hint}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" requiredMark={false} initialValues={initialValues}>
          {children(form)}
        </Form>
      </div>
    </Modal>
  );
}

/** Optional text: blank means "not given", which the server wants as absent. */
export const optional = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
