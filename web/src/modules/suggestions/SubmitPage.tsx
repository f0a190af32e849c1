import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Spin } from 'antd';
import type { FileRef } from '@common/schemas/files';
import { FileField } from '../../shared/FileField';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../shared/Page';
import { useFormErrorHandler } from '../../shared/errors';
import { useCampaigns, useSubmit } from './api';

interface Values {
  campaignId: string;
  title: string;
  problem: string;
  proposal: string;
  expectedBenefit: string;
  teamName?: string;
  files?: FileRef[];
}

/** A worker submits a suggestion from a phone: problem, proposal, expected benefit. */
export default function SubmitPage() {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const submit = useSubmit();
  const navigate = useNavigate();
  // A photo still uploading would be left out of the submission: the button waits for it.
  const [uploading, setUploading] = useState(false);
  const campaigns = useCampaigns();
  const open = (campaigns.data?.items ?? []).filter((c) => c.open);
  const send = ({ files, ...v }: Values) =>
    submit.mutate(
      { ...v, teamName: v.teamName?.trim() || undefined, fileIds: files?.length ? files.map((f) => f.id) : undefined },
      {
        onSuccess: (s) => {
          void message.success(t('submit.sent', { code: s.code }));
          void navigate(`/suggestions/${s.id}`);
        },
        onError,
      },
    );
  return (
    <Page title={t('submit.title')}>
      <Card style={{ maxWidth: 640 }}>
        <Alert type="info" showIcon message={t('submit.hint')} style={{ marginBottom: 16 }} />
        {/* The form mounts once the campaigns are in, so its initial campaign is the open one (a remount keeps the old store empty). */}
        {!campaigns.isSuccess ? (
          <Spin />
        ) : !open.length ? (
          <Alert type="warning" message={t('submit.noCampaign')} />
        ) : (
          <Form form={form} layout="vertical" onFinish={send} initialValues={{ campaignId: open[0].id }}>
            <Form.Item name="campaignId" label={t('submit.campaign')} rules={[{ required: true }]}>
              <Select options={open.map((c) => ({ value: c.id, label: `${c.title}（${c.startsOn} 至 ${c.endsOn}）` }))} data-testid="suggestion-campaign" />
            </Form.Item>
            <Form.Item name="title" label={t('submit.titleField')} rules={[{ required: true, max: 100 }]}>
              <Input data-testid="suggestion-title" />
            </Form.Item>
            <Form.Item name="problem" label={t('submit.problem')} rules={[{ required: true, max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="suggestion-problem" />
            </Form.Item>
            <Form.Item name="proposal" label={t('submit.proposal')} rules={[{ required: true, max: 4000 }]}>
              <Input.TextArea rows={4} data-testid="suggestion-proposal" />
            </Form.Item>
            <Form.Item name="expectedBenefit" label={t('submit.expectedBenefit')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea rows={2} data-testid="suggestion-benefit" />
            </Form.Item>
            <Form.Item name="teamName" label={t('submit.teamName')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="files" label={t('submit.files')} extra={t('submit.filesHint')}>
              <FileField onBusyChange={setUploading} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submit.isPending} disabled={uploading} data-testid="suggestion-submit">
              {t('submit.send')}
            </Button>
          </Form>
        )}
      </Card>
    </Page>
  );
}
