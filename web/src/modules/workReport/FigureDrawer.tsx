import { Alert, Button, Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatFigure } from '@common/workReport';
import type { Report } from './api';
import { drillPath } from './drill';
import { SnapshotRecords } from './SnapshotRecords';

type Figure = Report['figures'][number];

const filterText = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `${k} = ${v}`)
    .join('；');

/** A reference code opened: the figure as snapshotted, its definition, its counts and the list behind it. */
export function FigureDrawer({ reportId, figure, orgName, onClose }: { reportId: string; figure: Figure | null; orgName: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('workReport');
  const navigate = useNavigate();
  const en = i18n.language === 'en';
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      title={figure && t('report.drillTitle', { ref: figure.ref })}
      width={Math.min(520, window.innerWidth)}
      data-testid="wr-drill"
    >
      {figure && (
        <>
          <Typography.Title level={4}>
            {en ? figure.label.en : figure.label.zh} {formatFigure(figure.unit, figure.value)}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('report.definition')}>{en ? figure.definition.en : figure.definition.zh}</Descriptions.Item>
            <Descriptions.Item label={t('report.scope')}>{`${orgName} · ${figure.query.from} — ${figure.query.to}`}</Descriptions.Item>
            <Descriptions.Item label={t('report.numerator')}>{figure.numerator}</Descriptions.Item>
            <Descriptions.Item label={t('report.denominator')}>{figure.denominator}</Descriptions.Item>
            <Descriptions.Item label={t('report.previous')}>{formatFigure(figure.unit, figure.previous.value)}</Descriptions.Item>
            {figure.drill && (
              <Descriptions.Item label={t('report.filters')}>
                <div data-testid="wr-drill-filters">{`${t('report.numerator')}：${filterText(figure.drill.numerator)}`}</div>
                <div>{`${t('report.denominator')}：${filterText(figure.drill.denominator)}`}</div>
              </Descriptions.Item>
            )}
          </Descriptions>
          <SnapshotRecords key={figure.ref} reportId={reportId} figureRef={figure.ref} />
          {figure.drill ? (
            <>
              <Alert type="info" showIcon message={t('report.recordsNote')} style={{ margin: '12px 0' }} />
              <Button type="primary" onClick={() => navigate(drillPath(figure.module, figure.drill!.numerator, figure.query, figure.drillPage))}>
                {t('report.openRecords')}
              </Button>
            </>
          ) : (
            <Alert type="warning" showIcon message={t('dashboard.noDrill')} style={{ marginTop: 12 }} />
          )}
        </>
      )}
    </Drawer>
  );
}
