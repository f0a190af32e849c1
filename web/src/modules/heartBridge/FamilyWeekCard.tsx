import { useMemo } from 'react';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shanghaiToday } from '../../shared/time';
import { useClassWeeks, useMySchool, type Child } from '../../shared/school/api';
import { useWeekLabel } from '../../shared/school/useWeekLabel';
import { currentWeek } from '../../shared/school/weeks';
import { useNote } from './api';

function ChildWeek({ child }: { child: Child }) {
  const { t } = useTranslation('heartBridge');
  const weeks = useClassWeeks(child.classId);
  const today = useMemo(() => shanghaiToday().format('YYYY-MM-DD'), []);
  const week = weeks.data ? currentWeek(weeks.data.items, today) : undefined;
  const label = useWeekLabel(weeks.data?.items);
  const { data: note } = useNote(child.id, week);
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Typography.Text strong>
          {child.name} <Typography.Text type="secondary">{week ? label(week) : ''}</Typography.Text>
        </Typography.Text>
        {note && (
          <Flex wrap gap={6}>
            <Tag color={note.school ? 'green' : 'default'}>{t(note.school ? 'home.schoolWritten' : 'home.schoolPending')}</Tag>
            <Tag color={note.home ? 'green' : 'orange'}>{t(note.home ? 'home.homeWritten' : 'home.homePending')}</Tag>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** A guardian's week at a glance: for each child, whether the teacher wrote and whether I answered. */
export default function FamilyWeekCard() {
  const { t } = useTranslation('heartBridge');
  const { data: me, isLoading } = useMySchool();
  const children = me?.children ?? [];
  return (
    <Card
      title={t('home.title')}
      extra={
        <Link to="/heart-bridge/family" data-testid="home-hb-open">
          {t('home.open')}
        </Link>
      }
    >
      <List
        loading={isLoading}
        dataSource={children}
        rowKey="id"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('family.noChild')} /> }}
        renderItem={(c) => <ChildWeek child={c} />}
      />
    </Card>
  );
}
