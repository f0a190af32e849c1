import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '@common/workReport';
import { halfPeriod, thisYear, yearPeriod, type Period } from './period';

interface Props {
  value: Period;
  onChange: (p: Period) => void;
}

/** Year, half-year or a term's dates; every control fits a phone's width. */
export function PeriodPicker({ value, onChange }: Props) {
  const { t } = useTranslation('workReport');
  const year = Number(value.from.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  const setKind = (kind: PeriodKind) => onChange(kind === 'year' ? yearPeriod(year) : kind === 'halfYear' ? halfPeriod(year, 1) : { kind, from: value.from, to: value.to });
  return (
    <>
      <Select<PeriodKind> value={value.kind} onChange={setKind} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} style={{ width: 90 }} data-testid="wr-kind" aria-label={t('period')} />
      {value.kind !== 'term' && (
        <Select<number>
          value={year}
          onChange={(y) => onChange(value.kind === 'year' ? yearPeriod(y) : halfPeriod(y, value.from.slice(5, 7) === '01' ? 1 : 2))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 90 }}
          aria-label={t('reports.year')}
          data-testid="wr-year"
        />
      )}
      {value.kind === 'halfYear' && (
        <Select<1 | 2>
          value={value.from.slice(5, 7) === '01' ? 1 : 2}
          onChange={(h) => onChange(halfPeriod(year, h))}
          options={[
            { value: 1, label: t('half.first') },
            { value: 2, label: t('half.second') },
          ]}
          style={{ width: 100 }}
          aria-label={t('reports.halfPick')}
        />
      )}
      {value.kind === 'term' && (
        <>
          <Input type="date" value={value.from} onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })} style={{ width: 150 }} aria-label={t('reports.from')} />
          <Input type="date" value={value.to} onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })} style={{ width: 150 }} aria-label={t('reports.to')} />
        </>
      )}
    </>
  );
}
