import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/enumOptions';
import type { ImportPreview, ImportPreviewRow } from './api';
import { ErrorTable } from './ErrorTable';

interface Props {
  preview: ImportPreview;
  confirming: boolean;
  onConfirm: () => void;
  onRestart: () => void;
}

export function PreviewStep({ preview, confirming, onConfirm, onRestart }: Props) {
  const { t } = useTranslation('imports');
  const label = useEnumLabel();
  const invalidRows = Math.max(0, preview.totalRows - preview.validRows);

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{preview.fileName}</Typography.Text>
      <Row gutter={[16, 16]} data-testid="import-counts">
        <Col xs={8}>
          <Statistic title={t('preview.total')} value={preview.totalRows} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('preview.valid')} value={preview.validRows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('preview.invalid')} value={invalidRows} styles={{ content: { color: invalidRows ? '#cf1322' : undefined } }} />
        </Col>
      </Row>

      {preview.ignoredColumns.length > 0 && (
        <Alert type="info" showIcon title={t('preview.ignored', { columns: preview.ignoredColumns.join('、') })} data-testid="import-ignored" />
      )}

      {preview.errors.length > 0 ? (
        <Card size="small" title={t('preview.errorsTitle')}>
          <Alert type="warning" showIcon title={t('preview.errorsHint')} style={{ marginBottom: 12 }} />
          <ErrorTable errors={preview.errors} />
        </Card>
      ) : (
        <Alert type="success" showIcon title={t('preview.noErrors')} />
      )}

      {preview.preview.length > 0 && (
        <Card size="small" title={t('preview.previewTitle')}>
          <Table<ImportPreviewRow>
            size="small"
            rowKey="row"
            dataSource={preview.preview}
            pagination={preview.preview.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            scroll={{ x: 720 }}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('preview.row'), width: 70 },
              { key: 'name', dataIndex: 'name', title: t('fields.name') },
              { key: 'employeeNo', dataIndex: 'employeeNo', title: t('fields.employeeNo') },
              { key: 'kind', dataIndex: 'kind', title: t('fields.kind'), render: (v: string | null) => label('personKind', v) },
              {
                key: 'category',
                dataIndex: 'employmentCategory',
                title: t('fields.category'),
                render: (v: string | null) => label('employmentCategory', v),
              },
              { key: 'orgPath', dataIndex: 'orgPath', title: t('fields.orgPath'), ellipsis: true },
              { key: 'phone', dataIndex: 'phone', title: t('fields.phone') },
            ]}
          />
        </Card>
      )}

      {preview.validRows === 0 && <Alert type="error" showIcon title={t('preview.nothingValid')} />}
      <Flex gap={8} wrap>
        <Button onClick={onRestart} disabled={confirming} data-testid="import-restart">
          {t('preview.reupload')}
        </Button>
        <Button
          type="primary"
          onClick={onConfirm}
          loading={confirming}
          // The server writes a batch only when every row is clean: fix the file and upload again.
          disabled={preview.validRows === 0 || preview.errors.length > 0}
          data-testid="import-confirm"
        >
          {t('preview.confirm', { count: preview.validRows })}
        </Button>
      </Flex>
    </Flex>
  );
}
