import { lazy, Suspense, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Progress, Select, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SURVEY_CUTS, type SurveyCut } from '@common/surveys';
import { download } from '../../api/client';
import { Page } from '../../shared/Page';
import { useShowError } from '../../shared/errors';
import { useExport } from '../../shared/useExport';
import { useRates, useResults, useSurvey, useSurveyAction } from './api';

const ResultsView = lazy(() => import('./ResultsView'));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** One survey for the office: the draft's questions and the open button; once open, rates, results by cut, export. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: s } = useSurvey(id);
  const act = useSurveyAction(id);
  const [cut, setCut] = useState<SurveyCut | undefined>();
  const [rateCut, setRateCut] = useState<SurveyCut>('unit');
  const live = !!s && s.status !== 'draft';
  const results = useResults(id, cut, live);
  const rates = useRates(id, rateCut, live);
  const [exporting, runExport] = useExport();
  if (!s) return <Spin />;
  const run = (action: 'open' | 'close') =>
    act.mutate(action, {
      onSuccess: (d) => void message.success(action === 'open' ? t('detail.opened', { n: d.recipients }) : t('status.closed')),
      onError: showError,
    });
  return (
    <Page
      title={s.title}
      extra={
        <>
          {s.can.open ? (
            <Popconfirm title={t('detail.confirmOpen')} onConfirm={() => run('open')}>
              <Button type="primary" loading={act.isPending} data-testid="surveys-open">
                {t('detail.open')}
              </Button>
            </Popconfirm>
          ) : null}
          {s.can.close ? <Button onClick={() => run('close')}>{t('detail.close')}</Button> : null}
          {live ? (
            <Button
              loading={exporting}
              onClick={() => void runExport(() => download(`/surveys/${id}/results.xlsx`, cut ? { cut } : undefined, '调研结果.xlsx'))}
            >
              {t('detail.export')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('list.status')}>
              <Tag>{t(`status.${s.status}`)}</Tag>
              {s.anonymous ? <Tag color="purple">{t('list.anonymous')}</Tag> : <Tag>{t('list.named')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('list.org')}>{s.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('list.closesOn')}>{s.closesOn}</Descriptions.Item>
            {live ? (
              <Descriptions.Item label={t('detail.rate')}>
                <span data-testid="surveys-rate">
                  {s.answered} / {s.recipients}
                </span>
                <Progress percent={s.recipients ? Math.round((s.answered / s.recipients) * 100) : 0} size="small" style={{ maxWidth: 200 }} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {s.description ? <Typography.Paragraph type="secondary">{s.description}</Typography.Paragraph> : null}
        </Card>
        {!live ? (
          <Card size="small" title={t('detail.questions')}>
            <Alert type="info" showIcon message={t('detail.draftHint')} style={{ marginBottom: 8 }} />
            <List
              dataSource={s.questions}
              renderItem={(q) => (
                <List.Item>
                  {`${q.sort}. ${q.text}`} <Tag>{t(`kind.${q.kind}`)}</Tag> {q.options.join(' / ')}
                </List.Item>
              )}
            />
          </Card>
        ) : (
          <>
            <Card
              size="small"
              title={t('detail.rates')}
              extra={
                <Select
                  aria-label={t('detail.cut')}
                  value={rateCut}
                  onChange={setRateCut}
                  style={{ minWidth: 140 }}
                  options={SURVEY_CUTS.map((c) => ({ value: c, label: t(`cut.${c}`) }))}
                />
              }
            >
              <Table
                rowKey="group"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={rates.data?.rows ?? []}
                columns={[
                  { title: t(`cut.${rateCut}`), dataIndex: 'label' },
                  { title: t('detail.recipients'), dataIndex: 'recipients', align: 'right' },
                  { title: t('detail.answered'), dataIndex: 'answered', align: 'right' },
                  { title: t('detail.rate'), dataIndex: 'rate', align: 'right', render: pct },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={t('detail.results')}
              extra={
                <Select
                  allowClear
                  aria-label={t('detail.cut')}
                  placeholder={t('detail.noCut')}
                  value={cut}
                  onChange={setCut}
                  style={{ minWidth: 140 }}
                  options={SURVEY_CUTS.map((c) => ({ value: c, label: t(`cut.${c}`) }))}
                  data-testid="surveys-cut"
                />
              }
            >
              {s.anonymous ? <Alert type="info" showIcon message={t('detail.anonymousHint', { n: 5 })} style={{ marginBottom: 8 }} /> : null}
              {results.data ? (
                <>
                  <Typography.Paragraph>{t('detail.respondents', { n: results.data.respondents })}</Typography.Paragraph>
                  <Suspense fallback={<Spin />}>
                    <ResultsView results={results.data} />
                  </Suspense>
                </>
              ) : (
                <Spin />
              )}
            </Card>
          </>
        )}
      </Flex>
    </Page>
  );
}
