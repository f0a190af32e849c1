import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { WeekRow } from './api';

/** What a teacher needs at a glance for one student: who wrote, who read. */
export function StatusTags({ row }: { row: WeekRow }) {
  const { t } = useTranslation('heartBridge');
  return (
    <span className="hb-dots" data-testid="hb-status">
      <Tooltip title={formatDateTime(row.schoolWrittenAt)}>
        <Tag color={row.schoolWrittenAt ? 'blue' : 'default'} data-testid="hb-status-school">
          {row.schoolWrittenAt ? t('klass.schoolWritten') : t('klass.schoolNot')}
        </Tag>
      </Tooltip>
      {row.homeWrittenAt && (
        <Tooltip title={formatDateTime(row.homeWrittenAt)}>
          <Tag color="orange" data-testid="hb-status-home">
            {t('klass.homeWritten')}
          </Tag>
        </Tooltip>
      )}
      {row.readByHomeAt && (
        <Tooltip title={formatDateTime(row.readByHomeAt)}>
          <Tag color="green">{t('klass.readByHome')}</Tag>
        </Tooltip>
      )}
      {row.readBySchoolAt && (
        <Tooltip title={formatDateTime(row.readBySchoolAt)}>
          <Tag color="cyan">{t('klass.readBySchool')}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
