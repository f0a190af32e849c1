import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
// The one place the app uses antd's Tabs (eslint's no-restricted-imports sends every page here).
// eslint-disable-next-line no-restricted-imports
import { Tabs as AntTabs, theme, type TabsProps } from 'antd';
import { useIsMobile } from './useIsMobile';

type Item = NonNullable<TabsProps['items']>[number];

/** What rc-tabs hands a custom tab bar (the subset used here). */
interface BarProps {
  id?: string;
  activeKey: string;
  onTabClick: (key: string, e: MouseEvent | KeyboardEvent) => void;
}

/**
 * antd's Tabs, with a tab bar that wraps on phones.
 *
 * Why: when the tabs do not fit (the office pages at 375 px), antd's bar scrolls them and adds a "more" button that
 * opens the hidden ones — and that button sits inside the `tablist`, which may hold only tabs (axe
 * `aria-required-children`, critical; the walk's last finding on `/teacher-growth/office`). On a phone every tab is
 * shown instead, on as many lines as it takes: the same tabs (role, ids, `aria-controls`, arrow keys), nothing hidden
 * behind a menu, no sideways scroll. Desktop keeps antd's own bar. Every page imports Tabs from here, so the fix
 * holds for tabs added later too.
 */
export function Tabs(props: TabsProps) {
  const isMobile = useIsMobile();
  if (!isMobile || props.renderTabBar) return <AntTabs {...props} />;
  return <AntTabs {...props} renderTabBar={(bar: BarProps) => <WrappingBar bar={bar} items={props.items ?? []} />} />;
}

/** Mirrors rc-tabs' TabNode markup (its classes carry antd's look) in a list that wraps instead of scrolling. */
function WrappingBar({ bar, items }: { bar: BarProps; items: Item[] }) {
  const list = useRef<HTMLDivElement>(null);
  const { token } = theme.useToken();
  const enabled = items.filter((i) => !i.disabled);
  // Arrow keys move between tabs and select, as antd's bar does (automatic activation).
  const onKeyDown = (e: KeyboardEvent, key: string) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const edge = e.key === 'Home' ? 0 : e.key === 'End' ? enabled.length - 1 : -1;
    if (!step && edge < 0) return;
    e.preventDefault();
    const at = enabled.findIndex((i) => i.key === key);
    const next = enabled[edge >= 0 ? edge : (at + step + enabled.length) % enabled.length];
    if (!next) return;
    bar.onTabClick(next.key, e);
    list.current?.querySelector<HTMLElement>(`[data-node-key="${CSS.escape(next.key)}"] [role="tab"]`)?.focus();
  };
  return (
    <div role="tablist" aria-orientation="horizontal" className="ant-tabs-nav" data-testid="tabs-wrapping">
      <div ref={list} className="ant-tabs-nav-list" style={{ flexWrap: 'wrap', columnGap: 20, rowGap: 0 }}>
        {items.map((item) => {
          const active = item.key === bar.activeKey;
          return (
            <div
              key={item.key}
              data-node-key={item.key}
              className={`ant-tabs-tab${active ? ' ant-tabs-tab-active' : ''}${item.disabled ? ' ant-tabs-tab-disabled' : ''}`}
              // antd spaces tabs with a margin on each following tab: on a wrapped line that margin would indent it.
              style={{ marginInlineStart: 0, borderBottom: `2px solid ${active ? token.colorPrimary : 'transparent'}` }}
              onClick={(e) => !item.disabled && bar.onTabClick(item.key, e)}
            >
              <div
                role="tab"
                aria-selected={active}
                aria-disabled={item.disabled || undefined}
                id={bar.id && `${bar.id}-tab-${item.key}`}
                aria-controls={bar.id && `${bar.id}-panel-${item.key}`}
                className="ant-tabs-tab-btn"
                tabIndex={item.disabled ? undefined : active ? 0 : -1}
                onKeyDown={(e) => onKeyDown(e, item.key)}
              >
                {item.icon}
                {item.label}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
