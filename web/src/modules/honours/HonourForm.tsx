/**
 * The union declares an honour with criteria that can be assessed: a description in words, and
 * scored criteria (a top score each) and requirements (met or not), with an optional pass mark.
 * The server checks them (unique codes, a top score on scored ones only, a reachable pass mark) and names the field.
 */
import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CRITERION_KINDS, HONOUR_KIND_LABELS, HONOUR_KINDS, type CriterionKind, type HonourKind } from '@common/honours';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useCreateHonour } from './api';

interface Values {
  orgId: string;
  kind: HonourKind;
  name: string;
  year: number;
  criteria: string;
  criteriaItems: { label: string; kind: CriterionKind; max?: number }[];
  passScore?: number;
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
    // A code per criterion, which its points are stored under.
    const criteriaItems = (v.criteriaItems ?? []).map((c, i) => ({
      key: `c${i + 1}`,
      label: c.label,
      kind: c.kind,
      ...(c.kind === 'score' ? { max: c.max } : {}),
    }));
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
          <Form.Item name="criteria" label={t('create.text')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={2} data-testid="honour-text" />
          </Form.Item>
          <Form.Item label={t('create.items')} extra={t('create.itemsHint')}>
            <Form.List name="criteriaItems">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="baseline">
                      <Form.Item
                        name={[f.name, 'label']}
                        rules={[{ required: true, message: t('create.label') }, { max: 40 }]}
                        style={{ flex: 1, marginBottom: 0 }}
                      >
                        <Input placeholder={t('create.label')} aria-label={t('create.label')} data-testid="criterion-label" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 0 }}>
                        <Select
                          aria-label={t('create.itemKind')}
                          style={{ width: 96 }}
                          options={CRITERION_KINDS.map((k) => ({ value: k, label: t(`criteria.${k}`) }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['criteriaItems', f.name, 'kind']) === 'score' ? (
                            <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: t('create.max') }]} style={{ marginBottom: 0 }}>
                              <InputNumber min={1} max={100} precision={0} placeholder={t('create.max')} aria-label={t('create.max')} style={{ width: 90 }} />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('create.remove')} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 15} onClick={() => add({ label: '', kind: 'check' })}>
                    {t('create.add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="passScore" label={t('create.passScore')}>
            <InputNumber min={0} max={1500} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
