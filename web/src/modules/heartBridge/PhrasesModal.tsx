import { useEffect } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { usePhrases, usePutPhrases } from './api';
import { validFields } from '../../shared/validFields';

interface Props {
  schoolId: string;
  open: boolean;
  onClose: () => void;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The school's own encouraging phrases, one per line, for teachers and for families. */
export function PhrasesModal({ schoolId, open, onClose }: Props) {
  const { t } = useTranslation('heartBridge');
  const { message } = App.useApp();
  const { data } = usePhrases(schoolId);
  const save = usePutPhrases(schoolId);
  const [form] = Form.useForm<{ school: string; home: string }>();
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (open && data) form.setFieldsValue({ school: data.school.join('\n'), home: data.home.join('\n') });
  }, [open, data, form]);

  const onOk = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await save.mutateAsync({ school: lines(v.school), home: lines(v.home) });
      void message.success(t('common:saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal open={open} title={t('phrases.edit')} onOk={onOk} onCancel={onClose} confirmLoading={save.isPending} forceRender>
      {data && !data.custom && <Typography.Paragraph type="secondary">{t('phrases.defaults')}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item name="school" label={t('phrases.school')} extra={t('phrases.onePerLine')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="hb-phrases-school" />
        </Form.Item>
        <Form.Item name="home" label={t('phrases.home')} extra={t('phrases.onePerLine')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} data-testid="hb-phrases-home" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
