import { Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { preloadNamespace } from '../../i18n';
import { useAuth } from '../auth/AuthContext';
import { useDeclaredHomeCards } from './cards';

/** Every module's home cards for the user's roles and permissions, in their declared order. */
export function HomeCards() {
  const { can, session } = useAuth();
  const declared = useDeclaredHomeCards();
  const cards = useMemo(() => {
    const held = new Set(session?.roles.map((r) => r.role) ?? []);
    return declared.filter((c) => (!c.roles || c.roles.some((r) => held.has(r))) && (!c.permission || can(c.permission))).sort((a, b) => a.order - b.order);
  }, [can, session, declared]);
  // Each card's strings load alongside its code rather than after it.
  for (const c of cards) preloadNamespace(c.ns);
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
