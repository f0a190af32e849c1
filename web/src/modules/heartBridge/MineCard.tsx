import { Button, Card, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A student's own 心桥 book, one tap from the home page. */
export default function MineCard() {
  const { t } = useTranslation('heartBridge');
  return (
    <Card title={t('mine.title')} data-testid="home-hb-mine">
      <Typography.Paragraph type="secondary">{t('mine.intro')}</Typography.Paragraph>
      <Link to="/heart-bridge/mine">
        <Button type="primary" block icon={<BookOutlined />}>
          {t('mine.latest')}
        </Button>
      </Link>
    </Card>
  );
}
