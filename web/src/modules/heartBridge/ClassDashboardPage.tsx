import { Button, Card, Col, Empty, List, Tag, Typography } from 'antd';
import { UnorderedListOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useClassWeeks } from '../../shared/school/api';
import { Board } from '../../shared/Board';
import { RateStat } from '../../shared/school/Stat';
import { useWeekLabel } from '../../shared/school/useWeekLabel';
import { printUrl, useClassDashboard } from './api';
import { editorPath, weekViewPath } from './paths';
import { TrendChart } from './TrendChart';
import '../../shared/school/school.css';

/** How the home–school exchange of one class is going this week and over the term. */
export default function ClassDashboardPage() {
  const { t } = useTranslation('heartBridge');
  const { classId = '' } = useParams();
  const navigate = useNavigate();
  const { data, isLoading, error } = useClassDashboard(classId);
  const weeks = useClassWeeks(classId);
  const label = useWeekLabel(weeks.data?.items);
  const w = data?.week;

  return (
    <Page
      title={
        <span data-testid="hb-dash-title">
          {t('dash.title')} {data ? `· ${data.className}` : ''}
        </span>
      }
      extra={
        data?.week && (
          <>
            <Link to={weekViewPath(classId, data.week.week)}>
              <Button icon={<UnorderedListOutlined />} data-testid="hb-dash-weekview">
                {t('dash.weekView')}
              </Button>
            </Link>
            <Button icon={<PrinterOutlined />} href={printUrl(classId, data.week.week)} target="_blank" rel="noopener" data-testid="hb-dash-print">
              {t('klass.print')}
            </Button>
          </>
        )
      }
    >
      <Board error={error} loading={isLoading}>
        {data && (
          <>
            <Col xs={24}>
              <Typography.Text type="secondary">
                {data.termName}
                {w ? ` · ${t('dash.thisWeek', { week: label(w.week) })}` : ''}
              </Typography.Text>
            </Col>
            <Col xs={24} md={8}>
              <RateStat label={t('dash.coverage')} figure={w?.coverage} layout="counts" hint={t('dash.coverageHint')} testId="hb-dash-coverage" />
            </Col>
            <Col xs={12} md={8}>
              <RateStat label={t('dash.replyRate')} figure={w?.replyRate} testId="hb-dash-reply" />
            </Col>
            <Col xs={12} md={8}>
              <RateStat label={t('dash.readRate')} figure={w?.readRate} testId="hb-dash-read" />
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('dash.trend')}>
                <TrendChart trend={data.trend} testId="hb-dash-trend" />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('dash.noExchange')} data-testid="hb-no-exchange">
                {!data.noExchange.length ? (
                  <Empty description={t('dash.noExchangeEmpty')} />
                ) : (
                  <List
                    size="small"
                    dataSource={data.noExchange}
                    renderItem={(r) => (
                      <List.Item
                        data-testid="hb-no-exchange-row"
                        style={{ cursor: data.week ? 'pointer' : undefined }}
                        onClick={() => data.week && navigate(editorPath(classId, data.week.week, r.studentId))}
                      >
                        <List.Item.Meta
                          title={r.studentName}
                          description={`${t('dash.lastExchange')}：${r.lastExchangeWeek ? label(r.lastExchangeWeek) : t('dash.never')}`}
                        />
                        <Tag color="orange">{t('dash.weeks', { n: r.weeks })}</Tag>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          </>
        )}
      </Board>
    </Page>
  );
}
