import { lazy, Suspense, useEffect, useState } from 'react';
import { Flex, Layout, Spin } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { keepScrollRegionsFocusable } from '../../shared/keyboardScroll';
import { useIsMobile } from '../../shared/useIsMobile';
import { AntdFrame } from '../AntdFrame';
import { Brand } from './Brand';
import { HeaderBar } from './HeaderBar';

// The menu (antd Menu and its popups) is a large part of the shell; on a phone it stays
// behind ☰, so it loads after the page the user came for, not before it.
const AppMenu = lazy(() => import('./AppMenu').then((m) => ({ default: m.AppMenu })));
const MobileMenu = lazy(() => import('./MobileMenu'));

/** Side menu on desktops; on phones the same menu opens in a drawer from the top bar. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Mounted from the first open on, so the drawer keeps its closing animation afterwards.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const location = useLocation();

  useEffect(() => setDrawerOpen(false), [location.pathname]);
  // The whole document, not the content pane: tables in dialogs and drawers render outside it.
  useEffect(() => keepScrollRegionsFocusable(document.body), []);
  const openMenu = () => {
    setDrawerUsed(true);
    setDrawerOpen(true);
  };

  return (
    <AntdFrame>
      <Layout className="xq-shell">
        {!isMobile && (
          <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="xq-sider">
            <Brand compact={collapsed} />
            <Suspense fallback={null}>
              <AppMenu />
            </Suspense>
          </Layout.Sider>
        )}
        <Layout className="xq-main">
          <HeaderBar isMobile={isMobile} onOpenMenu={openMenu} />
          {/* The path this content was rendered for: during a route change the previous page stays on screen while the
              next one's code loads, so the address alone does not say which page is shown (the walk waits on this). */}
          <Layout.Content className="xq-content" data-path={location.pathname}>
            <Suspense
              fallback={
                <Flex align="center" justify="center" style={{ height: 320, width: '100%' }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
        {isMobile && drawerUsed && (
          <Suspense fallback={null}>
            <MobileMenu open={drawerOpen} onClose={() => setDrawerOpen(false)} />
          </Suspense>
        )}
      </Layout>
    </AntdFrame>
  );
}
