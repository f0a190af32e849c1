import { App, Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPORTION_RULE_KEYS, PROPORTION_RULE_LABELS } from '@common/congress';
import { useFormErrorHandler } from '../../shared/errors';
import { usePutRules, type Rules } from './api';

/** The office changes the term's proportion rules; an empty box switches a rule off. */
export function RulesButton({ termId, rules }: { termId: string; rules: Rules }) {
  const { t, i18n } = useTranslation('congress');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Rules>();
  const put = usePutRules(termId);
  const onError = useFormErrorHandler(form);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const save = async () => {
    const v = await form.validateFields();
    const body = Object.fromEntries(PROPORTION_RULE_KEYS.map((k) => [k, v[k] ?? null])) as Rules;
    put.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t('rules.saved'));
      },
      onError,
    });
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('rules.edit')}</Button>
      <Modal
        open={open}
        title={t('rules.title')}
        onCancel={() => setOpen(false)}
        onOk={save}
        okText={t('rules.save')}
        confirmLoading={put.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={rules} preserve={false}>
          {PROPORTION_RULE_KEYS.map((k) => (
            <Form.Item key={k} name={k} label={PROPORTION_RULE_LABELS[k][lang]} extra={t('rules.off')}>
              <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
