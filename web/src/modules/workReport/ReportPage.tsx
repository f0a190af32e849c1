import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Progress, Result, Select, Spin, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { chineseOrdinal, formatFigure, formatTarget, moduleLabel, splitOpen } from '@common/workReport';
import { chartedFigures, chartHeight, comparisonOption } from '@common/workReportChart';
import { EChart } from '../../shared/EChart';
import { Page } from '../../shared/Page';
import { useExport } from '../../shared/useExport';
import { errorText, useShowError } from '../../shared/errors';
import { useAuth } from '../../shared/auth/AuthContext';
import { downloadReport, useIssue, useNotableCases, useReport, useSaveNarrative, type Narrative, type Report } from './api';
import { NotableCases } from './NotableCases';
import { FigureDrawer } from './FigureDrawer';
import { StatusTag } from './ReportsPage';

type Figure = Report['figures'][number];

/** A report: progress while it generates, then its sections with locked figures and editable words. */
export default function ReportPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('workReport');
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: r, error, isLoading } = useReport(id);
  const save = useSaveNarrative(id ?? '');
  const issue = useIssue(id ?? '');
  const [text, setText] = useState<Narrative>();
  const [open, setOpen] = useState<Figure | null>(null);
  const [version, setVersion] = useState<number>();
  const [downloading, runDownload] = useExport();
  const mayWrite = can('workReport.write') && (r?.status === 'draft' || r?.status === 'issued');
  const { data: suggested } = useNotableCases(id ?? '', !!id && mayWrite);
  useEffect(() => setText(r?.narrative), [r?.narrative]);
  const en = i18n.language === 'en';
  const sections = useMemo(() => {
    const mods = [...new Set((r?.figures ?? []).map((f) => f.module))];
    return mods.map((m) => ({ module: m, figures: r!.figures.filter((f) => f.module === m) }));
  }, [r]);

  if (error) return <Result status="warning" title={errorText(error, t)} />;
  if (isLoading || !r) return <Spin />;
  // Progress needs no narrative: shown from the first render of a queued report.
  if (r.status === 'queued' || r.status === 'generating') {
    return (
      <Page title={r.title}>
        <Card data-testid="wr-progress">
          <Typography.Paragraph>{t('report.progress')}</Typography.Paragraph>
          <Progress percent={r.progress} status="active" />
        </Card>
      </Page>
    );
  }
  if (r.status === 'failed') return <Result status="error" title={t('report.failed')} />;
  if (!text) return <Spin />;
  const writable = mayWrite;
  const dirty = JSON.stringify(text) !== JSON.stringify(r.narrative);

  const setSection = (m: string, v: string) => setText({ ...text, sections: { ...text.sections, [m]: v } });
  const columns: TableColumnsType<Figure> = [
    { title: t('report.indicator'), key: 'label', render: (_, f) => (en ? f.label.en : f.label.zh) },
    { title: t('report.value'), key: 'value', width: 90, render: (_, f) => <b>{formatFigure(f.unit, f.value)}</b> },
    { title: t('report.previous'), key: 'previous', width: 90, render: (_, f) => formatFigure(f.unit, f.previous.value) },
    { title: t('report.target'), key: 'target', width: 90, render: (_, f) => formatTarget(f.unit, f.target) },
    {
      title: t('report.counts'),
      key: 'counts',
      width: 110,
      render: (_, f) => (f.unit === 'count' ? f.numerator : `${f.numerator} / ${f.denominator}`),
    },
    {
      title: t('report.ref'),
      dataIndex: 'ref',
      width: 70,
      render: (ref: string, f) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(f)} data-testid={`wr-ref-${ref}`}>
          [{ref}]
        </Button>
      ),
    },
  ];
  return (
    <Page
      title={
        <Flex gap={8} align="center" wrap>
          {r.title} <StatusTag status={r.status} />
        </Flex>
      }
      extra={
        <>
          <Select<number | undefined>
            value={version}
            onChange={setVersion}
            options={[
              { value: undefined, label: t('report.current') },
              ...r.versions.map((v) => ({ value: v.version, label: t('report.versionN', { n: v.version }) })),
            ]}
            style={{ width: 110 }}
            aria-label={t('report.version')}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => runDownload(() => downloadReport(r.id, 'docx', version))}
            data-testid="wr-docx"
          >
            {t('report.docx')}
          </Button>
          <Tooltip title={r.pdfAvailable ? undefined : t('report.noPdf')}>
            <Button icon={<DownloadOutlined />} disabled={!r.pdfAvailable} onClick={() => runDownload(() => downloadReport(r.id, 'pdf', version))}>
              {t('report.pdf')}
            </Button>
          </Tooltip>
          {writable && (
            <Button
              icon={<SaveOutlined />}
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate(text, { onSuccess: () => message.success(t('report.saved')), onError: showError })}
              data-testid="wr-save"
            >
              {t('report.save')}
            </Button>
          )}
          {writable && r.status === 'draft' && (
            <Popconfirm
              title={t('report.issueConfirm', { version: r.version + 1 })}
              onConfirm={() => issue.mutate(undefined, { onSuccess: (x) => message.success(t('report.issued', { version: x.version })), onError: showError })}
            >
              <Button type="primary" icon={<SendOutlined />} disabled={dirty} loading={issue.isPending} data-testid="wr-issue">
                {t('report.issue')}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Alert type="info" showIcon message={t('report.figuresLocked')} style={{ marginBottom: 16 }} />
      <Card size="small" title={t('report.summary')} style={{ marginBottom: 16 }}>
        <Input.TextArea
          value={text.summary}
          onChange={(e) => setText({ ...text, summary: e.target.value })}
          autoSize={{ minRows: 3 }}
          readOnly={!writable}
          maxLength={10_000}
          data-testid="wr-summary"
        />
      </Card>
      {sections.map((s, i) => (
        <Card
          key={s.module}
          size="small"
          title={`${chineseOrdinal(i + 2)}、${en ? moduleLabel(s.module).en : moduleLabel(s.module).zh}`}
          style={{ marginBottom: 16 }}
          data-testid={`wr-section-${s.module}`}
        >
          {splitOpen(s.figures).done.length > 0 && <FigureTable figures={splitOpen(s.figures).done} columns={columns} />}
          <SectionChart figures={s.figures} en={en} />
          <Input.TextArea
            value={text.sections[s.module] ?? ''}
            onChange={(e) => setSection(s.module, e.target.value)}
            placeholder={t('report.sectionHint')}
            autoSize={{ minRows: 3 }}
            readOnly={!writable}
            maxLength={10_000}
            style={{ marginTop: 12 }}
          />
          <NotableCases
            module={s.module}
            picked={text.cases?.[s.module] ?? []}
            suggested={suggested?.items.find((x) => x.module === s.module)?.cases ?? []}
            writable={writable}
            onChange={(list) => setText({ ...text, cases: { ...text.cases, [s.module]: list } })}
          />
          {splitOpen(s.figures).open.length > 0 && (
            <div data-testid={`wr-open-${s.module}`} style={{ marginTop: 12 }}>
              <Typography.Title level={5}>{t('report.openProblems', { date: (r.generatedAt ?? '').slice(0, 10) })}</Typography.Title>
              <FigureTable figures={splitOpen(s.figures).open} columns={columns} />
            </div>
          )}
        </Card>
      ))}
      <Card size="small" title={`${chineseOrdinal(sections.length + 2)}、${t('report.plan')}`}>
        <Input.TextArea
          value={text.plan}
          onChange={(e) => setText({ ...text, plan: e.target.value })}
          autoSize={{ minRows: 3 }}
          readOnly={!writable}
          maxLength={10_000}
          data-testid="wr-plan"
        />
      </Card>
      <FigureDrawer reportId={r.id} figure={open} orgName={r.orgName} onClose={() => setOpen(null)} />
    </Page>
  );
}

/** A practice's figures with their counts and reference codes (each opens its drill). */
function FigureTable({ figures, columns }: { figures: Figure[]; columns: TableColumnsType<Figure> }) {
  return <Table<Figure> rowKey="ref" size="small" pagination={false} dataSource={figures} scroll={{ x: 610 }} columns={columns} />;
}

/** The chart the .docx embeds for this practice, from the same options. */
function SectionChart({ figures, en }: { figures: Figure[]; en: boolean }) {
  const compared = figures.map((f) => ({ label: f.label, unit: f.unit, current: f.value, previous: f.previous.value }));
  const n = chartedFigures(compared).length;
  return n ? <EChart height={chartHeight(n)} option={comparisonOption(compared, en)} /> : null;
}
