import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportPeople, usePeople } from './api';
import { PeopleCards } from './PeopleCards';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';
import { usePeopleSearch } from './usePeopleSearch';

export default function PeoplePage() {
  const { t } = useTranslation('people');
  const isMobile = useIsMobile();
  const [query, update] = usePeopleSearch();
  const { data, isFetching } = usePeople(query);
  const [exporting, runExport] = useExport();

  // The file lists what the table shows, in the table's order.
  const onExport = (format?: 'csv') =>
    runExport(() => exportPeople({ orgId: query.orgId, kind: query.kind, category: query.category, q: query.q, sort: query.sort, order: query.order }, format));

  const List = isMobile ? PeopleCards : PeopleTable;
  return (
    <Page
      title={t('title')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} onClick={() => onExport()} loading={exporting} data-testid="people-export">
            {t('common:actions.export')}
          </Button>
          <Button onClick={() => onExport('csv')} loading={exporting} data-testid="people-export-csv">
            {t('common:actions.exportCsv')}
          </Button>
        </>
      }
    >
      <PeopleFilters value={query} onChange={update} isMobile={isMobile} />
      <List query={query} data={data} loading={isFetching} onChange={update} />
    </Page>
  );
}
