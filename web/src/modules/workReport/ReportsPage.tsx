import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Progress, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REPORT_STATUSES, type ReportStatus } from '@common/workReport';
import { Page } from '../../shared/Page';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useIsMobile } from '../../shared/useIsMobile';
import { useOrgs } from '../../shared/orgs';
import { useTerms } from '../../shared/school/api';
import { useFormErrorHandler } from '../../shared/errors';
import { useAuth } from '../../shared/auth/AuthContext';
import { useCreateReport, useReports, type ReportListQuery, type ReportSummary } from './api';
import { PeriodPicker } from './PeriodPicker';
import { thisYear, yearPeriod, type Period } from './period';
import { useDefaultOrg } from './useDefaultOrg';

const STATUS_COLORS: Record<ReportStatus, string> = { queued: 'default', generating: 'processing', draft: 'blue', issued: 'green', failed: 'red' };

export function StatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation('workReport');
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

/** The reports of the orgs the user reaches: filter by org and state, sort by date, generate a new one. */
export default function ReportsPage() {
  const { t } = useTranslation('workReport');
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [q, setQ] = useState<ReportListQuery>({ page: 1 });
  const { data, isFetching } = useReports(q);
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title={t('reports.title')}
      extra={
        can('workReport.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="wr-generate">
            {t('reports.generate')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect value={q.orgId} onChange={(orgId) => setQ({ ...q, orgId, page: 1 })} allowClear placeholder={t('org')} style={{ minWidth: 200 }} />
        <Select<ReportStatus>
          allowClear
          value={q.status}
          onChange={(status) => setQ({ ...q, status, page: 1 })}
          placeholder={t('reports.allStatuses')}
          aria-label={t('reports.allStatuses')}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ minWidth: 120 }}
        />
      </Flex>
      <Table<ReportSummary>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('reports.empty') }}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setQ({ ...q, sort: s.order ? (s.columnKey as 'createdAt' | 'from') : undefined, order: s.order === 'ascend' ? 'asc' : 'desc', page: 1 });
        }}
        pagination={{
          current: q.page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: (page) => setQ({ ...q, page }),
          showSizeChanger: false,
          simple: isMobile,
        }}
        onRow={(r) => ({ onClick: () => navigate(`/work-reports/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('reports.titleCol'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <a href={`/work-reports/${r.id}`} onClick={(e) => e.preventDefault()} data-testid="wr-report-link">
                {v}
              </a>
            ),
          },
          { title: t('reports.orgCol'), dataIndex: 'orgName', width: 140 },
          { key: 'from', title: t('reports.periodCol'), width: 200, sorter: true, render: (_, r) => `${t(`kind.${r.kind}`)} ${r.from} — ${r.to}` },
          {
            title: t('reports.statusCol'),
            dataIndex: 'status',
            width: 120,
            render: (s: ReportStatus, r) => (s === 'generating' ? <Progress percent={r.progress} size="small" /> : <StatusTag status={s} />),
          },
          { title: t('reports.versionCol'), dataIndex: 'version', width: 70 },
          {
            key: 'createdAt',
            title: t('reports.createdCol'),
            dataIndex: 'createdAt',
            width: 160,
            sorter: true,
            render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
          },
        ]}
      />
      {creating && <GenerateModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/work-reports/${id}`)} />}
    </Page>
  );
}

function GenerateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation('workReport');
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [orgId, setOrgId] = useDefaultOrg();
  const [period, setPeriod] = useState<Period>(yearPeriod(thisYear()));
  // A school's own terms, for a term's report (the calendar of the school the report is for).
  const { data: orgs } = useOrgs();
  const { data: terms } = useTerms(orgs?.find((o) => o.id === orgId)?.kind === 'school' ? orgId : undefined);
  const create = useCreateReport();
  return (
    <Modal
      open
      title={t('reports.generateTitle')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => orgId && create.mutate({ orgId, ...period, title: form.getFieldValue('title') || undefined }, { onSuccess: (r) => onCreated(r.id), onError })}
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('org')} name="orgId">
          <OrgTreeSelect value={orgId} onChange={setOrgId} />
        </Form.Item>
        <Form.Item label={t('period')} name="from">
          <Flex gap={8} wrap>
            <PeriodPicker value={period} onChange={setPeriod} terms={terms} />
          </Flex>
        </Form.Item>
        <Form.Item label={t('reports.optionalTitle')} name="title">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
