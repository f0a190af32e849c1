/**
 * One question's results: a bar chart of the whole survey's answers and, when cut, one bar group
 * per group of the cut; suppressed cells are named, never drawn. Lazily loaded: ECharts is heavy.
 */
import { useMemo } from 'react';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import type { SurveyResults } from './api';

type QuestionResult = SurveyResults['questions'][number];

function Chart({ q }: { q: QuestionResult }) {
  const { t } = useTranslation('surveys');
  const option = useMemo<ChartOption | null>(() => {
    const shown = [q.overall, ...q.cells].filter((c) => !c.suppressed);
    if (q.kind === 'scale' || q.kind === 'number') {
      return {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: shown.map((c) => (c.group === 'all' ? t('detail.all') : c.label)) },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('detail.mean', { mean: '' }), data: shown.map((c) => c.mean), barMaxWidth: 32 }],
      };
    }
    if (!q.options.length) return null;
    const useScore = q.kind === 'top3';
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: q.options, inverse: true },
      series: shown.map((c) => ({
        type: 'bar' as const,
        name: c.group === 'all' ? t('detail.all') : c.label,
        // Shares, so groups of different sizes compare.
        data: (useScore ? c.scores : c.counts)?.map((n) => (c.respondents ? Math.round((n / c.respondents) * 1000) / 10 : 0)) ?? [],
        barMaxWidth: 18,
      })),
    };
  }, [q, t]);
  return option ? <EChart option={option} height={Math.max(200, q.options.length * (q.cells.length + 1) * 14 + 60)} data-testid="surveys-chart" /> : null;
}

export default function ResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation('surveys');
  return (
    <Flex vertical gap={12}>
      {results.questions.map((q) => (
        <Card key={q.id} size="small" title={`${q.sort}. ${q.text}`} extra={<Tag>{t(`kind.${q.kind}`)}</Tag>} data-testid="surveys-question-result">
          {q.kind === 'top3' ? <Typography.Paragraph type="secondary">{t('detail.score')}</Typography.Paragraph> : null}
          {q.kind !== 'text' ? <Chart q={q} /> : null}
          {q.cells
            .filter((c) => !c.suppressed)
            .map((c) => (
              <Tag key={c.group} color="blue" data-testid="surveys-group">
                {t('detail.group', { label: c.label, n: c.respondents })}
              </Tag>
            ))}
          {[q.overall, ...q.cells]
            .filter((c) => c.suppressed)
            .map((c) => (
              <Tag key={c.group} data-testid="surveys-suppressed">
                {c.group === 'all' ? t('detail.all') : c.label}：{t('detail.suppressed', { n: results.minCell })}
              </Tag>
            ))}
          {q.textGroups ? (
            <List
              header={t('detail.textGroups')}
              dataSource={q.textGroups}
              renderItem={(g) => (
                <List.Item>
                  <Flex vertical gap={2}>
                    <Typography.Text strong>
                      {g.keywords.join('、') || g.sample[0]} · {t('detail.sameAs', { n: g.size })}
                    </Typography.Text>
                    {g.sample.map((s, i) => (
                      <Typography.Text key={i} type="secondary">
                        「{s}」
                      </Typography.Text>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}
