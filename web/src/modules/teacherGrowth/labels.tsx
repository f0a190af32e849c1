/** Tags and labels of the teacher-growth enums (labels live in common/teacherGrowth.ts, zh and en). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KIND_LABELS,
  DEFAULT_TIERS,
  EVIDENCE_KIND_LABELS,
  GOAL_AREA_LABELS,
  PLAN_STATUS_LABELS,
  type ActivityKind,
  type EvidenceKind,
  type GoalArea,
  type PlanStatus,
} from '@common/teacherGrowth';

export function useLabel() {
  const { i18n } = useTranslation();
  const l = i18n.language === 'en' ? 'en' : 'zh';
  return {
    status: (s: string) => PLAN_STATUS_LABELS[s as PlanStatus]?.[l] ?? s,
    area: (a: string) => GOAL_AREA_LABELS[a as GoalArea]?.[l] ?? a,
    evidence: (k: string) => EVIDENCE_KIND_LABELS[k as EvidenceKind]?.[l] ?? k,
    activity: (k: string) => ACTIVITY_KIND_LABELS[k as ActivityKind]?.[l] ?? k,
    tier: (k: string | null) => (k === null ? '—' : (DEFAULT_TIERS.find((d) => d.key === k)?.name ?? k)),
  };
}

const COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'orange',
  reviewed: 'cyan',
  active: 'processing',
  yearReview: 'purple',
  complete: 'success',
};

export function PlanStatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[status]} data-testid="growth-plan-status" style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

/** A rubric version as the office knows it: 「第 2 版」, or the default before the school saved its own. */
export const versionLabel = (t: (key: string, o?: Record<string, unknown>) => string, version: number) =>
  version ? t('rubric.versionN', { n: version }) : t('rubric.default');
