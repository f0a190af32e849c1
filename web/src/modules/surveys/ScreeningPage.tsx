import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  SCREENING_SOURCE_LABELS,
  SCREENING_SOURCES,
  SCREENING_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SURVEY_PERMISSIONS as P,
  type ScreeningStatus,
} from '@common/surveys';
import { useAuth } from '../../shared/auth/AuthContext';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { useCreateScreening, useScreening, useScreeningAction, useScreeningUnits, type ScreeningItem } from './api';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'default' } as const;

/** The chair's screening list: open problems per unit, then every problem with what may be done next. */
export default function ScreeningPage() {
  const { t, i18n } = useTranslation('surveys');
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const { can, session } = useAuth();
  const office = can(P.manage);
  const { message } = App.useApp();
  const showError = useShowError();
  const [q, setQ] = useState<{ page: number; pageSize: number; status?: string; orgId?: string }>({ page: 1, pageSize: 20, status: 'open,inProgress' });
  const { data, isFetching } = useScreening(q);
  const units = useScreeningUnits(office);
  const act = useScreeningAction();
  const create = useCreateScreening();
  const [adding, setAdding] = useState(false);
  const [decide, setDecide] = useState<ScreeningItem | null>(null);
  const [form] = Form.useForm();
  const [decideForm] = Form.useForm<{ dueDate: Dayjs }>();
  const onFormError = useFormErrorHandler(form);
  const step = (id: string, action: 'start' | 'resolve' | 'drop', note: string) =>
    act.mutate({ id, action, body: { note } }, { onSuccess: () => void message.success(t('screening.done')), onError: showError });

  return (
    <Page
      title={t('screening.title')}
      extra={
        office ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('screening.add')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {office ? (
          <Card size="small" title={t('screening.units')}>
            <Table
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={units.data?.rows ?? []}
              onRow={(r) => ({ onClick: () => setQ((x) => ({ ...x, page: 1, orgId: r.orgId })), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('screening.unit'), dataIndex: 'orgName' },
                { title: t('screening.open'), dataIndex: 'open', align: 'right' },
                { title: t('screening.high'), dataIndex: 'high', align: 'right' },
                { title: t('screening.oldest'), dataIndex: 'oldestDays', align: 'right' },
              ]}
            />
          </Card>
        ) : null}
        <Card
          size="small"
          title={t('screening.list')}
          extra={
            <Flex gap={8} align="center">
              <Switch
                checkedChildren={t('screening.open')}
                unCheckedChildren={t('detail.all')}
                checked={q.status !== undefined}
                onChange={(on) => setQ((x) => ({ ...x, page: 1, status: on ? 'open,inProgress' : undefined }))}
              />
              {q.orgId ? (
                <Button size="small" onClick={() => setQ((x) => ({ ...x, orgId: undefined }))}>
                  {t('detail.all')}
                </Button>
              ) : null}
            </Flex>
          }
        >
          <Table<ScreeningItem>
            rowKey="id"
            size="small"
            loading={isFetching}
            scroll={{ x: true }}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('screening.empty') }}
            pagination={{ current: q.page, pageSize: q.pageSize, total: data?.total ?? 0, onChange: (page) => setQ((x) => ({ ...x, page })) }}
            columns={[
              { title: t('screening.problem'), dataIndex: 'title' },
              { title: t('screening.unit'), dataIndex: 'orgName' },
              { title: t('screening.source'), dataIndex: 'source', render: (v: keyof typeof SCREENING_SOURCE_LABELS) => SCREENING_SOURCE_LABELS[v][lang] },
              {
                title: t('screening.severity'),
                dataIndex: 'severity',
                render: (v: keyof typeof SEVERITY_LABELS) => <Tag color={SEVERITY_COLOR[v]}>{SEVERITY_LABELS[v][lang]}</Tag>,
              },
              { title: t('screening.owner'), dataIndex: 'ownerName' },
              {
                title: t('screening.status'),
                dataIndex: 'status',
                render: (v: ScreeningStatus, r) => (
                  <>
                    {SCREENING_STATUS_LABELS[v][lang]} <Tag>{t('screening.age', { n: r.ageDays })}</Tag>
                  </>
                ),
              },
              {
                title: '',
                render: (_, r) =>
                  r.status === 'open' || r.status === 'inProgress' ? (
                    <Flex gap={4} wrap>
                      {r.status === 'open' ? (
                        <Button size="small" onClick={() => step(r.id, 'start', t('screening.start'))}>
                          {t('screening.start')}
                        </Button>
                      ) : null}
                      <Button size="small" onClick={() => step(r.id, 'resolve', t('screening.resolve'))}>
                        {t('screening.resolve')}
                      </Button>
                      {office ? (
                        <Button size="small" onClick={() => setDecide(r)}>
                          {t('screening.decide')}
                        </Button>
                      ) : null}
                    </Flex>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Flex>
      <Modal
        open={adding}
        title={t('screening.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ source: 'surveyAnswer', severity: 'medium' }}
          onFinish={(v) =>
            create.mutate(
              { ...v, ownerAccountId: session!.account.id },
              { onSuccess: () => (setAdding(false), form.resetFields(), void message.success(t('screening.done'))), onError: onFormError },
            )
          }
        >
          <Form.Item name="orgId" label={t('screening.orgId')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="title" label={t('screening.problem')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('screening.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="source" label={t('screening.source')}>
            <Select options={SCREENING_SOURCES.map((s) => ({ value: s, label: SCREENING_SOURCE_LABELS[s][lang] }))} />
          </Form.Item>
          <Form.Item name="sourceRef" label={t('screening.sourceRef')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="severity" label={t('screening.severity')}>
            <Select options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s][lang] }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!decide}
        title={`${t('screening.decide')}：${decide?.title ?? ''}`}
        onCancel={() => setDecide(null)}
        onOk={() => decideForm.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form
          form={decideForm}
          layout="vertical"
          onFinish={(v) =>
            act.mutate(
              { id: decide!.id, action: 'decide', body: { dueDate: v.dueDate.format('YYYY-MM-DD') } },
              { onSuccess: () => (setDecide(null), void message.success(t('screening.done'))), onError: showError },
            )
          }
        >
          <Form.Item name="dueDate" label={t('screening.dueDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
