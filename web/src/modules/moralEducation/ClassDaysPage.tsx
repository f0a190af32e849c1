import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useIsMobile } from '../../shared/useIsMobile';
import { useClassDays, type ClassDay } from './api';

/**
 * The class-days of a period for a school, with what happened each day: the list a work report's
 * ten-minute coverage figure opens (orgId = the school, from, to, and held=1 for its numerator),
 * so its rows are the figure's count.
 */
export default function ClassDaysPage() {
  const { t } = useTranslation('moralEducation');
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const q = { from: params.get('from') ?? '', to: params.get('to') ?? '', ...(params.get('held') ? { held: params.get('held')! } : {}) };
  const days = useClassDays(params.get('orgId') ?? undefined, q, page);
  const total = days.data?.total ?? 0;
  return (
    <Page title={t('classDays.title')}>
      <Typography.Paragraph data-testid="me-class-days-total">
        {t(q.held === '1' ? 'classDays.heldOnly' : 'classDays.all', { from: q.from, to: q.to, n: total })}
      </Typography.Paragraph>
      <Table<ClassDay>
        rowKey={(r) => `${r.classId}|${r.date}`}
        size="small"
        loading={days.isFetching}
        dataSource={days.data?.items ?? []}
        scroll={{ x: 560 }}
        pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false, simple: isMobile }}
        columns={[
          { title: t('classDays.date'), dataIndex: 'date', width: 100 },
          { title: t('classDays.grade'), dataIndex: 'gradeName', width: 80 },
          { title: t('classDays.className'), dataIndex: 'className', width: 110 },
          {
            title: t('classDays.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ClassDay['status']) => <Tag color={s === 'held' ? 'green' : s === 'skipped' ? 'orange' : 'default'}>{t(`status.${s}`)}</Tag>,
          },
          { title: t('classDays.topic'), dataIndex: 'topic' },
        ]}
      />
    </Page>
  );
}
