import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { planned: 'default', inProgress: 'blue', done: 'green', overdue: 'red', dropped: 'default' };

export function DecidedStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('meetings');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

/** The progress bar of an item: red while overdue, green once done. */
export function DecidedProgress({ status, progress, small }: { status: string; progress: number; small?: boolean }) {
  const { t } = useTranslation('meetings');
  // A progress bar needs a name of its own (axe aria-progressbar-name): the column header is not read with it.
  return (
    <Progress
      aria-label={t('board.progress')}
      percent={progress}
      size={small ? 'small' : 'default'}
      status={status === 'overdue' ? 'exception' : status === 'done' ? 'success' : 'active'}
      style={{ minWidth: 100 }}
    />
  );
}
