import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FileRef } from '@common/schemas/files';
import { FileField } from '../../shared/FileField';
import { EventTimeline } from '../../shared/EventTimeline';
import { Page } from '../../shared/Page';
import { useShowError, useFormErrorHandler } from '../../shared/errors';
import { useDecidedAction, useDecidedItem } from './api';
import { DecidedProgress, DecidedStatusTag } from './labels';

/** One item: where it stands (progress bar), what happened (timeline), and what the user may do now. */
export default function DecidedItemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { message, modal } = App.useApp();
  const { data: item, isLoading } = useDecidedItem(id);
  const act = useDecidedAction(id);
  const showError = useShowError();
  const [form] = Form.useForm<{ progress: number; note: string; files?: FileRef[] }>();
  const onFormError = useFormErrorHandler(form);
  if (isLoading || !item) return <Spin />;

  const run = (action: 'start' | 'done' | 'reopen') => act.mutateAsync({ action }).then(() => message.success(t('detail.saved')), showError);
  const drop = () => {
    let reason = '';
    modal.confirm({
      title: t('detail.dropReason'),
      content: <Input.TextArea rows={3} maxLength={500} onChange={(e) => (reason = e.target.value)} data-testid="drop-reason" />,
      onOk: () =>
        act.mutateAsync({ action: 'drop', body: { reason } }).then(
          () => message.success(t('detail.saved')),
          (e) => (showError(e), Promise.reject(e)),
        ),
    });
  };

  return (
    <Page title={item.title} extra={<DecidedStatusTag status={item.status} />}>
      <Flex vertical gap={16}>
        <Card>
          <DecidedProgress status={item.status} progress={item.progress} />
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('board.source')}>{item.source.label}</Descriptions.Item>
            <Descriptions.Item label={t('detail.org')}>{item.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('board.owner')}>{item.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('board.due')}>{item.dueDate}</Descriptions.Item>
            {item.dropReason && <Descriptions.Item label={t('detail.dropReason')}>{item.dropReason}</Descriptions.Item>}
          </Descriptions>
          <Flex gap={8} wrap>
            {item.can.start && <Button onClick={() => run('start')}>{t('detail.start')}</Button>}
            {item.can.done && (
              <Popconfirm title={t('detail.done')} onConfirm={() => run('done')}>
                <Button type="primary" data-testid="decided-done">
                  {t('detail.done')}
                </Button>
              </Popconfirm>
            )}
            {item.can.drop && (
              <Button danger onClick={drop}>
                {t('detail.drop')}
              </Button>
            )}
            {item.can.reopen && <Button onClick={() => run('reopen')}>{t('detail.reopen')}</Button>}
          </Flex>
        </Card>
        {item.can.progress && (
          <Card title={t('detail.report')}>
            <Form
              form={form}
              layout="vertical"
              initialValues={{ progress: item.progress }}
              onFinish={({ files, ...v }) =>
                act
                  .mutateAsync({ action: 'progress', body: { ...v, ...(files?.length ? { fileIds: files.map((f) => f.id) } : {}) } })
                  .then(() => (form.resetFields(['note', 'files']), message.success(t('detail.saved'))), onFormError)
              }
            >
              <Form.Item name="progress" label={t('detail.percent')} rules={[{ required: true }]}>
                <InputNumber min={item.progress} max={100} data-testid="progress-percent" />
              </Form.Item>
              <Form.Item name="note" label={t('detail.note')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={1000} placeholder={t('detail.notePlaceholder')} data-testid="progress-note" />
              </Form.Item>
              <Form.Item name="files" label={t('detail.evidence')}>
                <FileField />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={act.isPending} data-testid="progress-submit">
                {t('detail.submit')}
              </Button>
            </Form>
          </Card>
        )}
        {item.children.length > 0 && (
          <Card title={t('detail.children')}>
            {item.children.map((c) => (
              <Flex key={c.id} justify="space-between" gap={8} wrap>
                <Link to={`/decided-items/${c.id}`}>{c.title}</Link>
                <DecidedProgress status={c.status} progress={c.progress} small />
              </Flex>
            ))}
          </Card>
        )}
        <Card title={t('detail.timeline')}>
          <EventTimeline
            events={item.timeline}
            label={(e) => t(`detail.events.${e}`, { defaultValue: e })}
            color={(e) => (e.event === 'overdue' ? 'red' : e.event === 'done' ? 'green' : 'blue')}
            extra={(e) => (
              <>
                {typeof e.data?.progress === 'number' && (
                  <div>
                    {String(e.data.progress)}% · {String(e.data.note ?? '')}
                  </div>
                )}
                {typeof e.data?.reason === 'string' && <div>{e.data.reason}</div>}
                {Array.isArray(e.data?.files) && (
                  <Flex gap={8} wrap>
                    {(e.data.files as { id: string; name: string }[]).map((f) => (
                      <a key={f.id} href={`/api/v1/decided-items/${id}/files/${f.id}`} target="_blank" rel="noreferrer">
                        {f.name}
                      </a>
                    ))}
                  </Flex>
                )}
              </>
            )}
          />
        </Card>
      </Flex>
    </Page>
  );
}
