import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MySurveyList } from './MySurveysPage';

/** The worker's surveys on the home page. */
export default function MySurveysCard() {
  const { t } = useTranslation('surveys');
  return (
    <Card title={t('home.mine')} extra={<Link to="/surveys/mine">{t('home.all')}</Link>}>
      <MySurveyList limit={3} />
    </Card>
  );
}
