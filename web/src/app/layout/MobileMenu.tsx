import { lazy, Suspense } from 'react';
import { Drawer } from 'antd';
import { Brand } from './Brand';

// Lazy here as in AppLayout: one static import would pin AppMenu into this chunk and the side menu's alike (rollup's warning).
const AppMenu = lazy(() => import('./AppMenu').then((m) => ({ default: m.AppMenu })));

/** The phone's menu, in a drawer from the left; its own chunk, fetched at the first tap on ☰. */
export default function MobileMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer placement="left" size={260} open={open} onClose={onClose} title={<Brand inline />} styles={{ body: { padding: 0 } }}>
      <Suspense fallback={null}>
        <AppMenu />
      </Suspense>
    </Drawer>
  );
}
