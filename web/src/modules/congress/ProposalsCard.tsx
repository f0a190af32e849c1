import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, type ProposalStatus } from '@common/congress';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { ListSearch } from '../../shared/ListSearch';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { usePublish, useProposals, useRaise, useSecond, type ProposalQuery, type ProposalRow, type Session } from './api';

type SortKey = NonNullable<ProposalQuery['sort']>;

/** The session's proposals, filtered, sorted and paged; a representative raises and seconds from the phone, the office publishes. */
export function ProposalsCard({ s }: { s: Session }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [query, setQuery] = useState<ProposalQuery>({ page: 1, pageSize: 20, sort: 'submittedAt', order: 'desc' });
  const patch = (p: ListQueryPatch<SortKey> & { status?: ProposalStatus; q?: string }) => setQuery((q) => ({ ...q, page: 1, ...p }));
  const list = useProposals(s.id, query);
  const second = useSecond();
  const publish = usePublish(s.id);
  const showError = useShowError();
  const rep = s.signedIn !== null;
  return (
    <Card
      size="small"
      title={t('proposals.title')}
      extra={
        <Flex gap={8}>
          {rep && s.status !== 'closed' && <RaiseButton sessionId={s.id} />}
          {s.canManage && (
            <Popconfirm
              title={t('list.publish')}
              onConfirm={() =>
                publish.mutate(undefined, { onSuccess: (r) => void message.success(t('list.published', { n: r.published })), onError: showError })
              }
            >
              <Button loading={publish.isPending}>{t('list.publish')}</Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select<ProposalStatus | ''>
          value={query.status ?? ''}
          onChange={(v) => patch({ status: v || undefined })}
          style={{ minWidth: 140 }}
          aria-label={t('proposals.status')}
          options={[{ value: '', label: t('list.allStatuses') }, ...PROPOSAL_STATUSES.map((x) => ({ value: x, label: PROPOSAL_STATUS_LABELS[x][lang] }))]}
          data-testid="congress-proposal-status"
        />
        <ListSearch
          value={query.q}
          onSearch={(q) => patch({ q })}
          placeholder={t('list.search')}
          width={isMobile ? '100%' : 260}
          testId="congress-proposal-q"
          buttonTestId="congress-proposal-search"
        />
      </Flex>
      <Table<ProposalRow>
        size="small"
        {...listTableProps<ProposalRow, SortKey>({
          query,
          data: list.data,
          loading: list.isFetching,
          onChange: (p) => setQuery((q) => ({ ...q, ...p })),
          showTotal: (n) => `${n}`,
          compact: isMobile,
        })}
        columns={[
          {
            key: 'number',
            dataIndex: 'number',
            title: t('proposals.number'),
            width: 72,
            sorter: true,
            sortOrder: sortOrderOf(query, 'number'),
            render: (n: number | null) => (n === null ? '' : `${n}`),
          },
          {
            key: 'title',
            dataIndex: 'title',
            title: t('proposals.subject'),
            render: (title: string, p) => <Link to={`/congress/proposals/${p.id}`}>{title}</Link>,
          },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('proposals.status'),
            render: (st: ProposalRow['status']) => <Tag>{PROPOSAL_STATUS_LABELS[st][lang]}</Tag>,
          },
          {
            key: 'seconds',
            dataIndex: 'seconds',
            title: t('proposals.seconds'),
            width: 80,
            sorter: true,
            sortOrder: sortOrderOf(query, 'seconds'),
            responsive: ['sm'],
          },
          { key: 'proposer', dataIndex: 'proposerName', title: t('proposals.proposer'), responsive: ['md'] },
          {
            key: 'submittedAt',
            dataIndex: 'submittedAt',
            title: t('list.submittedAt'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'submittedAt'),
            responsive: ['lg'],
            render: (at: string) => at.slice(0, 10),
          },
          ...(rep
            ? [
                {
                  key: 'act',
                  title: '',
                  render: (_: unknown, p: ProposalRow) =>
                    p.status === 'collecting' ? (
                      <Button
                        size="small"
                        onClick={() => second.mutate(p.id, { onSuccess: () => void message.success(t('proposals.seconded')), onError: showError })}
                        data-testid={`congress-second-${p.id}`}
                      >
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
