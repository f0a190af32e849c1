/** Built by web/menuLabels.ts: each menu entry's label by language, keyed by its labelKey ('people:menu'). */
declare module 'virtual:xq-menu-labels' {
  export const menuLabels: Record<string, Record<string, string>>;
}
