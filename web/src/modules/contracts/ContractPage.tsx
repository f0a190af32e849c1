import { useState } from 'react';
import { Button, Card, Descriptions, Flex, List, Select, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { Tabs } from '../../shared/Tabs';
import { inspectionUrl, useBoard, useContract, useDiff, useInspection, type Board, type Contract } from './api';
import { ClausePanel } from './ClausePanel';
import { ContractActions } from './ContractActions';
import { PreparationTab } from './PreparationTab';
import { WageNegotiationTab } from './WageNegotiationTab';
import { ContractStatusTag, Light } from './labels';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function ClauseBoard({ board }: { board: Board }) {
  const { t } = useTranslation('contracts');
  return (
    <>
      <Statistic
        title={t('board.health')}
        value={pct(board.health.value)}
        suffix={<Typography.Text type="secondary">{`${board.health.numerator}/${board.health.denominator}`}</Typography.Text>}
        style={{ marginBottom: 12 }}
      />
      <Table<Board['clauses'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={board.clauses}
        expandable={{
          rowExpandable: (c) => c.promise,
          expandedRowRender: (c) => <ClausePanel clauseId={c.id} monitored={board.status === 'effective' || board.status === 'published'} />,
        }}
        columns={[
          { key: 'n', title: t('board.clause'), render: (_, c) => t('board.number', { n: c.number }), width: 90 },
          { key: 'text', title: t('board.text'), render: (_, c) => c.text },
          { key: 'cat', title: t('board.category'), render: (_, c) => t(`category.${c.category}`), width: 120 },
          { key: 'owner', title: t('board.owner'), render: (_, c) => c.ownerOrgName ?? '—', width: 100 },
          {
            key: 'light',
            title: t('board.state'),
            width: 170,
            render: (_, c) =>
              c.promise ? <Light light={c.light} text={c.lastCheck ? t(`check.${c.lastCheck.status}`) : t('board.unchecked')} /> : t('board.noPromise'),
          },
          {
            key: 'cites',
            title: t('board.citations'),
            width: 110,
            render: (_, c) =>
              c.atRisk ? (
                <Tag color="red">{c.groupAlerts ? t('board.atRiskAlert', { n: c.citations }) : t('board.atRisk', { n: c.citations })}</Tag>
              ) : (
                c.citations
              ),
          },
        ]}
      />
    </>
  );
}

function VersionDiff({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const last = contract.currentVersion;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const { data } = useDiff(contract.id, from, to);
  const options = contract.versions.map((v) => ({ value: v.version, label: t('diff.version', { n: v.version, note: v.note ?? '' }) }));
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select aria-label={t('diff.from')} value={from} onChange={setFrom} options={options} style={{ minWidth: 200 }} />→
        <Select aria-label={t('diff.to')} value={to} onChange={setTo} options={options} style={{ minWidth: 200 }} />
      </Flex>
      <List
        dataSource={(data?.clauses ?? []).filter((c) => c.change !== 'same')}
        locale={{ emptyText: t('diff.none') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={`${t('board.number', { n: c.number })} ${c.chapter} · ${t(`diff.${c.change}`)}`}
              description={c.segments.map((s, i) =>
                s.op === 'same' ? (
                  <span key={i}>{s.text}</span>
                ) : s.op === 'insert' ? (
                  <ins key={i} style={{ background: '#d9f7be' }}>
                    {s.text}
                  </ins>
                ) : (
                  <del key={i} style={{ background: '#ffccc7' }}>
                    {s.text}
                  </del>
                ),
              )}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function Negotiation({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={(['union', 'employer'] as const).map((side) => ({
          key: side,
          label: t(`side.${side}`),
          children:
            contract.negotiators
              .filter((n) => n.side === side)
              .map((n) => `${n.name}${n.chief ? t('negotiation.chief') : ''}`)
              .join('、') || '—',
        }))}
      />
      {contract.rounds.map((r) => (
        <Card key={r.seq} size="small" title={t('negotiation.round', { n: r.seq, date: r.heldDate })} style={{ marginTop: 12 }}>
          <Typography.Paragraph>{r.minutes}</Typography.Paragraph>
          <Table
            rowKey="topic"
            size="small"
            pagination={false}
            dataSource={r.positions}
            columns={[
              { key: 'topic', title: t('negotiation.topic'), render: (_, p) => p.topic },
              { key: 'u', title: t('side.union'), render: (_, p) => p.unionPosition },
              { key: 'e', title: t('side.employer'), render: (_, p) => p.employerPosition },
              {
                key: 'a',
                title: '',
                render: (_, p) => <Tag color={p.agreed ? 'green' : 'orange'}>{p.agreed ? t('negotiation.agreed') : t('negotiation.open')}</Tag>,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

function InspectionTab({ id }: { id: string }) {
  const { t } = useTranslation('contracts');
  const { data } = useInspection(id);
  if (!data) return <Spin />;
  return (
    <>
      <Flex gap={24} wrap style={{ marginBottom: 12 }}>
        {(['honoured', 'partly', 'notHonoured', 'notDue'] as const).map((s) => (
          <Statistic key={s} title={t(`check.${s}`)} value={data.counts[s]} />
        ))}
        <Button icon={<PrinterOutlined />} href={inspectionUrl(id)} target="_blank" rel="noopener">
          {t('inspection.print')}
        </Button>
      </Flex>
      <List
        dataSource={data.clauses.filter((c) => c.status && c.status !== 'honoured')}
        locale={{ emptyText: t('inspection.allHonoured') }}
        renderItem={(c) => <List.Item>{`${t('board.number', { n: c.number })} ${c.text} — ${t(`check.${c.status}`)}：${c.finding ?? ''}`}</List.Item>}
      />
    </>
  );
}

/** One contract for the union: its clocks, the clause board with lights, version diff, negotiation, inspection. */
export default function ContractPage() {
  const { id } = useParams();
  const { t } = useTranslation('contracts');
  const { data: c } = useContract(id);
  const { data: board } = useBoard(id);
  if (!c) return <Spin />;
  return (
    <Page title={c.title} extra={<Link to="/contracts">{t('list.title')}</Link>}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'status', label: t('list.status'), children: <ContractStatusTag status={c.status} /> },
          { key: 'kind', label: t('list.kind'), children: t(`kind.${c.kind}`) },
          {
            key: 'reply',
            label: t('list.reply'),
            children: (
              <Light light={c.replyLight} text={c.repliedDate ? t('list.repliedOn', { date: c.repliedDate }) : t('list.replyBy', { date: c.replyDue })} />
            ),
          },
          {
            key: 'vote',
            label: t('detail.vote'),
            children: c.review.mode ? t('detail.votes', { mode: t(`mode.${c.review.mode}`), for: c.review.for ?? 0, eligible: c.review.eligible ?? 0 }) : '—',
          },
          {
            key: 'filing',
            label: t('list.filing'),
            children: c.filingDue ? <Light light={c.filingLight} text={t('list.fileBy', { date: c.filingDue })} /> : '—',
          },
          { key: 'term', label: t('list.term'), children: c.startsOn ? `${c.startsOn} — ${c.endsOn}` : '—' },
        ]}
      />
      <ContractActions c={c} />
      <Tabs
        items={[
          { key: 'board', label: t('tabs.board'), children: board ? <ClauseBoard board={board} /> : <Spin /> },
          { key: 'diff', label: t('tabs.diff'), children: <VersionDiff contract={c} /> },
          { key: 'preparation', label: t('tabs.preparation'), children: <PreparationTab contractId={c.id} /> },
          { key: 'negotiation', label: t('tabs.negotiation'), children: <Negotiation contract={c} /> },
          ...(c.kind === 'wage' ? [{ key: 'wages', label: t('tabs.wages'), children: <WageNegotiationTab c={c} /> }] : []),
          { key: 'inspection', label: t('tabs.inspection'), children: <InspectionTab id={c.id} /> },
        ]}
      />
    </Page>
  );
}
