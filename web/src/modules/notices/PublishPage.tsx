import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NOTICE_KINDS, NOTICE_SCHEDULES } from '@common/notices';
import { Page } from '../../shared/Page';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useEnumOptions } from '../../shared/enumOptions';
import { useFormErrorHandler } from '../../shared/errors';
import { publishNotice, useNoticesWrite } from './api';

interface Values {
  orgId: string;
  title: string;
  body: string;
  kind: string;
  categories?: string[];
  schedule?: string;
  nextDueDate?: { format(f: string): string };
}

/** The publisher's form: scope, kind (a periodic one with its schedule), categories, text. */
export default function PublishPage() {
  const { t } = useTranslation('notices');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const categories = useEnumOptions('employmentCategory');
  const kind = Form.useWatch('kind', form);
  const send = useNoticesWrite(publishNotice);
  const submit = (v: Values) =>
    send.mutate(
      { ...v, categories: v.categories?.length ? v.categories : undefined, nextDueDate: v.nextDueDate?.format('YYYY-MM-DD') },
      {
        onSuccess: (n) => {
          void message.success(t('publish.done'));
          navigate(`/notices/${n.id}`);
        },
        onError,
      },
    );
  return (
    <Page title={t('publish.title')}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'adHoc' }} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="orgId" label={t('publish.org')} rules={[{ required: true }]}>
          <OrgTreeSelect id="orgId" />
        </Form.Item>
        <Form.Item name="title" label={t('publish.titleField')} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label={t('publish.body')} rules={[{ required: true, max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 6 }} data-testid="notice-body" />
        </Form.Item>
        <Form.Item name="kind" label={t('publish.kind')} rules={[{ required: true }]}>
          <Select options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        {kind === 'periodic' && (
          <>
            <Form.Item name="schedule" label={t('publish.schedule')} rules={[{ required: true }]}>
              <Select options={NOTICE_SCHEDULES.map((s) => ({ value: s, label: t(`schedule.${s}`) }))} />
            </Form.Item>
            <Form.Item name="nextDueDate" label={t('publish.nextDueDate')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        <Form.Item name="categories" label={t('publish.categories')}>
          <Select mode="multiple" allowClear options={categories} aria-label={t('publish.categories')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="notice-send">
          {t('publish.send')}
        </Button>
      </Form>
    </Page>
  );
}
