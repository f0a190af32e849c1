import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayKind } from './api';

const KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeupWorkday'];

export function Legend() {
  const { t } = useTranslation('calendar');
  return (
    <Flex wrap gap={16} style={{ marginBottom: 12 }} data-testid="calendar-legend">
      {KINDS.map((k) => (
        <span key={k}>
          <span className={`xq-cal-swatch xq-cal-${k}`} />
          {t(`kind.${k}`)}
        </span>
      ))}
      <span>
        <span className="xq-cal-override-mark">*</span> {t('overridden')}
      </span>
      <span>
        <span className="xq-cal-provisional-mark">暂</span> {t('provisional')}
      </span>
    </Flex>
  );
}
