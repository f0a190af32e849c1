import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { toLanguage } from '../i18n';
import { AuthProvider } from './auth/AuthContext';
import { router } from './router';

export function App() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = toLanguage(i18n.language);

  // Some server data is localised (holiday names, notification texts, problem messages):
  // fetch it again in the new language.
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, queryClient]);

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { borderRadius: 6 } }}>
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
