import { Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { useEnumLabel } from '../../shared/enumOptions';
import { Page } from '../../shared/Page';
import { PasswordForm } from './PasswordForm';
import { TokensPanel } from './TokensPanel';

export default function AccountPage() {
  const { t } = useTranslation('account');
  const { session, can } = useAuth();
  const label = useEnumLabel();
  if (!session) return null;

  return (
    <Page title={t('title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.title')} size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('profile.username'), children: session.account.username },
                { key: 'displayName', label: t('profile.displayName'), children: session.account.displayName },
                {
                  key: 'roles',
                  label: t('profile.roles'),
                  children: (
                    <Flex wrap gap={4}>
                      {session.roles.map((r) => (
                        <Tag key={`${r.role}:${r.orgId ?? ''}`}>
                          {label('role', r.role)} · {r.orgName ?? t('profile.systemWide')}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('password.title')} size="small">
            <PasswordForm />
          </Card>
        </Col>
        {/* API tokens serve integrations run by people who work in the organisation;
            workers, families and students have nothing to connect. */}
        {can('org.read') && (
          <Col xs={24}>
            <Card title={t('tokens.title')} size="small">
              <TokensPanel />
            </Card>
          </Col>
        )}
      </Row>
    </Page>
  );
}
