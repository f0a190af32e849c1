import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export interface StatusResultProps {
  status: 'error' | '403' | '404';
  title: string;
  subTitle: string;
  /** Offers a reload beside the way home, for a page whose code failed to load. */
  reload?: boolean;
}

/**
 * The full-page "something is not here" answer. Its own chunk: antd's Result carries large
 * illustrations that nobody should download on the way to a page that works.
 */
export default function StatusResult({ status, title, subTitle, reload }: StatusResultProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = (
    <Button key="home" type={reload ? 'default' : 'primary'} onClick={() => navigate('/')}>
      {t('page.home')}
    </Button>
  );
  const extra = reload
    ? [
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('page.reload')}
        </Button>,
        home,
      ]
    : home;
  return <Result status={status} title={title} subTitle={subTitle} extra={extra} />;
}
