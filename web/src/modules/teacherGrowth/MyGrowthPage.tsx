import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../shared/Page';
import { usePlans, type PlanSummary } from './api';
import { PlanStatusTag, useLabel } from './labels';
import { PlanForm } from './PlanForm';

function PlanItem({ p, showName }: { p: PlanSummary; showName?: boolean }) {
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  return (
    <List.Item>
      <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
        <Link to={`/teacher-growth/plans/${p.id}`} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{showName ? `${p.teacherName} · ${p.title}` : p.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label.tier(p.tier)} · {t('plan.yearOf', { n: p.currentYear })}
            {p.yearProgress !== null ? ` · ${t('mine.progress', { p: Math.round(p.yearProgress * 100) })}` : ''}
          </Typography.Text>
        </Link>
        <PlanStatusTag status={p.status} />
      </Flex>
    </List.Item>
  );
}

/** A teacher's own plan (phone first) and the plans of the teachers they mentor. */
export default function MyGrowthPage() {
  const { t } = useTranslation('teacherGrowth');
  const navigate = useNavigate();
  const mine = usePlans('mine');
  const mentees = usePlans('mentees');
  const [writing, setWriting] = useState(false);
  if (mine.isLoading) return <Spin />;
  const open = (mine.data ?? []).find((p) => p.status !== 'complete');
  return (
    <Page title={t('mine.title')}>
      <Flex vertical gap={16}>
        {writing ? (
          <PlanForm onSaved={(p) => navigate(`/teacher-growth/plans/${p.id}`)} />
        ) : (
          <Card>
            {mine.data?.length ? (
              <List dataSource={mine.data} renderItem={(p) => <PlanItem p={p} />} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.none')} />
            )}
            {!open && (
              <Button type="primary" block onClick={() => setWriting(true)} style={{ marginTop: 12 }}>
                {t('mine.start')}
              </Button>
            )}
          </Card>
        )}
        <Card title={t('mine.mentees')}>
          <List
            loading={mentees.isLoading}
            dataSource={mentees.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.noMentees')} /> }}
            renderItem={(p) => <PlanItem p={p} showName />}
          />
        </Card>
      </Flex>
    </Page>
  );
}
