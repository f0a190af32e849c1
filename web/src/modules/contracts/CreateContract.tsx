import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONTRACT_KINDS, CONTRACT_SIDES } from '@common/contracts';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useContractWrite } from './api';
import { todayInShanghai as today } from '../../shared/time';

/** A bargaining request (要约) opens a contract: the 20-day reply clock starts on its date. */
export function CreateContract() {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const write = useContractWrite();
  const submit = (body: Record<string, unknown>) =>
    write.mutate(
      { path: '/contracts', body },
      { onSuccess: (r) => (void message.success(t('act.done')), setOpen(false), navigate(`/contracts/${(r as { id: string }).id}`)), onError },
    );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="contracts-create">
        {t('create.button')}
      </Button>
      <Modal
        open={open}
        title={t('create.button')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'contracts-create-submit' } as Record<string, string>}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ kind: 'collective', requestedBy: 'union', requestDate: today(), termYears: 1 }}
        >
          <Form.Item name="orgId" label={t('create.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('list.kind')} rules={[{ required: true }]}>
            <Select options={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('create.title')} rules={[{ required: true }]}>
            <Input maxLength={100} data-testid="contracts-field-title" />
          </Form.Item>
          <Form.Item name="requestedBy" label={t('create.requestedBy')} rules={[{ required: true }]}>
            <Select options={CONTRACT_SIDES.map((k) => ({ value: k, label: t(`side.${k}`) }))} />
          </Form.Item>
          <Form.Item name="requestDate" label={t('create.requestDate')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="termYears" label={t('create.termYears')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
