import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStats } from './api';

/** Disqualified nominations by reason, and nominations, disqualifications and awards per unit and year; each count opens its list. */
export function StatsCard() {
  const { t } = useTranslation('honours');
  const { data } = useStats(true);
  if (!data) return null;
  return (
    <Card title={t('stats.title')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Table
            size="small"
            pagination={false}
            rowKey="reason"
            dataSource={data.byReason}
            columns={[
              { title: t('stats.byReason'), render: (_, r) => t(`reason.${r.reason}`) },
              { title: t('stats.disqualified'), render: (_, r) => <Link to={`/honours?status=disqualified&reason=${r.reason}`}>{r.nominations}</Link> },
            ]}
          />
        </Col>
        <Col xs={24} md={14}>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.unitId}-${r.year}`}
            dataSource={data.byUnit}
            columns={[
              { title: t('stats.byUnit'), render: (_, r) => `${r.year} · ${r.unitName}` },
              { title: t('stats.nominations'), render: (_, r) => r.nominations },
              { title: t('stats.disqualified'), render: (_, r) => r.disqualified },
              { title: t('stats.awards'), render: (_, r) => r.awards },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
