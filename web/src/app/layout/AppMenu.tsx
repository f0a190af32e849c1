import { useMemo } from 'react';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { menuIcons } from 'virtual:xq-menu-icons';
import { menuLabels } from 'virtual:xq-menu-labels';
import { currentLanguage } from '../../i18n';
import { modules } from '../../modules/registry';
import { useAuth } from '../../shared/auth/AuthContext';

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
  // The build gathers the labels into this chunk (web/menuLabels.ts), so the menu paints without
  // fetching each module's catalogue; only a label it could not find waits for its module's namespace.
  // (useTranslation below re-renders the menu when the language changes.)
  const labels = menuLabels[currentLanguage()] ?? {};
  const namespaces = useMemo(() => ['common', ...new Set(entries.filter((e) => !(e.labelKey in labels)).map((e) => e.ns))], [entries, labels]);
  const { t } = useTranslation(namespaces);
  const label = (key: string) => labels[key] ?? t(key);

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
        items={entries.map((e) => {
          // The build moves each entry's icon from its module's index.ts into this chunk (web/menuIcons.ts).
          const Icon = menuIcons[e.key] ?? e.icon;
          return {
            key: e.key,
            icon: Icon ? <Icon /> : undefined,
            label: (
              <Link to={e.path} data-testid={`menu-${e.key}`}>
                {label(e.labelKey)}
              </Link>
            ),
          };
        })}
      />
    </div>
  );
}
