import { useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../i18n';
import { useReducedMotion } from '../shared/useReducedMotion';

/**
 * Contrast is set here once rather than page by page: antd's default greys (45% black for
 * secondary text) and its primary blue fall below WCAG AA's 4.5:1 on white and on the
 * #f5f5f5 page background; these reach it (axe-core checks it in e2e/a11y.e2e.ts).
 */
const THEME = {
  token: {
    borderRadius: 6,
    colorPrimary: '#0958d9',
    // Links and info take their own seeds (not colorPrimary's): set them to the same blue.
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    // Hover shades too: antd derives lighter blues (4.2:1 on white for a hovered link, 2.6:1 for a default button's
    // hovered text on the page grey) — the walk met them under the pointer left on a list after a menu click.
    colorLinkHover: '#003eb3',
    colorPrimaryHover: '#003eb3',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    // Status tags 'success' and 'warning' print their text in these on a pale tint: antd's defaults are 2.2:1 and 1.9:1.
    colorSuccess: '#237804',
    colorWarning: '#965b00',
    // The tints are fixed, not derived: from these dark seeds antd derives a murky ground (#adb8a5 behind the success
    // text, 2.7:1 — the mediation light and the growth-plan status in the walk); on these the text is 5.4:1 and 5.3:1.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    // Preset tag colours print their text in the palette's 7th shade: darker seeds keep it AA on the tinted background.
    orange: '#d46b08',
    gold: '#ad6800',
    green: '#237804',
    cyan: '#006d75',
    // Volcano (group-alert and urgency tags) printed #d4380d on #fff2e8: 4.37:1.
    volcano: '#d4380d',
    // Lime (基本满意, a suggestion on trial) printed #7cb305 on #fcffe6: 2.5:1. Its text shade alone is set (6.6:1):
    // a darker seed would also darken the tint behind it, as the success seed did.
    lime1: '#fcffe6',
    lime7: '#3f6600',
  },
  components: {
    // A table's "no data" line is printed in the disabled grey (1.8:1 on white); it is information, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

/**
 * antd's theme, locale and message/modal context, around the signed-in shell (and the status
 * pages). Not around the whole app: the light phone path (sign-in, the worker's appeal form,
 * the parent's 心桥 week) renders without antd and never downloads it.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  // The theme object is rebuilt only when the wish for less motion changes: antd recomputes its styles on a new theme.
  const theme = useMemo(() => (reducedMotion ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME), [reducedMotion]);
  return (
    <ConfigProvider locale={toLanguage(i18n.language) === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
