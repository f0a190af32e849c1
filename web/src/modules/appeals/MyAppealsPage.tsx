import { useState } from 'react';
import { Button, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../shared/Page';
import { useAppeals } from './api';
import { AppealCards } from './AppealCards';

/** The worker's tabs, as status lists the server filters by. */
const TABS = {
  all: undefined,
  open: 'submitted,accepted,assigned,handling',
  toRate: 'answered',
  done: 'closed,declined,merged',
} as const;
type TabKey = keyof typeof TABS;

export default function MyAppealsPage() {
  const { t } = useTranslation('appeals');
  const navigate = useNavigate();
  const [tab, setTab] = useState<TabKey>('all');
  const [at, setAt] = useState<{ page: number; after?: string }>({ page: 1 });
  const query = { ...at, pageSize: 20, status: TABS[tab] };
  const { data, isFetching } = useAppeals(query, 'mine');

  return (
    <Page
      title={t('mine.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/appeals/new')} data-testid="appeals-new">
          {t('mine.new')}
        </Button>
      }
    >
      <Segmented<TabKey>
        block
        value={tab}
        onChange={(k) => {
          setTab(k);
          setAt({ page: 1 });
        }}
        options={(Object.keys(TABS) as TabKey[]).map((k) => ({ value: k, label: t(`mine.tabs.${k}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="appeals-mine-tabs"
      />
      <AppealCards own query={query} data={data} loading={isFetching} onPage={(page) => setAt({ page })} onCursor={setAt} emptyText={t('mine.empty')} />
    </Page>
  );
}
