/** Labels, options and coloured tags for the appeal enums, in the current language. */
import { useCallback, useMemo } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPEAL_CATEGORIES,
  APPEAL_NATURES,
  APPEAL_RATINGS,
  APPEAL_STATUSES,
  APPEAL_URGENCIES,
  DECLINE_REASONS,
  GROUP_ALERT_STATUSES,
  LIGHTS,
} from '@common/appeals';

const VALUES = {
  status: APPEAL_STATUSES,
  category: APPEAL_CATEGORIES,
  nature: APPEAL_NATURES,
  urgency: APPEAL_URGENCIES,
  rating: APPEAL_RATINGS,
  declineReason: DECLINE_REASONS,
  light: LIGHTS,
  alertStatus: GROUP_ALERT_STATUSES,
} as const;

export type AppealEnum = keyof typeof VALUES | 'event' | 'channel' | 'extensionStatus';

export function useAppealLabel(): (kind: AppealEnum, value: string | null | undefined) => string {
  const { t } = useTranslation('appeals');
  return useCallback((kind, value) => (value ? t(`enums.${kind}.${value}`, { defaultValue: value }) : ''), [t]);
}

export function useAppealOptions(kind: keyof typeof VALUES): { value: string; label: string }[] {
  const label = useAppealLabel();
  return useMemo(() => VALUES[kind].map((v) => ({ value: v, label: label(kind, v) })), [kind, label]);
}

const STATUS_COLORS: Record<string, string> = {
  submitted: 'orange',
  accepted: 'blue',
  assigned: 'geekblue',
  handling: 'processing',
  answered: 'cyan',
  closed: 'green',
  declined: 'default',
  merged: 'purple',
};

export function StatusTag({ status }: { status: string }) {
  const label = useAppealLabel();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="appeal-status" style={{ marginInlineEnd: 0 }}>
      {label('status', status)}
    </Tag>
  );
}

// Preset colours, not status ones: their text shade stays AA on the tag's tint (see the theme in app/AntdFrame.tsx).
const LIGHT_COLORS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };
const LIGHT_DOTS: Record<string, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/** 红黄灯: how close the current stage is to its deadline; nothing once finished. */
export function LightTag({ light }: { light: string | null }) {
  const label = useAppealLabel();
  if (!light) return null;
  return (
    <Tag color={LIGHT_COLORS[light]} data-testid="appeal-light" data-light={light} style={{ marginInlineEnd: 0 }}>
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_DOTS[light], marginInlineEnd: 4 }} />
      {label('light', light)}
    </Tag>
  );
}

const URGENCY_COLORS: Record<string, string | undefined> = { general: undefined, urgent: 'orange', special: 'red' };

export function UrgencyTag({ urgency }: { urgency: string }) {
  const label = useAppealLabel();
  return (
    <Tag color={URGENCY_COLORS[urgency]} style={{ marginInlineEnd: 0 }}>
      {label('urgency', urgency)}
    </Tag>
  );
}

const ALERT_COLORS: Record<string, string> = { open: 'red', confirmed: 'orange', answered: 'green', dismissed: 'default' };

export function AlertStatusTag({ status }: { status: string }) {
  const label = useAppealLabel();
  return (
    <Tag color={ALERT_COLORS[status]} data-testid="alert-status" style={{ marginInlineEnd: 0 }}>
      {label('alertStatus', status)}
    </Tag>
  );
}

const RATING_COLORS: Record<string, string> = { satisfied: 'green', basicallySatisfied: 'lime', unsatisfied: 'red' };

export function RatingTag({ rating }: { rating: string | null }) {
  const label = useAppealLabel();
  if (!rating) return null;
  return (
    <Tag color={RATING_COLORS[rating]} style={{ marginInlineEnd: 0 }}>
      {label('rating', rating)}
    </Tag>
  );
}
