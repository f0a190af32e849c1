import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { shanghaiToday } from '../../shared/time';
import { useCreateTerm, useDeleteTerm, useTerms, useUpdateTerm, type TermInfo } from '../../shared/school/api';
import { validFields } from '../../shared/validFields';

interface Values {
  name: string;
  range: [Dayjs, Dayjs];
}

const DAY = 'YYYY-MM-DD';

export function TermsCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('school');
  const { message } = App.useApp();
  const { data: terms, isLoading } = useTerms(schoolId);
  const [editing, setEditing] = useState<TermInfo | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const create = useCreateTerm(schoolId);
  const update = useUpdateTerm();
  const remove = useDeleteTerm();
  const today = shanghaiToday().format(DAY);

  const open = (term: TermInfo | 'new') => {
    form.resetFields();
    if (term !== 'new') form.setFieldsValue({ name: term.name, range: [dayjs(term.startDate), dayjs(term.endDate)] });
    setEditing(term);
  };

  const onOk = async () => {
    const v = await validFields(form);
    if (!v) return;
    const input = { name: v.name.trim(), startDate: v.range[0].format(DAY), endDate: v.range[1].format(DAY) };
    try {
      if (editing === 'new') await create.mutateAsync(input);
      else if (editing) await update.mutateAsync({ id: editing.id, ...input });
      void message.success(editing === 'new' ? t('terms.created') : t('common:saved'));
      setEditing(null);
    } catch (err) {
      // The server names startDate/endDate; the form has one range field for both.
      onError(err);
    }
  };

  return (
    <Card
      title={t('terms.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="term-add">
          {t('terms.add')}
        </Button>
      }
      data-testid="terms-card"
    >
      <List
        loading={isLoading}
        dataSource={[...(terms ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate))}
        locale={{ emptyText: <Empty description={t('terms.empty')} /> }}
        renderItem={(term) => (
          <List.Item
            data-testid="term-row"
            actions={[
              <Button key="edit" type="link" size="small" onClick={() => open(term)}>
                {t('common:actions.edit')}
              </Button>,
              <Popconfirm key="delete" title={t('terms.deleteConfirm', { name: term.name })} onConfirm={() => remove.mutateAsync(term.id).catch(showError)}>
                <Button type="link" size="small" danger>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {term.name} {term.startDate <= today && today <= term.endDate && <Tag color="green">{t('terms.current')}</Tag>}
              </Typography.Text>
              <Typography.Text type="secondary">
                {term.startDate} — {term.endDate}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('terms.add') : t('terms.edit')}
        onOk={onOk}
        onCancel={() => setEditing(null)}
        confirmLoading={create.isPending || update.isPending}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('terms.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input placeholder={t('terms.namePlaceholder')} maxLength={40} />
          </Form.Item>
          <Form.Item name="range" label={t('terms.range')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} placeholder={[t('terms.start'), t('terms.end')]} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
