import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassOption } from './useClassOptions';

interface Props {
  value: string | undefined;
  options: ClassOption[];
  onChange: (id: string) => void;
  loading?: boolean;
}

/** Picks a class; hidden work for the one-class teacher, a searchable list for the office. */
export function ClassSelect({ value, options, onChange, loading }: Props) {
  const { t } = useTranslation('school');
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('pickClass')}
      aria-label={t('pickClass')}
      style={{ minWidth: 150, maxWidth: '100%' }}
      data-testid="class-select"
      options={options.map((c) => ({ value: c.id, label: c.head ? `${c.name}（${t('headTag')}）` : c.name }))}
    />
  );
}
