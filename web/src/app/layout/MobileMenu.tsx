import { Drawer } from 'antd';
import { AppMenu } from './AppMenu';
import { Brand } from './Brand';

/** The phone's menu, in a drawer from the left; its own chunk, fetched at the first tap on ☰. */
export default function MobileMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer placement="left" size={260} open={open} onClose={onClose} title={<Brand inline />} styles={{ body: { padding: 0 } }}>
      <AppMenu />
    </Drawer>
  );
}
