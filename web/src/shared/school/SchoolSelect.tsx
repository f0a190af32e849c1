import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string | undefined;
  schools: { id: string; name: string }[];
  onChange: (id: string) => void;
}

/** Shown only when a user oversees more than one school (a county office). */
export function SchoolSelect({ value, schools, onChange }: Props) {
  const { t } = useTranslation('school');
  if (schools.length < 2) return null;
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t('pickSchool')}
      aria-label={t('pickSchool')}
      style={{ minWidth: 150 }}
      data-testid="school-select"
      options={schools.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
