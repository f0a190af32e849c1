/**
 * The records behind a teacher-growth figure, opened from the cross-practice dashboard or a work
 * report's reference (their `drill` filters arrive in the URL): the office's own list that the
 * figure counted — placed teachers, plans, evidence or promotions — with those filters, so its
 * rows are the figure's (teacherGrowth.test.ts checks each list against its figure).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { EvidenceList, PlanList, PromotionList, Roster } from '@common/schemas/teacherGrowth';
import { api } from '../../api/client';
import { PlanStatusTag, useLabel } from './labels';

type Row = { id: string; teacher: string; what: string; date: string | null; status?: string };
type ListKind = 'teachers' | 'plans' | 'evidence' | 'promotions';

/** Which of the office's lists a figure's filters belong to (teacherGrowth.indicators.ts writes them). */
function listOf(p: URLSearchParams): ListKind | null {
  if (p.get('placed') === '1') return 'teachers';
  if (p.get('view') === 'school') return 'plans';
  if (p.has('kind')) return 'evidence';
  if (p.has('decidedFrom') || p.has('decidedTo')) return 'promotions';
  return null;
}

const pick = (p: URLSearchParams, keys: string[]) => Object.fromEntries(keys.flatMap((k) => (p.get(k) ? [[k, p.get(k)!]] : [])));
const B = '/teacher-growth';

async function load(kind: ListKind, schoolId: string, p: URLSearchParams, label: ReturnType<typeof useLabel>): Promise<{ rows: Row[]; total: number }> {
  if (kind === 'teachers') {
    // The "duties done" figure narrows the placed teachers to those who did every duty (and a tier, when picked).
    const r = await api.get<z.infer<typeof Roster>>(`${B}/schools/${schoolId}/teachers`, { placed: '1', ...pick(p, ['tier', 'dutiesFrom', 'dutiesTo']) });
    return { rows: r.items.map((x) => ({ id: x.teacherId, teacher: x.name, what: label.tier(x.tier), date: null })), total: r.items.length };
  }
  if (kind === 'plans') {
    const r = await api.get<z.infer<typeof PlanList>>(`${B}/plans`, { schoolId, pageSize: 100, ...pick(p, ['view', 'underWay', 'onTrackFrom', 'onTrackTo']) });
    return { rows: r.items.map((x) => ({ id: x.id, teacher: x.teacherName, what: x.title, date: null, status: x.status })), total: r.total };
  }
  if (kind === 'evidence') {
    const r = await api.get<z.infer<typeof EvidenceList>>(`${B}/schools/${schoolId}/evidence`, pick(p, ['kind', 'from', 'to', 'met']));
    const what = (x: (typeof r.items)[number]) => `${label.evidence(x.kind)}：${x.title}${x.score === null ? '' : `（${x.score}）`}`;
    return { rows: r.items.map((x) => ({ id: x.id, teacher: x.teacherName, what: what(x), date: x.date })), total: r.total };
  }
  const r = await api.get<z.infer<typeof PromotionList>>(`${B}/schools/${schoolId}/promotions`, pick(p, ['status', 'decidedFrom', 'decidedTo']));
  const rows = r.items.map((x) => ({ id: x.id, teacher: x.teacherName, what: `${label.tier(x.fromTier)} → ${label.tier(x.toTier)}`, date: x.decidedOn }));
  return { rows, total: r.items.length };
}

/** Shown above the office's tabs while the URL carries a figure's filters; `schoolId`: the school the office oversees. */
export function DrillRecords({ schoolId }: { schoolId: string | undefined }) {
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const kind = listOf(params);
  // The figure's org when it is a school, else the school this office oversees.
  const school = params.get('orgId') ?? schoolId;
  const { data, isLoading, error } = useQuery({
    queryKey: ['teacherGrowth', 'drill', kind, school, params.toString()],
    enabled: !!kind && !!school,
    queryFn: () => load(kind!, school!, params, label),
  });
  if (!kind) return null;
  const columns: TableColumnsType<Row> = [
    { title: t('office.teacher'), dataIndex: 'teacher' },
    {
      title: t('drill.record'),
      dataIndex: 'what',
      render: (v: string, r) =>
        r.status ? (
          <>
            {v} <PlanStatusTag status={r.status} />
          </>
        ) : (
          v
        ),
    },
    { title: t('drill.date'), dataIndex: 'date', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Card
      size="small"
      title={t(`drill.title.${kind}`, { n: data?.total ?? 0 })}
      extra={<Button onClick={() => setParams({}, { replace: true })}>{t('drill.clear')}</Button>}
      style={{ marginBottom: 16 }}
      data-testid="growth-drill"
    >
      {error ? (
        <Alert type="warning" showIcon message={t('drill.failed')} />
      ) : (
        <Table<Row> rowKey="id" size="small" loading={isLoading} dataSource={data?.rows ?? []} columns={columns} pagination={{ pageSize: 20 }} />
      )}
    </Card>
  );
}
