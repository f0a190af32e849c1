import { Alert, Card, Col, Flex, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Term } from './api';

/** The roster's make-up and each proportion rule, with a warning for every rule it breaks. */
export function RosterCheck({ roster }: { roster: Term['roster'] }) {
  const { t } = useTranslation('congress');
  const stats = [
    ['total', roster.total],
    ['leaders', roster.leaders],
    ['frontLine', roster.frontLine],
    ['women', roster.women],
    ['dispatched', roster.dispatched],
  ] as const;
  return (
    <Card title={t('roster.title')} size="small">
      <Row gutter={[16, 16]}>
        {stats.map(([k, v]) => (
          <Col key={k} xs={8} sm={4}>
            <Statistic title={t(`roster.${k}`)} value={v} />
          </Col>
        ))}
      </Row>
      <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="congress-roster-checks">
        <Alert
          type={roster.warnings ? 'warning' : 'success'}
          showIcon
          message={roster.warnings ? t('roster.warnings', { n: roster.warnings }) : t('roster.ok')}
        />
        {roster.checks.map((c) => (
          <Alert key={c.rule} type={c.ok ? 'info' : 'warning'} message={c.message} />
        ))}
      </Flex>
    </Card>
  );
}
