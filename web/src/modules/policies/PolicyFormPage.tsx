import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { POLICY_LEVELS } from '@common/policies';
import { Page } from '../../shared/Page';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { useAuth } from '../../shared/auth/AuthContext';
import { createPolicy, newVersion, readDocx, usePoliciesWrite, usePolicy } from './api';
import { levelLabel } from './labels';

interface Values {
  orgId?: string;
  title: string;
  issuer: string;
  docNumber?: string;
  level: string;
  effectiveDate: Dayjs;
  text: string;
}

/** The library editor: paste a policy's text (split into 第N条 on save), or a new version of one (?from=<id>). */
export default function PolicyFormPage() {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const { session } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const { data: old } = usePolicy(from);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const [reading, setReading] = useState(false);
  // The .docx fills the text box; the keeper checks it and saves as if pasted.
  const fromDocx = (file: File) => {
    setReading(true);
    readDocx(file)
      .then((r) => {
        form.setFieldValue('text', r.text);
        void message.success(t('form.docxRead', { count: r.articles.length, first: r.articles[0]?.label ?? '', last: r.articles.at(-1)?.label ?? '' }));
      })
      .catch(showError)
      .finally(() => setReading(false));
    return false;
  };
  const grantOrg = session?.roles.find((r) => (r.role === 'unionStaff' || r.role === 'unionChair') && r.orgId)?.orgId ?? undefined;
  const save = usePoliciesWrite((v: Values) => {
    const body = {
      title: v.title,
      issuer: v.issuer,
      docNumber: v.docNumber || undefined,
      level: v.level,
      effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
      text: v.text,
    };
    return from ? newVersion(from)(body) : createPolicy({ ...body, orgId: v.orgId });
  });
  if (from && !old) return <Page title="…">{null}</Page>;
  return (
    <Page title={old ? t('form.titleVersion', { title: old.title }) : t('form.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={
          old
            ? {
                title: old.title,
                issuer: old.issuer,
                docNumber: old.docNumber ?? undefined,
                level: old.level,
                effectiveDate: dayjs(),
                text: old.articles.map((a) => `${a.label} ${a.body}`).join('\n'),
              }
            : { orgId: grantOrg, level: 'company' }
        }
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: (p) => {
              void message.success(t('form.saved', { count: p.articleCount }));
              navigate(`/policies/${p.id}`);
            },
            onError,
          })
        }
      >
        {!from && (
          <Form.Item name="orgId" label={t('form.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('form.name')} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="policy-title" />
        </Form.Item>
        <Form.Item name="issuer" label={t('form.issuer')} rules={[{ required: true, max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="docNumber" label={t('form.docNumber')}>
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('form.level')} rules={[{ required: true }]}>
          <Select options={POLICY_LEVELS.map((v) => ({ value: v, label: levelLabel(v) }))} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={t('form.effectiveDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Upload accept=".docx" showUploadList={false} disabled={reading} beforeUpload={fromDocx}>
          <Button icon={<UploadOutlined />} loading={reading} style={{ marginBottom: 8 }} data-testid="policy-docx">
            {t('form.docx')}
          </Button>
        </Upload>
        <Form.Item name="text" label={t('form.text')} extra={t('form.textHelp')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} data-testid="policy-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('form.save')}
        </Button>
      </Form>
    </Page>
  );
}
