import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Select, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTRACT_SIDES, PREP_ITEM_KINDS } from '@common/contracts';
import type { FileRef } from '@common/schemas/files';
import { useFormErrorHandler } from '../../shared/errors';
import { FileField } from '../../shared/FileField';
import { prepFileUrl, useContractWrite, useOfficeSurveys, usePreparation, type Prep } from './api';
import { todayInShanghai as today } from '../../shared/time';

type Item = Prep['items'][number];

/** 协商准备: both sides' negotiators, what each side supplied (who, when, files), and the union's surveys of workers' demands. */
export function PreparationTab({ contractId }: { contractId: string }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const { data } = usePreparation(contractId);
  const write = useContractWrite();
  const [open, setOpen] = useState<'item' | 'survey' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const surveys = useOfficeSurveys(open === 'survey');
  if (!data) return <Spin />;

  const submit = (v: Record<string, unknown>) => {
    const base = `/contracts/${contractId}/preparation`;
    const req =
      open === 'survey'
        ? { path: `${base}/surveys`, body: { surveyId: v.surveyId } }
        : {
            path: `${base}/items`,
            body: { ...v, note: v.note || undefined, files: undefined, fileIds: ((v.files as FileRef[] | undefined) ?? []).map((f) => f.id) },
          };
    write.mutate(req, { onSuccess: () => (void message.success(t('act.done')), setOpen(null)), onError });
  };
  const n = data.negotiators;

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('prep.negotiators', { union: n.union, employer: n.employer })}</Typography.Text>
        <Tag color={n.balanced ? 'green' : 'orange'} data-testid="contracts-prep-balanced">
          {n.balanced ? t('prep.balanced') : t('prep.unbalanced')}
        </Tag>
        {data.open && (
          <>
            <Button
              size="small"
              onClick={() => {
                form.resetFields();
                setOpen('item');
              }}
              data-testid="contracts-prep-add"
            >
              {t('prep.add')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                form.resetFields();
                setOpen('survey');
              }}
              data-testid="contracts-prep-link"
            >
              {t('prep.link')}
            </Button>
          </>
        )}
      </Flex>
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.items}
        locale={{ emptyText: t('prep.noItems') }}
        columns={[
          { key: 'side', title: t('prep.side'), width: 90, render: (_, i) => t(`side.${i.side}`) },
          { key: 'kind', title: t('prep.kind'), width: 120, render: (_, i) => t(`prep.kinds.${i.kind}`) },
          {
            key: 'title',
            title: t('prep.title'),
            render: (_, i) => (
              <>
                {i.title}
                {i.note && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {i.note}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          { key: 'by', title: t('prep.suppliedBy'), width: 160, render: (_, i) => `${i.suppliedBy}（${i.suppliedDate}）` },
          {
            key: 'files',
            title: t('clause.files'),
            render: (_, i) =>
              i.files.map((f) => (
                <Tag key={f.id}>
                  <a href={prepFileUrl(i.id, f.id)} target="_blank" rel="noopener">
                    {f.name}
                  </a>
                </Tag>
              )),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('prep.surveys')}
      </Typography.Title>
      {data.surveys.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prep.noSurveys')} />}
      {data.surveys.map((s) => (
        <Card
          key={s.surveyId}
          size="small"
          style={{ marginBottom: 8 }}
          title={s.digest ? s.digest.title : t('prep.surveyHidden')}
          data-testid="contracts-prep-survey"
        >
          {s.digest && (
            <>
              <Typography.Text>{t('prep.answered', { n: s.digest.respondents, of: s.digest.recipients })}</Typography.Text>
              {s.digest.suppressed ? (
                <Typography.Paragraph type="secondary">{t('prep.suppressed')}</Typography.Paragraph>
              ) : (
                <List
                  size="small"
                  header={t('prep.topConcerns')}
                  dataSource={s.digest.topConcerns}
                  renderItem={(c, i) => <List.Item>{`${i + 1}. ${c.concern}（${t('prep.mentions', { n: c.mentions })}）`}</List.Item>}
                />
              )}
            </>
          )}
        </Card>
      ))}
      <Modal
        open={!!open}
        title={open === 'survey' ? t('prep.link') : t('prep.add')}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okButtonProps={{ disabled: busy, 'data-testid': 'contracts-prep-submit' } as { disabled: boolean }}
        confirmLoading={write.isPending}
        destroyOnHidden
      >
        {open === 'survey' && (
          <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
            <Form.Item name="surveyId" label={t('prep.survey')} rules={[{ required: true }]}>
              <Select
                loading={surveys.isLoading}
                options={(surveys.data ?? []).map((s) => ({ value: s.id, label: `${s.title}（${s.orgName}，${t('prep.answeredShort', { n: s.answered })}）` }))}
                data-testid="contracts-field-surveyId"
              />
            </Form.Item>
          </Form>
        )}
        {open === 'item' && (
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={{ side: 'union', kind: 'information', suppliedDate: today(), files: [] }}
          >
            <Form.Item name="side" label={t('prep.side')} rules={[{ required: true }]}>
              <Select options={CONTRACT_SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))} />
            </Form.Item>
            <Form.Item name="kind" label={t('prep.kind')} rules={[{ required: true }]}>
              <Select options={PREP_ITEM_KINDS.map((k) => ({ value: k, label: t(`prep.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('prep.title')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="contracts-field-prepTitle" />
            </Form.Item>
            <Form.Item name="note" label={t('prep.note')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item name="suppliedBy" label={t('prep.suppliedBy')} rules={[{ required: true }]}>
              <Input maxLength={60} data-testid="contracts-field-suppliedBy" />
            </Form.Item>
            <Form.Item name="suppliedDate" label={t('prep.suppliedDate')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="files" label={t('clause.files')}>
              <FileField onBusyChange={setBusy} max={10} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
