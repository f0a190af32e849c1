/** Tags and labels of the hardship enums (labels live in common/hardship.ts, zh and en). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_KIND_LABELS, CAUSE_LABELS, PROFILE_STATUS_LABELS, TIER_LABELS } from '@common/hardship';

type Labels = Record<string, { zh: string; en: string }>;

export function useLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const of = (table: Labels) => (k: string | null | undefined) => (k ? (table[k]?.[lang] ?? k) : '—');
  return { status: of(PROFILE_STATUS_LABELS), tier: of(TIER_LABELS), cause: of(CAUSE_LABELS), kind: of(ASSISTANCE_KIND_LABELS) };
}

const STATUS_COLORS: Record<string, string> = {
  applied: 'orange',
  verified: 'processing',
  notice: 'gold',
  filed: 'success',
  refused: 'default',
  exited: 'cyan',
};
const TIER_COLORS: Record<string, string> = { deep: 'red', relative: 'orange', sudden: 'purple' };

export function StatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="hardship-status" style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

export function TierTag({ tier }: { tier: string | null }) {
  const label = useLabel();
  return tier ? <Tag color={TIER_COLORS[tier]}>{label.tier(tier)}</Tag> : null;
}

/** 分 → "1,234.50 元". */
export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
