import { Button, Card, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A worker's first action, one tap from the home page. */
export default function SubmitCard() {
  const { t } = useTranslation('appeals');
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('home.submitHint')}</Typography.Paragraph>
      <Link to="/appeals/new">
        <Button type="primary" size="large" block icon={<FormOutlined />} data-testid="home-appeal-new">
          {t('mine.new')}
        </Button>
      </Link>
    </Card>
  );
}
