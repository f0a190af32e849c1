import { Card, Empty, Flex, Pagination, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import type { AppealQuery, AppealSummary, Paged } from './api';
import { LightTag, RatingTag, StatusTag, UrgencyTag, useAppealLabel } from './labels';
import { AuthorText } from './AppealTable';
import { useDeptLabel } from './useDeptLabel';
import { CursorPager } from '../../shared/CursorPager';

interface Props {
  query: Pick<AppealQuery, 'page' | 'pageSize' | 'after'>;
  data: Paged<AppealSummary> | undefined;
  loading: boolean;
  onPage: (page: number) => void;
  /** Past the counted pages (or by cursor): 「更早的诉求」 goes on by the server's cursor. */
  onCursor?: (patch: { after?: string; page: number }) => void;
  /** The worker's own list: no author, and a nudge on answers waiting for a rating. */
  own?: boolean;
  emptyText?: string;
}

/** Phones: one card per appeal, everything that matters readable without scrolling sideways. */
export function AppealCards({ query, data, loading, onPage, onCursor, own, emptyText }: Props) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const deptLabel = useDeptLabel();
  const items = data?.items ?? [];
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="appeals-cards">
        {!items.length && !loading && <Empty description={emptyText} />}
        {items.map((a) => {
          const card = (
            <Link to={`/appeals/${a.id}`} style={{ color: 'inherit', display: 'block' }}>
              <Card size="small" hoverable data-testid="appeal-card" data-code={a.code}>
                <Flex justify="space-between" align="start" gap={8}>
                  <Typography.Text strong style={{ minWidth: 0 }} ellipsis data-testid="appeal-card-title">
                    {a.title}
                  </Typography.Text>
                  <StatusTag status={a.status} />
                </Flex>
                <Flex wrap gap={6} align="center" style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.code}
                  </Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>{label('category', a.category)}</Tag>
                  {a.urgency !== 'general' && <UrgencyTag urgency={a.urgency} />}
                  {a.anonymous && (
                    <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                      {t('anonymous')}
                    </Tag>
                  )}
                  <RatingTag rating={a.rating} />
                  {own && a.status === 'answered' && (
                    <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="appeal-card-to-rate">
                      {t('mine.toRate')}
                    </Tag>
                  )}
                </Flex>
                <Flex wrap gap={8} align="center" justify="space-between" style={{ marginTop: 6, fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('mine.submittedAt', { time: formatDateTime(a.submittedAt) })}
                    {!own && (
                      <>
                        {' · '}
                        <AuthorText appeal={a} />
                      </>
                    )}
                  </Typography.Text>
                  {a.deadline && (
                    <Flex gap={4} align="center">
                      <LightTag light={a.light} />
                      <Typography.Text style={{ fontSize: 12 }} data-testid="appeal-card-deadline">
                        {t('mine.deadline', { date: a.deadline })}
                      </Typography.Text>
                    </Flex>
                  )}
                </Flex>
                {!own && a.department && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                    {t('fields.department')}: {deptLabel(a.department)}
                  </Typography.Text>
                )}
              </Card>
            </Link>
          );
          return <div key={a.id}>{card}</div>;
        })}
        {!query.after && (data?.total ?? 0) > query.pageSize && (
          <Pagination simple align="center" current={query.page} pageSize={query.pageSize} total={data?.total ?? 0} onChange={onPage} />
        )}
        {onCursor && <CursorPager query={query} data={data} onChange={onCursor} olderLabel={t('cursor.older')} testId="appeals-cursor-pager" />}
      </Flex>
    </Spin>
  );
}
