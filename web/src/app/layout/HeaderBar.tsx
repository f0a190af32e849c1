import { Suspense } from 'react';
import { Button, Flex, Layout, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { modules } from '../../modules/registry';
import { useShowError } from '../../shared/errors';
import { useAuth } from '../../shared/auth/AuthContext';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

const widgets = modules.flatMap((m) => m.headerWidgets ?? []);

interface Props {
  isMobile: boolean;
  onOpenMenu: () => void;
}

export function HeaderBar({ isMobile, onOpenMenu }: Props) {
  const { session, logout } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();

  const onLogout = async () => {
    try {
      await logout();
    } catch (err) {
      // The local session is dropped anyway; say why the server did not confirm.
      showError(err);
    }
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header className="xq-header">
      {isMobile && (
        <>
          <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('header.menu')} data-testid="menu-toggle" />
          <Brand inline />
        </>
      )}
      {/* margin-inline-start: auto pushes the tools to the far end of the bar. */}
      <Flex align="center" gap={isMobile ? 4 : 12} style={{ marginInlineStart: 'auto' }}>
        {widgets.map((Widget, i) => (
          <Suspense key={i} fallback={null}>
            <Widget />
          </Suspense>
        ))}
        <LanguageSwitch />
        {!isMobile && session && (
          <Typography.Text ellipsis style={{ maxWidth: 160 }} data-testid="current-user">
            {session.account.displayName}
          </Typography.Text>
        )}
        <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} aria-label={t('header.logout')} data-testid="logout">
          {isMobile ? null : t('header.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
