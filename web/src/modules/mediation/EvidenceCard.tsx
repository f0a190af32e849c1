import { App, Button, Card, Empty, Flex, Form, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '@common/schemas/files';
import { FileField } from '../../shared/FileField';
import { useFormErrorHandler } from '../../shared/errors';
import { useCaseAction, type CaseDetail } from './api';

/** The case's evidence files (each download is audited), and more of them while the case is open. */
export function EvidenceCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('mediation');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ files?: FileRef[] }>();
  const onError = useFormErrorHandler(form);
  const act = useCaseAction(c.id);
  const [busy, setBusy] = useState(false);
  const send = ({ files }: { files?: FileRef[] }) =>
    act.mutate(
      { action: 'evidence', body: { fileIds: (files ?? []).map((f) => f.id) } },
      { onSuccess: () => (form.resetFields(), void message.success(t('evidence.added'))), onError },
    );
  return (
    <Card title={t('evidence.title')} data-testid="mediation-evidence">
      {c.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.none')} />
      ) : (
        <List
          size="small"
          dataSource={c.files}
          renderItem={(f) => (
            <List.Item>
              <a href={`/api/v1/mediation/cases/${c.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </List.Item>
          )}
        />
      )}
      {c.can.addEvidence && (
        <Form form={form} layout="vertical" onFinish={send} style={{ marginTop: 12 }}>
          <Form.Item name="files" label={t('evidence.add')} rules={[{ required: true }]}>
            <FileField onBusyChange={setBusy} />
          </Form.Item>
          <Flex justify="end">
            <Button htmlType="submit" loading={act.isPending} disabled={busy}>
              {t('evidence.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
