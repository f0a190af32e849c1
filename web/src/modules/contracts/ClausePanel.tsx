import { useState } from 'react';
import { App, Button, Flex, Form, Input, List, Modal, Select, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKPOINT_STATUSES } from '@common/contracts';
import type { FileRef } from '@common/schemas/files';
import { API_BASE } from '../../api/client';
import { useFormErrorHandler } from '../../shared/errors';
import { FileField } from '../../shared/FileField';
import { useClause, useContractWrite, type Clause } from './api';
import { todayInShanghai as today } from '../../shared/time';

type Checkpoint = Clause['checkpointList'][number];

/** One promise clause under the board: its checkpoints with findings and evidence, and the forms to set and record them. */
export function ClausePanel({ clauseId, monitored }: { clauseId: string; monitored: boolean }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const { data } = useClause(clauseId);
  const write = useContractWrite();
  const [open, setOpen] = useState<'add' | Checkpoint | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  if (!data) return <Spin />;

  const submit = (v: Record<string, unknown>) => {
    const checking = open !== 'add' && open !== null;
    const body = checking
      ? { status: v.status, finding: v.finding || undefined, checkedDate: v.checkedDate, fileIds: ((v.files as FileRef[] | undefined) ?? []).map((f) => f.id) }
      : v;
    const path = checking ? `/contract-checkpoints/${(open as Checkpoint).id}/result` : `/contract-clauses/${clauseId}/checkpoints`;
    write.mutate({ path, body }, { onSuccess: () => (void message.success(t('act.done')), setOpen(null)), onError });
  };

  return (
    <>
      <Table<Checkpoint>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.checkpointList}
        locale={{ emptyText: t('clause.noCheckpoints') }}
        columns={[
          { key: 'due', title: t('clause.due'), render: (_, cp) => cp.dueDate, width: 110 },
          { key: 'method', title: t('clause.method'), render: (_, cp) => `${cp.method}（${t('clause.evidence')}：${cp.evidenceRequired}）` },
          {
            key: 'status',
            title: t('board.state'),
            width: 200,
            render: (_, cp) => (
              <>
                {t(`check.${cp.status}`)}
                {cp.finding ? `：${cp.finding}` : ''}
              </>
            ),
          },
          {
            key: 'files',
            title: t('clause.files'),
            render: (_, cp) =>
              cp.files.map((f) => (
                <Tag key={f.id}>
                  <a href={`${API_BASE}/contract-checkpoints/${cp.id}/files/${f.id}`} target="_blank" rel="noopener">
                    {f.name}
                  </a>
                </Tag>
              )),
          },
          {
            key: 'act',
            width: 120,
            render: (_, cp) =>
              monitored && (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setOpen(cp);
                  }}
                  data-testid="contracts-check"
                >
                  {t('clause.record')}
                </Button>
              ),
          },
        ]}
      />
      {data.citingAppeals.length > 0 && (
        // Code, title and status only: the clause never shows who raised an appeal.
        <List
          size="small"
          header={t('clause.citing')}
          dataSource={data.citingAppeals}
          data-testid="contracts-citing"
          renderItem={(a) => <List.Item>{`${a.code} ${a.title}（${a.submittedDate}）`}</List.Item>}
          style={{ marginTop: 8 }}
        />
      )}
      {monitored && data.promise && (
        <Flex style={{ marginTop: 8 }}>
          <Button
            size="small"
            onClick={() => {
              form.resetFields();
              setOpen('add');
            }}
            data-testid="contracts-add-checkpoint"
          >
            {t('clause.add')}
          </Button>
        </Flex>
      )}
      <Modal
        open={!!open}
        title={open === 'add' ? t('clause.add') : t('clause.record')}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okButtonProps={{ disabled: busy, 'data-testid': 'contracts-check-submit' } as { disabled: boolean }}
        confirmLoading={write.isPending}
        destroyOnHidden
      >
        {open && (
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={open === 'add' ? {} : { status: 'honoured', checkedDate: today(), files: [] }}
          >
            {open === 'add' ? (
              <>
                <Form.Item name="dueDate" label={t('clause.due')} rules={[{ required: true }]}>
                  <Input type="date" data-testid="contracts-field-dueDate" />
                </Form.Item>
                <Form.Item name="method" label={t('clause.method')} rules={[{ required: true }]}>
                  <Input data-testid="contracts-field-method" />
                </Form.Item>
                <Form.Item name="evidenceRequired" label={t('clause.evidence')} rules={[{ required: true }]}>
                  <Input data-testid="contracts-field-evidenceRequired" />
                </Form.Item>
              </>
            ) : (
              <>
                <Form.Item name="status" label={t('board.state')} rules={[{ required: true }]}>
                  <Select
                    options={CHECKPOINT_STATUSES.filter((s) => s !== 'notDue').map((s) => ({ value: s, label: t(`check.${s}`) }))}
                    data-testid="contracts-field-status"
                  />
                </Form.Item>
                <Form.Item name="checkedDate" label={t('clause.checkedDate')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="finding" label={t('clause.finding')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="files" label={t('clause.files')}>
                  <FileField onBusyChange={setBusy} />
                </Form.Item>
              </>
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}
