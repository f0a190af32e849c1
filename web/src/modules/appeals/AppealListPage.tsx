import { Alert, Button, Flex, Select, Typography } from 'antd';
import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../shared/Page';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportAppeals, useAppeals, type AppealQuery } from './api';
import { AppealCards } from './AppealCards';
import { AppealFilters } from './AppealFilters';
import { AppealTable } from './AppealTable';
import { filtersOf, useAppealSearch } from './useAppealSearch';

const PHONE_SORTS = {
  submittedAtDesc: { sort: undefined, order: undefined },
  submittedAtAsc: { sort: 'submittedAt', order: 'asc' },
  dueDateAsc: { sort: 'dueDate', order: 'asc' },
  updatedAtDesc: { sort: 'updatedAt', order: 'desc' },
} as const satisfies Record<string, Pick<AppealQuery, 'sort' | 'order'>>;
type PhoneSort = keyof typeof PHONE_SORTS;

function phoneSortOf(q: AppealQuery): PhoneSort {
  const hit = (Object.keys(PHONE_SORTS) as PhoneSort[]).find((k) => PHONE_SORTS[k].sort === q.sort && (!q.sort || PHONE_SORTS[k].order === q.order));
  return hit ?? 'submittedAtDesc';
}

/**
 * The working list of appeals: union staff see everything raised in their subtree (the
 * inbox), handlers what is assigned to their department. The server decides the scope;
 * this page only adds filters, which are the very parameters the dashboard drills with.
 */
export function AppealListPage({ mode }: { mode: 'inbox' | 'assigned' }) {
  const { t } = useTranslation('appeals');
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [query, update, reset] = useAppealSearch();
  const { data, isFetching } = useAppeals(query);
  const [exporting, runExport] = useExport();

  const onExport = (format?: 'csv') => runExport(() => exportAppeals(filtersOf(query), format));

  return (
    <Page
      title={mode === 'inbox' ? t('list.inboxTitle') : t('list.assignedTitle')}
      extra={
        <>
          {mode === 'assigned' && (
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/appeals/dashboard')}>
              {t('list.dashboard')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => onExport()} loading={exporting} data-testid="appeals-export">
            {t('common:actions.export')}
          </Button>
          <Button onClick={() => onExport('csv')} loading={exporting} data-testid="appeals-export-csv">
            {t('common:actions.exportCsv')}
          </Button>
        </>
      }
    >
      <AppealFilters value={query} onChange={update} onReset={reset} isMobile={isMobile} showDepartment={mode === 'inbox'} />
      {data?.searchCapped && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('list.searchCapped')} data-testid="appeals-search-capped" />}
      {isMobile ? (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" data-testid="appeals-total">
              {t('common:total', { total: data?.totalCapped ? `${data.total}+` : (data?.total ?? 0) })}
            </Typography.Text>
            <Select<PhoneSort>
              size="small"
              value={phoneSortOf(query)}
              onChange={(k) => update({ ...PHONE_SORTS[k] })}
              options={(Object.keys(PHONE_SORTS) as PhoneSort[]).map((k) => ({ value: k, label: t(`list.sortOptions.${k}`) }))}
              style={{ width: 130 }}
              aria-label={t('list.sort')}
              data-testid="appeals-sort"
            />
          </Flex>
          <AppealCards query={query} data={data} loading={isFetching} onPage={(page) => update({ page })} onCursor={update} />
        </>
      ) : (
        <AppealTable query={query} data={data} loading={isFetching} onChange={update} />
      )}
    </Page>
  );
}
