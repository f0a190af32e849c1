import { useEffect } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useOrgs } from '../../shared/orgs';
import { useCreateOverride, useDeleteOverride, type CalendarDay, type CalendarOverride } from './api';
import { validFields } from '../../shared/validFields';

interface Props {
  date: Dayjs | null;
  day: CalendarDay | undefined;
  existing: CalendarOverride[];
  onClose: () => void;
}

interface Values {
  working: boolean;
  note: string;
  orgId?: string;
}

export function OverrideModal({ date, day, existing, onClose }: Props) {
  const { t } = useTranslation('calendar');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const create = useCreateOverride();
  const remove = useDeleteOverride();
  const { data: orgs } = useOrgs();

  useEffect(() => {
    if (!date) return;
    form.resetFields();
    // The usual reason to open a day is to flip it.
    form.setFieldsValue({ working: day ? !day.working : false, note: '' });
  }, [date, day, form]);

  const onOk = async () => {
    if (!date) return;
    const values = await validFields(form);
    if (!values) return;
    try {
      await create.mutateAsync({
        date: date.format('YYYY-MM-DD'),
        working: values.working,
        note: values.note.trim(),
        orgId: values.orgId,
      });
      void message.success(t('overrides.created'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  const onRemove = async (id: string) => {
    try {
      await remove.mutateAsync(id);
      void message.success(t('overrides.removed'));
    } catch (err) {
      showError(err);
    }
  };

  const orgName = (id: string | null) => (id ? (orgs?.find((o) => o.id === id)?.name ?? id) : t('overrides.allOrgs'));

  return (
    <Modal
      open={!!date}
      title={date ? t('overrides.add', { date: date.format('YYYY-MM-DD') }) : ''}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      {existing.length > 0 && (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('overrides.existing')}</Typography.Text>
          {existing.map((o) => (
            <Flex key={o.id} justify="space-between" align="center" gap={8}>
              <span>
                {o.working ? t('overrides.workingYes') : t('overrides.workingNo')} · {orgName(o.orgId)}
                {o.note ? ` · ${o.note}` : ''}
              </span>
              <Button size="small" danger loading={remove.isPending} onClick={() => onRemove(o.id)}>
                {t('common:actions.remove')}
              </Button>
            </Flex>
          ))}
        </Flex>
      )}
      <Form form={form} layout="vertical" data-testid="calendar-override-form">
        <Form.Item name="working" label={t('overrides.working')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('overrides.workingYes') },
              { value: false, label: t('overrides.workingNo') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('overrides.note')}
          rules={[{ required: true, whitespace: true, message: t('common:form.required', { field: t('overrides.note') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgId" label={t('overrides.org')} extra={t('overrides.orgHint')}>
          <OrgTreeSelect allowClear style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
