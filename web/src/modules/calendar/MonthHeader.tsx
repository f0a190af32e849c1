import { Button, Flex, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Props {
  value: Dayjs;
  onChange: (date: Dayjs) => void;
  today: Dayjs;
}

/** Month paging only: the year/month selects of the stock header crowd a phone. */
export function MonthHeader({ value, onChange, today }: Props) {
  const { t } = useTranslation('calendar');
  return (
    <Flex align="center" justify="space-between" style={{ padding: '8px 0' }}>
      <Button icon={<LeftOutlined />} aria-label={t('prevMonth')} onClick={() => onChange(value.subtract(1, 'month'))} />
      <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-month">
        {t('monthTitle', { year: value.year(), month: value.month() + 1 })}
      </Typography.Title>
      <Flex gap={8}>
        <Button onClick={() => onChange(today)}>{t('today')}</Button>
        <Button icon={<RightOutlined />} aria-label={t('nextMonth')} onClick={() => onChange(value.add(1, 'month'))} />
      </Flex>
    </Flex>
  );
}
