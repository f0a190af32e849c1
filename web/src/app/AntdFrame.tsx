import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../i18n';

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
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    // Status tags 'success' and 'warning' print their text in these on a pale tint: antd's defaults are 2.2:1 and 1.9:1.
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    // Preset tag colours print their text in the palette's 7th shade: darker seeds keep it AA on the tinted background.
    orange: '#d46b08',
    gold: '#ad6800',
    green: '#237804',
    cyan: '#006d75',
    // Volcano (group-alert and urgency tags) printed #d4380d on #fff2e8: 4.37:1.
    volcano: '#d4380d',
  },
};

/**
 * antd's theme, locale and message/modal context, around the signed-in shell (and the status
 * pages). Not around the whole app: the light phone path (sign-in, the worker's appeal form,
 * the parent's 心桥 week) renders without antd and never downloads it.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={toLanguage(i18n.language) === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
