import { App, Button, Card, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../shared/errors';
import { useOrgs } from '../../shared/orgs';
import { useDeleteOverride, useOverrides, type CalendarOverride } from './api';

export function OverridesTable() {
  const { t } = useTranslation('calendar');
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isLoading } = useOverrides(true);
  const { data: orgs } = useOrgs();
  const remove = useDeleteOverride();

  const onRemove = async (id: string) => {
    try {
      await remove.mutateAsync(id);
      void message.success(t('overrides.removed'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Card size="small" title={t('overrides.title')} style={{ marginTop: 16 }}>
      <div data-testid="calendar-overrides">
        <Table<CalendarOverride>
          size="small"
          rowKey="id"
          loading={isLoading}
          dataSource={data}
          locale={{ emptyText: t('overrides.empty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          columns={[
            { key: 'date', dataIndex: 'date', title: t('overrides.date'), width: 120 },
            {
              key: 'working',
              dataIndex: 'working',
              title: t('overrides.working'),
              width: 90,
              render: (v: boolean) => (v ? t('overrides.workingYes') : t('overrides.workingNo')),
            },
            { key: 'note', dataIndex: 'note', title: t('overrides.note'), ellipsis: true },
            {
              key: 'org',
              dataIndex: 'orgId',
              title: t('overrides.org'),
              ellipsis: true,
              render: (id: string | null) => (id ? (orgs?.find((o) => o.id === id)?.name ?? id) : t('overrides.allOrgs')),
            },
            {
              key: 'actions',
              width: 90,
              render: (_, o) => (
                <Popconfirm title={t('common:confirmDelete')} onConfirm={() => onRemove(o.id)}>
                  <Button size="small" danger type="link">
                    {t('common:actions.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
