import { useState } from 'react';
import { App, Button, Form, Progress, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROSTER_COLUMNS } from '@common/schemas/imports';
import { download } from '../../api/client';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { uploadPeopleSheet, type ImportPreview } from './api';

interface Props {
  defaultOrgId?: string;
  onUploaded: (preview: ImportPreview, orgId: string) => void;
}

interface Values {
  orgId: string;
}

const isSheet = (name: string) => /\.(xlsx|xls|csv)$/i.test(name);
const REQUIRED = new Set<string>([ROSTER_COLUMNS.name, ROSTER_COLUMNS.kind]);

export function UploadStep({ defaultOrgId, onUploaded }: Props) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [percent, setPercent] = useState<number | null>(null);

  const onFinish = async ({ orgId }: Values) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('upload.fileRequired'));
      return;
    }
    setPercent(0);
    try {
      const preview = await uploadPeopleSheet(orgId, file, setPercent);
      onUploaded(preview, orgId);
    } catch (err) {
      onError(err);
    } finally {
      setPercent(null);
    }
  };

  const uploading = percent !== null;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ orgId: defaultOrgId }} disabled={uploading}>
      <Form.Item name="orgId" label={t('upload.org')} rules={[{ required: true, message: t('upload.orgRequired') }]}>
        <OrgTreeSelect style={{ width: '100%', maxWidth: 420 }} />
      </Form.Item>
      <Form.Item
        label={t('upload.file')}
        required
        validateStatus={fileError ? 'error' : undefined}
        help={fileError}
        extra={
          <>
            <div>{t('upload.formatHint')}</div>
            <div data-testid="import-columns">
              {t('upload.columnsTitle')}：
              {Object.values(ROSTER_COLUMNS)
                .map((c) => (REQUIRED.has(c) ? `${c}（${t('upload.required')}）` : c))
                .join('、')}
            </div>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => download('/imports/template.xlsx', undefined, '人员导入模板.xlsx').catch(showError)}
              data-testid="import-template"
            >
              {t('upload.template')}
            </Button>
          </>
        }
      >
        <Upload.Dragger
          accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
          maxCount={1}
          fileList={files}
          // Keep the file here; it is sent with the org in one request on submit.
          beforeUpload={(file) => {
            if (!isSheet(file.name)) {
              void message.error(t('upload.onlyXlsx'));
              return Upload.LIST_IGNORE;
            }
            setFileError(undefined);
            setFiles([{ uid: file.uid, name: file.name, originFileObj: file, status: 'done' }]);
            return false;
          }}
          onRemove={() => setFiles([])}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <Typography.Text>{t('upload.dragHint')}</Typography.Text>
        </Upload.Dragger>
      </Form.Item>
      {uploading && <Progress percent={percent} status="active" data-testid="import-upload-progress" />}
      <Button type="primary" htmlType="submit" loading={uploading} data-testid="import-upload">
        {uploading ? t('upload.uploading') : t('upload.submit')}
      </Button>
    </Form>
  );
}
