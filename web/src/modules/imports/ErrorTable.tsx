import { useMemo } from 'react';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from './api';

/** 行号 / 列 / 原因: what the user needs to find and fix the cell in Excel. */
export function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation('imports');
  // One row may carry several errors, even on the same column: key by position.
  const rows = useMemo(() => errors.map((e, i) => ({ ...e, key: i })), [errors]);
  return (
    <div data-testid="import-errors">
      <Table<ImportRowError & { key: number }>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 480 }}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('preview.row'), width: 80 },
          { key: 'column', dataIndex: 'column', title: t('preview.column'), width: 120, render: (v: string | null) => v ?? '—' },
          { key: 'message', dataIndex: 'message', title: t('preview.reason') },
        ]}
      />
    </div>
  );
}
