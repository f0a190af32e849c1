/** Tags and labels of the mediation enums (labels live in common/mediation.ts, zh and en). */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DECIDED_ITEM_STATUS_LABELS, type DecidedItemStatus } from '@common/decidedItems';
import { CASE_STATUS_LABELS, CLAIM_TYPE_LABELS, type CaseLight, type CaseStatus, type ClaimType } from '@common/mediation';

export function useLabel() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    status: (s: string) => CASE_STATUS_LABELS[s as CaseStatus]?.[en ? 'en' : 'zh'] ?? s,
    claim: (c: string) => CLAIM_TYPE_LABELS[c as ClaimType]?.[en ? 'en' : 'zh'] ?? c,
    decided: (s: DecidedItemStatus) => DECIDED_ITEM_STATUS_LABELS[s][en ? 'en' : 'zh'],
  };
}

const DECIDED_COLORS: Record<DecidedItemStatus, string> = {
  planned: 'default',
  inProgress: 'processing',
  done: 'success',
  overdue: 'error',
  dropped: 'default',
};

/** The performance item's state (督办), in the theme's presets. */
export function DecidedTag({ status }: { status: DecidedItemStatus }) {
  const label = useLabel();
  return (
    <Tag color={DECIDED_COLORS[status]} data-testid="mediation-performance-status" style={{ marginInlineEnd: 0 }}>
      {label.decided(status)}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = {
  applied: 'orange',
  accepted: 'processing',
  agreed: 'cyan',
  performed: 'success',
  failed: 'magenta',
  rejected: 'default',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="mediation-status" style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

const LIGHT_COLORS: Record<CaseLight, string | undefined> = { green: 'success', yellow: 'warning', red: 'error', none: undefined };

export function LightTag({ light, due }: { light: CaseLight; due?: string | null }) {
  const { t } = useTranslation('mediation');
  if (light === 'none') return null;
  return (
    <Tag color={LIGHT_COLORS[light]} data-testid="mediation-light" style={{ marginInlineEnd: 0 }}>
      {t(`light.${light}`)}
      {due ? ` ${due.slice(5)}` : ''}
    </Tag>
  );
}

/** The due date the light is about: acceptance while applied, mediation while accepted. */
export function dueOf(c: { status: string; clocks: { acceptDue: string; mediationDue: string | null } }): string | null {
  return c.status === 'applied' ? c.clocks.acceptDue : c.status === 'accepted' ? c.clocks.mediationDue : null;
}
