/** Tags and labels of the suggestion enums (labels live in common/suggestions.ts, zh and en). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BENEFIT_KIND_LABELS, SUGGESTION_STATUS_LABELS, type BenefitKind, type SuggestionStatus } from '@common/suggestions';

export function useLabel() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    status: (s: string) => SUGGESTION_STATUS_LABELS[s as SuggestionStatus]?.[en ? 'en' : 'zh'] ?? s,
    benefit: (k: string) => BENEFIT_KIND_LABELS[k as BenefitKind]?.[en ? 'en' : 'zh'] ?? k,
  };
}

const COLORS: Record<string, string> = {
  submitted: 'orange',
  returned: 'red',
  merged: 'default',
  accepted: 'processing',
  evaluating: 'processing',
  evaluated: 'cyan',
  adopted: 'green',
  trial: 'lime',
  archived: 'default',
  implementing: 'blue',
  assessed: 'gold',
  verified: 'gold',
  rewarded: 'success',
};

export function StatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[status]} data-testid="suggestion-status" style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

export const money = (y: number | null) => (y === null ? '—' : `${y.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);
