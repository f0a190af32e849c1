import { useMemo } from 'react';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { modules } from '../../modules/registry';
import { useAuth } from '../auth/AuthContext';

/** Menu entries from every module, filtered by the user's permissions. */
export function AppMenu() {
  const { can } = useAuth();
  const { pathname } = useLocation();

  const entries = useMemo(
    () =>
      modules
        .flatMap((m) => (m.menu ?? []).map((e) => ({ ...e, ns: m.id })))
        .filter((e) => !e.permission || can(e.permission))
        .sort((a, b) => a.order - b.order),
    [can],
  );
  // The labels live in each module's namespace: wait (in the menu's Suspense) for those this user sees.
  const namespaces = useMemo(() => ['common', ...new Set(entries.map((e) => e.ns))], [entries]);
  const { t } = useTranslation(namespaces);

  // The longest matching path wins, so "/" only lights up on the home page itself.
  const selected = entries
    .filter((e) => pathname === e.path || (e.path !== '/' && pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <div data-testid="app-menu">
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.key] : []}
        style={{ borderInlineEnd: 'none' }}
        items={entries.map((e) => ({
          key: e.key,
          icon: e.icon ? <e.icon /> : undefined,
          label: (
            <Link to={e.path} data-testid={`menu-${e.key}`}>
              {t(e.labelKey)}
            </Link>
          ),
        }))}
      />
    </div>
  );
}
