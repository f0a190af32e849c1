import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { useEnumLabel } from '../../shared/enumOptions';

export default function RolesCard() {
  const { t } = useTranslation('dashboard');
  const { session } = useAuth();
  const label = useEnumLabel();
  if (!session) return null;
  return (
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
  );
}
