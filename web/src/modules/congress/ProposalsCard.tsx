import { App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUS_LABELS } from '@common/congress';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { useIsMobile } from '../../shared/useIsMobile';
import { useProposals, useRaise, useSecond, type ProposalRow, type Session } from './api';

/** The session's proposals; a representative raises one (one matter each) and seconds others' from the phone. */
export function ProposalsCard({ s }: { s: Session }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useProposals(s.id, page);
  const second = useSecond();
  const showError = useShowError();
  const rep = s.signedIn !== null;
  return (
    <Card size="small" title={t('proposals.title')} extra={rep && s.status !== 'closed' ? <RaiseButton sessionId={s.id} /> : null}>
      <Table<ProposalRow>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, simple: isMobile }}
        columns={[
          { key: 'number', dataIndex: 'number', title: t('proposals.number'), width: 64, render: (n: number | null) => (n === null ? '' : `${n}`) },
          { key: 'title', dataIndex: 'title', title: t('proposals.subject') },
          { key: 'status', dataIndex: 'status', title: t('proposals.status'), render: (st: ProposalRow['status']) => <Tag>{PROPOSAL_STATUS_LABELS[st][lang]}</Tag> },
          { key: 'seconds', dataIndex: 'seconds', title: t('proposals.seconds'), width: 72, responsive: ['sm'] },
          { key: 'proposer', dataIndex: 'proposerName', title: t('proposals.proposer'), responsive: ['md'] },
          ...(rep
            ? [
                {
                  key: 'act',
                  title: '',
                  render: (_: unknown, p: ProposalRow) =>
                    p.status === 'collecting' ? (
                      <Button size="small" onClick={() => second.mutate(p.id, { onSuccess: () => void message.success(t('proposals.seconded')), onError: showError })}>
                        {t('proposals.second')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function RaiseButton({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('congress');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; reasons: string; solution: string }>();
  const raise = useRaise(sessionId);
  const onError = useFormErrorHandler(form);
  const submit = async () => {
    const v = await form.validateFields();
    raise.mutate(v, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t('proposals.raised'));
      },
      onError,
    });
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="congress-raise">
        {t('proposals.raise')}
      </Button>
      <Modal open={open} title={t('proposals.raise')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={raise.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="title" label={t('proposals.subject')} extra={t('proposals.oneMatter')} rules={[{ required: true, min: 4, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="reasons" label={t('proposals.reasons')} rules={[{ required: true, min: 10, max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="solution" label={t('proposals.solution')} rules={[{ required: true, min: 5, max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
