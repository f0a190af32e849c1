import { lazy, Suspense } from 'react';
import { Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthContext';
import { useEnumLabel } from '../../shared/enumOptions';
import { Page } from '../../shared/Page';

// ECharts is the heaviest library we ship: the greeting and roles should not wait for it,
// and people who cannot read the roster (workers, families, students) never download it.
const CategoryChart = lazy(() => import('./CategoryChart'));

export default function HomePage() {
  const { t } = useTranslation('dashboard');
  const { session, can } = useAuth();
  const label = useEnumLabel();
  if (!session) return null;

  return (
    <Page title={t('welcome', { name: session.account.displayName })}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('roles')} data-testid="home-roles">
            {session.roles.length ? (
              <Flex wrap gap={8}>
                {session.roles.map((r) => (
                  <Tag key={`${r.role}:${r.orgId ?? ''}`} color="blue">
                    {label('role', r.role)} · {r.orgName ?? t('systemWide')}
                  </Tag>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('noRoles')}</Typography.Text>
            )}
          </Card>
        </Col>
        {can('people.read') && (
          <Col xs={24} lg={14}>
            <Card title={t('chartTitle')}>
              <Suspense fallback={<Spin />}>
                <CategoryChart />
              </Suspense>
            </Card>
          </Col>
        )}
      </Row>
    </Page>
  );
}
