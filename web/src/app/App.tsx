import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { AuthProvider } from '../shared/auth/AuthContext';
import { IdleMark } from './IdleMark';
import { router } from './router';

/** The root: no antd here (see AntdFrame), so the light pages start with React, the router and i18n only. */
export function App() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();

  // Some server data is localised (holiday names, notification texts, problem messages):
  // fetch it again in the new language.
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, queryClient]);

  return (
    <AuthProvider>
      <IdleMark />
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
