import { Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { modules } from '../../modules/registry';
import { useAuth } from '../auth/AuthContext';

/** Every module's home cards the user may see, in their declared order. */
export function HomeCards() {
  const { can } = useAuth();
  const cards = useMemo(
    () =>
      modules
        .flatMap((m) => m.homeCards ?? [])
        .filter((c) => !c.permission || can(c.permission))
        .sort((a, b) => a.order - b.order),
    [can],
  );
  return (
    <Row gutter={[16, 16]} data-testid="home-cards">
      {cards.map(({ key, component: Component, width }) => (
        <Col key={key} xs={24} lg={width === 'full' ? 24 : 12} data-testid={`home-card-${key}`}>
          <Suspense
            fallback={
              <Card>
                <Skeleton active paragraph={{ rows: 2 }} />
              </Card>
            }
          >
            <Component />
          </Suspense>
        </Col>
      ))}
    </Row>
  );
}
