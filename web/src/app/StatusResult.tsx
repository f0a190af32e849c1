import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AntdFrame } from './AntdFrame';

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
  // Its own antd frame: shown outside the shell too (a light page's 403, a failed chunk).
  return (
    <AntdFrame>
      <Result status={status} title={title} subTitle={subTitle} extra={extra} />
    </AntdFrame>
  );
}
