import { useState } from 'react';
import { Alert, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFigureRecords, type RecordsPart } from './api';

/**
 * The records a figure counted when the report was generated (the snapshot's ids): they stay
 * as they were when a record changes later. A viewer who may not open the live list (most of
 * the union for hardship) sees the count alone, as everywhere else.
 */
export function SnapshotRecords({ reportId, figureRef }: { reportId: string; figureRef: string }) {
  const { t } = useTranslation('workReport');
  const [part, setPart] = useState<RecordsPart>('numerator');
  const [page, setPage] = useState(1);
  const { data, isLoading } = useFigureRecords(reportId, figureRef, part, page);
  return (
    <div data-testid="wr-snapshot-records" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t('report.asGenerated')}</Typography.Title>
      <Segmented
        value={part}
        onChange={(v) => {
          setPart(v as RecordsPart);
          setPage(1);
        }}
        options={[
          { value: 'numerator', label: t('report.numerator') },
          { value: 'denominator', label: t('report.denominator') },
        ]}
      />
      {data && !data.kept && <Alert type="info" showIcon message={t('report.notKept')} style={{ marginTop: 8 }} />}
      {data && data.kept && !data.visible && <Alert type="info" showIcon message={t('report.countOnly', { count: data.count })} style={{ marginTop: 8 }} />}
      {(isLoading || (data?.kept && data.visible)) && (
        <List
          size="small"
          loading={isLoading}
          header={data && t('report.keptCount', { count: data.total ?? 0 })}
          dataSource={data?.items ?? []}
          pagination={
            data && (data.total ?? 0) > data.pageSize
              ? { current: page, pageSize: data.pageSize, total: data.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }
              : false
          }
          renderItem={(id) => (
            <List.Item>
              {data?.recordPage ? (
                <Link to={data.recordPage.replace(':id', id)}>
                  <Typography.Text code>{id}</Typography.Text>
                </Link>
              ) : (
                <Typography.Text code copyable>
                  {id}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
