import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ListSearch } from '../../shared/ListSearch';

/** The worker's home card: search the library first, or ask. */
export default function AskCard() {
  const { t } = useTranslation('policies');
  const navigate = useNavigate();
  return (
    <Card title={t('home.ask')}>
      <Flex vertical gap={8}>
        <ListSearch
          value={undefined}
          onSearch={(q) => q && navigate(`/policies?q=${encodeURIComponent(q)}`)}
          placeholder={t('library.search')}
          width="100%"
          testId="home-policies-search"
          buttonTestId="home-policies-search-go"
        />
        <Flex gap={8}>
          <Link to="/policies/ask">
            <Button type="primary">{t('home.askButton')}</Button>
          </Link>
          <Link to="/policies/questions">
            <Button>{t('questions.mine')}</Button>
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}
