import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = {
  requested: 'orange',
  preparing: 'blue',
  negotiating: 'blue',
  drafted: 'purple',
  underReview: 'purple',
  approved: 'cyan',
  signed: 'cyan',
  filed: 'cyan',
  effective: 'green',
  published: 'green',
  withdrawn: 'default',
};
export function ContractStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('contracts');
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

const LIGHTS: Record<string, 'success' | 'warning' | 'error' | 'default'> = { green: 'success', yellow: 'warning', red: 'error', done: 'default' };
/** A clock or a clause's light, with its words beside the colour (never colour alone). */
export function Light({ light, text }: { light: string | null; text: string }) {
  const { t } = useTranslation('contracts');
  if (!light) return <span>{text}</span>;
  return <Badge status={LIGHTS[light]} text={`${text}（${t(`light.${light}`)}）`} />;
}
