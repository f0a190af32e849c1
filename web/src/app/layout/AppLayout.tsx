import { Suspense, useEffect, useState } from 'react';
import { Drawer, Layout } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { useIsMobile } from '../../shared/useIsMobile';
import { FullPageSpin } from '../FullPageSpin';
import { AppMenu } from './AppMenu';
import { Brand } from './Brand';
import { HeaderBar } from './HeaderBar';

/** Side menu on desktops; on phones the same menu opens in a drawer from the top bar. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  return (
    <Layout className="xq-shell">
      {!isMobile && (
        <Layout.Sider
          theme="light"
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="xq-sider"
        >
          <Brand compact={collapsed} />
          <AppMenu />
        </Layout.Sider>
      )}
      <Layout className="xq-main">
        <HeaderBar isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content className="xq-content">
          <Suspense fallback={<FullPageSpin height={320} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand inline />}
          styles={{ body: { padding: 0 } }}
        >
          <AppMenu />
        </Drawer>
      )}
    </Layout>
  );
}
