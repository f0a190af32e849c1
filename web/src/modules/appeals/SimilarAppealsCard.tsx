import { Fragment, useState, type ReactNode } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { SimilarAppeals } from '@common/schemas/appeals';
import { api } from '../../api/client';
import { isApiError } from '../../api/problem';
import { formatDateTime } from '../../shared/time';
import { appealKeys } from './api';
import { useAppealLabel } from './labels';

type Similar = z.infer<typeof SimilarAppeals>;

/** The title with the words and facts it shares with this appeal marked, so staff see why it is listed. */
function highlighted(text: string, shared: string[]): ReactNode {
  const words = shared.filter((s) => s.length > 1 && text.includes(s)).sort((a, b) => b.length - a.length);
  if (!words.length) return text;
  const parts = text.split(new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`));
  return parts.map((p, i) => (words.includes(p) ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>));
}

/**
 * 相似诉求 / Similar appeals: the unit's appeals most like this one in the group window,
 * for staff to link into a group case when the automatic alert did not fire.
 */
export function SimilarAppealsCard({ appealId }: { appealId: string }) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const { data, isLoading } = useQuery({
    queryKey: [...appealKeys.detail(appealId), 'similar'],
    queryFn: ({ signal }) => api.get<Similar>(`/appeals/${appealId}/similar`, undefined, { signal }),
  });
  const link = useMutation({
    mutationFn: (ids: string[]) => api.post<{ id: string }>(`/appeals/${appealId}/link`, { appealIds: ids }),
    onSuccess: async (alert) => {
      await qc.invalidateQueries({ queryKey: appealKeys.all });
      message.success(t('similar.linked'));
      navigate(`/appeals/group-alerts/${alert.id}`);
    },
    onError: (err) => message.error(isApiError(err) ? (err.problem.detail ?? err.problem.title) : String(err)),
  });
  const items = data?.items ?? [];

  return (
    <Card size="small" title={t('similar.title')} data-testid="similar-appeals">
      {isLoading ? (
        <Spin />
      ) : !items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('similar.none')} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('similar.hint')}</Typography.Text>
          {items.map((s) => (
            <Flex key={s.id} gap={8} align="start">
              <Checkbox
                aria-label={s.code}
                checked={picked.includes(s.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((x) => x !== s.id)))}
              />
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <span>
                  <Link to={`/appeals/${s.id}`}>{s.code}</Link> {highlighted(s.title, s.shared)}
                </span>
                <Flex wrap gap={4}>
                  <Tag>{label('category', s.category)}</Tag>
                  <Tag>{label('status', s.status)}</Tag>
                  <Tag color={s.score >= 0.4 ? 'orange' : undefined}>{t('similar.score', { score: Math.round(s.score * 100) })}</Tag>
                  {s.shared.map((w) => (
                    <Tag key={w} color="blue" bordered={false}>
                      {w}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.submittedAt)}
                  {s.groupAlertId ? ` · ${t('similar.inAlert')}` : ''}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
          <Button type="primary" disabled={!picked.length} loading={link.isPending} onClick={() => link.mutate(picked)} data-testid="similar-link">
            {t('similar.link', { count: picked.length })}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
