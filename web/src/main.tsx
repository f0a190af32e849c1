import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from './i18n';
import { moduleMessages } from './modules/registry';
import { App } from './app/App';
import { queryClient } from './app/queryClient';
import './styles.css';

// Before the first render, so nothing paints in the wrong language.
initI18n(moduleMessages);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
