import { useState } from 'react';
import { Button, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@common/auditLabels';
import { useOrgs } from '../../shared/orgs';
import { Page } from '../../shared/Page';
import { listTableProps } from '../../shared/listTable';
import { formatDateTime } from '../../shared/time';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { AuditFiltersBar } from './AuditFiltersBar';
import { exportAudit, useAuditEvents, type AuditEvent, type AuditFilters } from './api';
import { ChangesView } from './ChangesView';

export default function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  // The raw key stays in the tooltip: it is what the filter and the export use.
  const labelled = (map: typeof AUDIT_ACTION_LABELS, key: string) => (
    <Tooltip title={key}>
      <span>{map[key]?.[lang] ?? key}</span>
    </Tooltip>
  );
  const isMobile = useIsMobile();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exporting, runExport] = useExport();
  const { data, isFetching } = useAuditEvents({ ...filters, ...paging });
  const { data: orgs } = useOrgs();
  const orgName = (id: string | null) => (id ? (orgs?.find((o) => o.id === id)?.name ?? id) : '');

  const applyFilters = (next: AuditFilters) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const onExport = () => runExport(() => exportAudit(filters));

  const columns: TableColumnsType<AuditEvent> = [
    { key: 'at', dataIndex: 'at', title: t('fields.at'), width: 150, render: (v: string) => formatDateTime(v) },
    {
      key: 'actor',
      title: t('fields.actor'),
      width: 130,
      render: (_, e) =>
        e.actorId ? (
          <Tooltip title={t('filterByActor')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => applyFilters({ ...filters, actorId: e.actorId ?? undefined })}>
              {e.actorName ?? e.actorId}
            </Button>
          </Tooltip>
        ) : (
          t('system')
        ),
    },
    { key: 'action', dataIndex: 'action', title: t('fields.action'), width: 170, render: (v: string) => <Tag>{labelled(AUDIT_ACTION_LABELS, v)}</Tag> },
    { key: 'entityType', dataIndex: 'entityType', title: t('fields.entityType'), width: 120, render: (v: string) => labelled(AUDIT_ENTITY_LABELS, v) },
    { key: 'entityId', dataIndex: 'entityId', title: t('fields.entityId'), ellipsis: true },
    { key: 'org', dataIndex: 'orgId', title: t('fields.org'), ellipsis: true, render: (v: string | null) => orgName(v) },
  ];

  return (
    <Page
      title={t('title')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid="audit-export">
          {t('common:actions.export')}
        </Button>
      }
    >
      <AuditFiltersBar value={filters} onChange={applyFilters} isMobile={isMobile} />
      <div data-testid="audit-table">
        <Table<AuditEvent>
          {...listTableProps<AuditEvent, never>({
            query: paging,
            data,
            loading: isFetching,
            onChange: (patch) => setPaging((p) => ({ page: patch.page ?? p.page, pageSize: patch.pageSize ?? p.pageSize })),
            showTotal: (total) => t('common:total', { total }),
            compact: isMobile,
          })}
          size="small"
          columns={columns}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (e) => <ChangesView changes={e.changes} /> }}
        />
      </div>
    </Page>
  );
}
