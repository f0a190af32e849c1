import type { ReactNode } from 'react';
import { Card, Table, Tag, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUS_LABELS, REPRESENTATIVE_CATEGORY_LABELS } from '@common/congress';
import type { HeldRows, ParticipationRows, ProposalRow } from './api';

interface Props<T> {
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  rowKey: TableProps<T>['rowKey'];
  loading: boolean;
  rows: readonly T[];
  columns: TableProps<T>['columns'];
  summary?: TableProps<T>['summary'];
  /** A server-paged list passes its own pagination; a whole list pages itself by 20. */
  pagination?: TableProps<T>['pagination'];
}

/** One of the office's figure tables: a titled card around a small table whose counts open the rows behind them. */
export function FigureCard<T extends object>({ title, extra, testId, rowKey, loading, rows, columns, summary, pagination }: Props<T>) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <Table<T>
        size="small"
        rowKey={rowKey}
        loading={loading}
        dataSource={rows as T[]}
        pagination={pagination ?? { pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        summary={summary}
        columns={columns}
      />
    </Card>
  );
}

/** A share as the office reads it, one decimal; '—' with nothing to divide by. */
export const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

/**
 * Each representative's part (the participation figure's rows, on the figures page and in a work report's drill):
 * name, delegation, category, proposals raised and seconded — counts that open their lists where `count` is given —
 * and sessions attended.
 */
export function ParticipationCard(props: {
  title: ReactNode;
  testId?: string;
  rows: ParticipationRows;
  loading: boolean;
  count?: (n: number, filter: Record<string, string>, title: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { count } = props;
  const part = (n: number, filter: Record<string, string>, title: string) => (count ? count(n, filter, title) : n);
  return (
    <FigureCard<ParticipationRows[number]>
      title={props.title}
      testId={props.testId}
      rowKey="representativeId"
      loading={props.loading}
      rows={props.rows}
      columns={[
        { key: 'name', dataIndex: 'name', title: t('figures.representative') },
        { key: 'delegation', dataIndex: 'delegation', title: t('figures.by.delegation') },
        {
          key: 'category',
          dataIndex: 'category',
          title: t('figures.by.category'),
          render: (c: keyof typeof REPRESENTATIVE_CATEGORY_LABELS) => REPRESENTATIVE_CATEGORY_LABELS[c][lang],
        },
        { key: 'proposals', title: t('figures.raised'), render: (_, r) => part(r.proposals, r.drill.proposals, `${r.name} · ${t('figures.raised')}`) },
        { key: 'seconds', title: t('figures.seconded'), render: (_, r) => part(r.seconds, r.drill.seconds, `${r.name} · ${t('figures.seconded')}`) },
        { key: 'attendance', title: t('figures.attendance'), render: (_, r) => `${r.present}/${r.recorded}` },
      ]}
    />
  );
}

/** The sessions held in a period with present ÷ expected, summed in the last row: the attendance figure's rows. */
export function HeldCard({ title, extra, testId, rows, loading }: { title: ReactNode; extra?: ReactNode; testId: string; rows: HeldRows; loading: boolean }) {
  const { t } = useTranslation('congress');
  return (
    <FigureCard<HeldRows[number]>
      title={title}
      extra={extra}
      testId={testId}
      rowKey="id"
      loading={loading}
      rows={rows}
      summary={(shown) => {
        const present = shown.reduce((n, r) => n + r.present, 0);
        const expected = shown.reduce((n, r) => n + r.expected, 0);
        return shown.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('figures.rate')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{`${present}/${expected}`}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{pct(present, expected)}</Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null;
      }}
      columns={[
        { key: 'name', title: t('figures.session'), render: (_, r) => <Link to={`/congress/sessions/${r.id}`}>{`${r.orgName} ${r.name}`}</Link> },
        { key: 'startsOn', dataIndex: 'startsOn', title: t('figures.heldOn') },
        { key: 'pe', title: t('figures.presentExpected'), render: (_, r) => `${r.present}/${r.expected}` },
        { key: 'rate', title: t('figures.rate'), render: (_, r) => pct(r.present, r.expected) },
      ]}
    />
  );
}

/** The proposals behind one count, paged by the server. */
export function ProposalsDrillCard(props: {
  title: ReactNode;
  extra?: ReactNode;
  testId: string;
  rows: ProposalRow[];
  total: number;
  loading: boolean;
  page: number;
  onPage: (p: number) => void;
}) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <FigureCard<ProposalRow>
      title={props.title}
      extra={props.extra}
      testId={props.testId}
      rowKey="id"
      loading={props.loading}
      rows={props.rows}
      pagination={{ current: props.page, pageSize: 20, total: props.total, onChange: props.onPage, showTotal: (n) => t('figures.total', { n }) }}
      columns={[
        { key: 'number', dataIndex: 'number', title: t('proposals.number'), width: 72 },
        {
          key: 'title',
          dataIndex: 'title',
          title: t('proposals.subject'),
          render: (title: string, p) => <Link to={`/congress/proposals/${p.id}`}>{title}</Link>,
        },
        { key: 'proposer', dataIndex: 'proposerName', title: t('figures.representative') },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('proposals.status'),
          render: (st: keyof typeof PROPOSAL_STATUS_LABELS) => <Tag>{PROPOSAL_STATUS_LABELS[st][lang]}</Tag>,
        },
        { key: 'grade', dataIndex: 'grade', title: t('figures.grade') },
      ]}
    />
  );
}
