/**
 * The union declares an honour with criteria that can be assessed: a description in words, and
 * scored criteria (a top score each) and requirements (met or not), with an optional pass mark.
 * The server checks them (unique codes, a top score on scored ones only, a reachable pass mark) and names the field.
 */
import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HONOUR_KIND_LABELS, HONOUR_KINDS, type HonourKind } from '@common/honours';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useCreateHonour } from './api';
import { CriteriaFields, itemsWithKeys, type CriteriaValues } from './CriteriaFields';

interface Values extends CriteriaValues {
  orgId: string;
  kind: HonourKind;
  name: string;
  year: number;
}

export function HonourForm() {
  const { t, i18n } = useTranslation('honours');
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const create = useCreateHonour();
  const year = new Date().getFullYear();
  const submit = (v: Values) => {
    const criteriaItems = itemsWithKeys(v.criteriaItems);
    create.mutate(
      { ...v, criteriaItems, passScore: v.passScore ?? undefined },
      { onSuccess: () => (setOpen(false), form.resetFields(), message.success(t('create.done'))), onError },
    );
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="honour-new">
        {t('create.open')}
      </Button>
      <Modal
        open={open}
        destroyOnHidden
        title={t('create.title')}
        okText={t('create.save')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'honour-save' } as Record<string, string>}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'pioneerTeam', year, criteriaItems: [{ label: '', kind: 'score', max: 40 }] }}
          onFinish={submit}
        >
          <Form.Item name="orgId" label={t('create.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="kind" label={t('create.kind')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={HONOUR_KINDS.map((k) => ({ value: k, label: HONOUR_KIND_LABELS[k][lang] }))} />
            </Form.Item>
            <Form.Item name="year" label={t('create.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} precision={0} />
            </Form.Item>
          </Flex>
          <Form.Item name="name" label={t('create.name')} rules={[{ required: true, max: 60 }]}>
            <Input data-testid="honour-name" />
          </Form.Item>
          <CriteriaFields form={form} />
        </Form>
      </Modal>
    </>
  );
}
