import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { HomeCards } from '../../shared/home/HomeCards';
import { Page } from '../../shared/Page';

/** The greeting, then the cards of what this user comes to do (declared by each module). */
export default function HomePage() {
  const { t } = useTranslation('dashboard');
  const { session } = useAuth();
  if (!session) return null;
  return (
    <Page title={t('welcome', { name: session.account.displayName })}>
      <HomeCards />
    </Page>
  );
}
