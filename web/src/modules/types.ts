/**
 * The shape every front-end module has. A module folder's index.ts exports one
 * `defineModule({...})`; modules/registry.ts lists them; the shell builds routes, menu,
 * header widgets and i18n namespaces from that list and knows no module by name.
 */
import type { ComponentType } from 'react';
import type { Role } from '@common/roles';
import type { Messages } from '../i18n/types';

export interface ModuleRoute {
  /** Relative to the app root, without a leading slash; '' is the home page. */
  path: string;
  /** Usually React.lazy(() => import('./SomePage')) so each page is its own chunk. */
  component: ComponentType;
  /** Permission needed to open the page; omitted means any signed-in user. */
  permission?: string;
  /**
   * A page of the light phone path (docs/architecture.md): rendered outside the antd shell,
   * with its own small frame; the page and everything it imports must not import antd.
   */
  light?: boolean;
}

export interface MenuEntry {
  key: string;
  /** Absolute path the entry opens; it is also "selected" for any deeper path. */
  path: string;
  /** i18n key, usually in the module's own namespace, e.g. "people:menu". */
  labelKey: string;
  icon?: ComponentType;
  /** Entry shows only with this permission; omitted means everyone. */
  permission?: string;
  /** Position in the menu, lower first. */
  order: number;
}

/**
 * A card on the home page. Each module declares the cards of what its users come to do;
 * the home page shows, in order, every card whose roles the signed-in user holds (at any
 * org) and whose permission they have. A card fetches only the figures it shows.
 */
export interface HomeCard {
  key: string;
  /** Usually React.lazy(() => import('./SomeCard')), so a role never loads others' cards. */
  component: ComponentType;
  /**
   * The roles this card is for; omitted means every role. Roles, not only permissions,
   * because several roles share a permission but come to the home page for different
   * things (a teacher reads the roster too, yet has no use for the union's category chart).
   */
  roles?: readonly Role[];
  /** Card shows only with this permission as well; omitted means no extra check. */
  permission?: string;
  /** Position on the page, lower first; the first action of a role comes first. */
  order: number;
  /** 'full' spans the row on wide screens; cards are one column on a phone either way. */
  width?: 'half' | 'full';
}

export interface XqModule {
  /** Unique id; also the module's i18n namespace. */
  id: string;
  /**
   * The module's strings. Prefer a loader, `() => import('./messages').then((m) => m.messages)`:
   * the strings then travel with the module's pages instead of in every user's first download
   * (a worker's phone does not need the congress catalogue to raise an appeal).
   */
  messages?: Messages | MessageLoader;
  /** Pages inside the signed-in layout. */
  routes?: ModuleRoute[];
  /** Pages outside the layout that need no session, such as login. */
  publicRoutes?: ModuleRoute[];
  menu?: MenuEntry[];
  /** Small components placed in the top bar for signed-in users (e.g. the bell); may be lazy. */
  headerWidgets?: ComponentType[];
  homeCards?: HomeCard[];
}

export type MessageLoader = () => Promise<Messages>;

export const defineModule = (m: XqModule): XqModule => m;
