import { useState } from 'react';
import { Button, Flex, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_CUTS, type ProposalCut, type ProposalSet } from '@common/congress';
import { Page } from '../../shared/Page';
import { useHeldSessions, useParticipation, useProposalCuts, useProposalDrill, type Cuts } from './api';
import { FigureCard, HeldCard, ParticipationCard, ProposalsDrillCard, pct } from './FigureCard';
import { todayInShanghai as today } from '../../shared/time';

type CutRow = Cuts['rows'][number];
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
  const { t } = useTranslation('congress');
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

  return (
    <Page title={t('figures.title')}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap align="center">
          <Input
            type="date"
            aria-label={t('figures.from')}
            value={period.from}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))}
            style={{ width: 160 }}
          />
          <Typography.Text>—</Typography.Text>
          <Input
            type="date"
            aria-label={t('figures.to')}
            value={period.to}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))}
            style={{ width: 160 }}
          />
          <Segmented<ProposalCut> value={by} onChange={setBy} options={PROPOSAL_CUTS.map((c) => ({ value: c, label: t(`figures.by.${c}`) }))} />
        </Flex>
        <FigureCard<CutRow>
          title={t('figures.proposals')}
          rowKey="key"
          loading={cuts.isFetching}
          rows={cuts.data?.rows ?? []}
          pagination={false}
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
            {
              key: 'screening',
              title: t('figures.screening'),
              render: (_, r) => (
                <span>
                  {setCount(r, 'adopted')}/{setCount(r, 'opinion')}/{setCount(r, 'merged')}/{setCount(r, 'rejected')}
                </span>
              ),
            },
            {
              key: 'abc',
              title: 'A / B / C',
              render: (_, r) => (
                <span>
                  {setCount(r, 'gradeA')}/{setCount(r, 'gradeB')}/{setCount(r, 'gradeC')}
                </span>
              ),
            },
          ]}
        />
        <HeldCard title={t('figures.held')} testId="congress-held" rows={held.data ?? []} loading={held.isFetching} />
        <ParticipationCard title={t('figures.participation')} rows={people.data ?? []} loading={people.isFetching} count={count} />
        {drill && (
          <ProposalsDrillCard
            title={drill.title}
            extra={
              <Button size="small" onClick={() => setDrill(null)}>
                {t('figures.closeList')}
              </Button>
            }
            testId="congress-figure-drill"
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            page={page}
            onPage={setPage}
          />
        )}
      </Flex>
    </Page>
  );
}
