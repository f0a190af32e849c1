import { useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_CUTS, PROPOSAL_STATUS_LABELS, REPRESENTATIVE_CATEGORY_LABELS, type ProposalCut, type ProposalSet } from '@common/congress';
import { Page } from '../../shared/Page';
import { useHeldSessions, useParticipation, useProposalCuts, useProposalDrill, type Cuts, type HeldRows, type ParticipationRows } from './api';

type CutRow = Cuts['rows'][number];
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** Each rate as numerator set over denominator set, the same pairs as the registered indicators. */
const RATES: [string, ProposalSet, ProposalSet][] = [
  ['adoption', 'adopted', 'screened'],
  ['onTime', 'answeredOnTime', 'answered'],
  ['satisfaction', 'satisfied', 'rated'],
  ['implementation', 'gradeA', 'graded'],
];

/**
 * The congress office's figures for a period: the proposal rates and the A/B/C split cut by
 * session, lead department, delegation or category, and each representative's part. Every
 * count opens the list of proposals it counts (the server's drill filter), so the two agree.
 */
export default function FiguresPage() {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [period, setPeriod] = useState({ from: `${today().slice(0, 4)}-01-01`, to: today() });
  const [by, setBy] = useState<ProposalCut>('session');
  const [drill, setDrill] = useState<{ filter: Record<string, string>; title: string } | null>(null);
  const [page, setPage] = useState(1);
  const cuts = useProposalCuts({ ...period, by });
  const people = useParticipation(period);
  const held = useHeldSessions(period);
  const list = useProposalDrill(drill?.filter ?? null, page);

  const open = (filter: Record<string, string>, title: string) => {
    setDrill({ filter, title });
    setPage(1);
  };
  const count = (n: number, filter: Record<string, string>, title: string) => (
    <Button type="link" size="small" onClick={() => open(filter, title)} disabled={n === 0}>
      {n}
    </Button>
  );
  const setCount = (r: CutRow, set: ProposalSet) => count(r.counts[set], { ...r.drill, set }, `${r.label} · ${t(`figures.sets.${set}`)}`);
  const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

  return (
    <Page title={t('figures.title')}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap align="center">
          <Input type="date" aria-label={t('figures.from')} value={period.from} onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))} style={{ width: 160 }} />
          <Typography.Text>—</Typography.Text>
          <Input type="date" aria-label={t('figures.to')} value={period.to} onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))} style={{ width: 160 }} />
          <Segmented<ProposalCut> value={by} onChange={setBy} options={PROPOSAL_CUTS.map((c) => ({ value: c, label: t(`figures.by.${c}`) }))} />
        </Flex>
        <Card size="small" title={t('figures.proposals')}>
          <Table<CutRow>
            size="small"
            rowKey="key"
            loading={cuts.isFetching}
            dataSource={cuts.data?.rows ?? []}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { key: 'label', dataIndex: 'label', title: t(`figures.by.${by}`) },
              { key: 'n', title: t('figures.count'), render: (_, r) => count(r.proposals, r.drill, r.label) },
              ...RATES.map(([name, num, den]) => ({
                key: name,
                title: t(`figures.rates.${name}`),
                render: (_: unknown, r: CutRow) => (
                  <span>
                    {pct(r.counts[num], r.counts[den])} ({setCount(r, num)}/{setCount(r, den)})
                  </span>
                ),
              })),
              { key: 'abc', title: 'A / B / C', render: (_, r) => <span>{setCount(r, 'gradeA')}/{setCount(r, 'gradeB')}/{setCount(r, 'gradeC')}</span> },
            ]}
          />
        </Card>
        <Card size="small" title={t('figures.held')}>
          <Table<HeldRows[number]>
            size="small"
            rowKey="id"
            loading={held.isFetching}
            dataSource={held.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="congress-held"
            summary={(rows) => {
              const present = rows.reduce((n, r) => n + r.present, 0);
              const expected = rows.reduce((n, r) => n + r.expected, 0);
              return rows.length ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>{t('figures.rate')}</Table.Summary.Cell>
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
        </Card>
        <Card size="small" title={t('figures.participation')}>
          <Table<ParticipationRows[number]>
            size="small"
            rowKey="representativeId"
            loading={people.isFetching}
            dataSource={people.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('figures.representative') },
              { key: 'delegation', dataIndex: 'delegation', title: t('figures.by.delegation') },
              { key: 'category', dataIndex: 'category', title: t('figures.by.category'), render: (c: keyof typeof REPRESENTATIVE_CATEGORY_LABELS) => REPRESENTATIVE_CATEGORY_LABELS[c][lang] },
              { key: 'proposals', title: t('figures.raised'), render: (_, r) => count(r.proposals, r.drill.proposals, `${r.name} · ${t('figures.raised')}`) },
              { key: 'seconds', title: t('figures.seconded'), render: (_, r) => count(r.seconds, r.drill.seconds, `${r.name} · ${t('figures.seconded')}`) },
              { key: 'attendance', title: t('figures.attendance'), render: (_, r) => `${r.present}/${r.recorded}` },
            ]}
          />
        </Card>
        {drill && (
          <Card size="small" title={drill.title} extra={<Button size="small" onClick={() => setDrill(null)}>{t('figures.closeList')}</Button>} data-testid="congress-figure-drill">
            <Table
              size="small"
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('figures.total', { n }) }}
              columns={[
                { key: 'number', dataIndex: 'number', title: t('proposals.number'), width: 72 },
                { key: 'title', dataIndex: 'title', title: t('proposals.subject'), render: (title: string, p) => <Link to={`/congress/proposals/${p.id}`}>{title}</Link> },
                { key: 'proposer', dataIndex: 'proposerName', title: t('figures.representative') },
                { key: 'status', dataIndex: 'status', title: t('proposals.status'), render: (st: keyof typeof PROPOSAL_STATUS_LABELS) => <Tag>{PROPOSAL_STATUS_LABELS[st][lang]}</Tag> },
                { key: 'grade', dataIndex: 'grade', title: t('figures.grade') },
              ]}
            />
          </Card>
        )}
      </Flex>
    </Page>
  );
}
