/** Built by web/menuIcons.ts: each menu entry's icon by its key, taken out of the modules' index.ts. */
declare module 'virtual:xq-menu-icons' {
  import type { ComponentType } from 'react';
  export const menuIcons: Record<string, ComponentType>;
}
