import { useState } from 'react';
import { Alert, App, Button, Flex, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { uploadWages, useWageFigures, type Figures, type ImportResult } from './api';

type Exact = Figures['totals'][number]['average'];
/** The rounded figure, with the exact fraction on hover (money fractions are in fen). */
const Fig = ({ v }: { v: Exact | null }) => (v ? <span title={`${v.num}/${v.den}`}>{v.display}</span> : <>—</>);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Wage data of one org by year, category and job family: import from Excel (checked row by row), then the exact figures bargaining cites. */
export default function WagesPage() {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [orgId, setOrgId] = useState<string>();
  const [file, setFile] = useState<File>();
  const [checked, setChecked] = useState<ImportResult>();
  const [busy, setBusy] = useState(false);
  const { data } = useWageFigures(orgId);

  const run = (step: 'check' | 'import', f: File) => {
    setBusy(true);
    uploadWages(step, orgId!, f)
      .then((r) => {
        setChecked(r);
        if (r.written) {
          void message.success(t('wages.imported', { n: r.validRows }));
          setFile(undefined);
          void qc.invalidateQueries({ queryKey: ['contracts', 'wages', orgId] });
        }
      })
      .catch(showError)
      .finally(() => setBusy(false));
  };

  return (
    <Page title={t('wages.title')}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <OrgTreeSelect value={orgId} onChange={(v) => (setOrgId(v), setChecked(undefined))} placeholder={t('wages.org')} />
        <Button icon={<DownloadOutlined />} onClick={() => void download('/contract-wages/template.xlsx', undefined, '工资数据导入模板.xlsx').catch(showError)}>
          {t('wages.template')}
        </Button>
        <Upload accept=".xlsx,.csv" showUploadList={false} disabled={!orgId || busy} beforeUpload={(f) => (setFile(f), run('check', f), false)}>
          <Button icon={<UploadOutlined />} disabled={!orgId} loading={busy} data-testid="contracts-wage-upload">
            {t('wages.check')}
          </Button>
        </Upload>
        {file && checked && !checked.written && !checked.errors.length && (
          <Button type="primary" loading={busy} onClick={() => run('import', file)} data-testid="contracts-wage-import">
            {t('wages.import', { n: checked.validRows, years: checked.years.join('、') })}
          </Button>
        )}
      </Flex>
      {checked && checked.errors.length > 0 && (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          message={t('wages.faults', { n: checked.errors.length })}
          description={
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              pagination={false}
              dataSource={checked.errors}
              columns={[
                { key: 'r', title: t('wages.row'), render: (_, e) => e.row, width: 70 },
                { key: 'c', title: t('wages.column'), render: (_, e) => e.column, width: 200 },
                { key: 'm', title: t('wages.problem'), render: (_, e) => e.message },
              ]}
            />
          }
        />
      )}
      {data && (
        <>
          <Typography.Title level={5}>{t('wages.byYear')}</Typography.Title>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={data.totals}
            locale={{ emptyText: t('wages.empty') }}
            columns={[
              { key: 'y', title: t('wages.year'), render: (_, r) => r.year },
              { key: 'h', title: t('wages.headcount'), render: (_, r) => r.headcount },
              { key: 't', title: t('wages.total'), render: (_, r) => yuan(r.totalFen) },
              { key: 'a', title: t('wages.average'), render: (_, r) => <Fig v={r.average} /> },
              { key: 'g', title: t('wages.growth'), render: (_, r) => <Fig v={r.growth} /> },
              { key: 'm', title: t('wages.multiple'), render: (_, r) => <Fig v={r.multipleOfFirst} /> },
              { key: 'f', title: t('wages.frontVsManagement'), render: (_, r) => <Fig v={r.frontLineVsManagement} /> },
              { key: 'l', title: t('wages.localMinimum'), render: (_, r) => yuan(r.localMinimumFen) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('wages.byGroup')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => `${r.year}-${r.category}-${r.jobFamily}`}
            pagination={false}
            dataSource={data.rows}
            columns={[
              { key: 'y', title: t('wages.year'), render: (_, r) => r.year },
              { key: 'g', title: t('wages.group'), render: (_, r) => `${t(`wages.category.${r.category}`)} · ${t(`wages.family.${r.jobFamily}`)}` },
              { key: 'h', title: t('wages.headcount'), render: (_, r) => r.headcount },
              { key: 'a', title: t('wages.average'), render: (_, r) => <Fig v={r.average} /> },
              { key: 'gr', title: t('wages.growth'), render: (_, r) => <Fig v={r.growth} /> },
              { key: 'l', title: t('wages.lowestVsMinimum'), render: (_, r) => <Fig v={r.lowestVsMinimum} /> },
            ]}
          />
        </>
      )}
    </Page>
  );
}
