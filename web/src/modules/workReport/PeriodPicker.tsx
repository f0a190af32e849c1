import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '@common/workReport';
import { halfPeriod, thisYear, yearPeriod, type Period } from './period';

export interface TermOption {
  name: string;
  startDate: string;
  endDate: string;
}

interface Props {
  value: Period;
  onChange: (p: Period) => void;
  /** A school's terms: picking 学期 then starts on the current one (else the latest begun), and a select offers each. */
  terms?: readonly TermOption[];
}

const termPeriod = (term: TermOption): Period => ({ kind: 'term', from: term.startDate, to: term.endDate });

/** The term today falls in, else the latest that has begun, else the first. */
function currentTerm(terms: readonly TermOption[]): TermOption | undefined {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const begun = [...terms].filter((x) => x.startDate <= today).sort((a, b) => b.startDate.localeCompare(a.startDate));
  return terms.find((x) => x.startDate <= today && today <= x.endDate) ?? begun[0] ?? terms[0];
}

/** Year, half-year or a term's dates; every control fits a phone's width. */
export function PeriodPicker({ value, onChange, terms }: Props) {
  const { t } = useTranslation('workReport');
  const year = Number(value.from.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  const startTerm = terms?.length ? currentTerm(terms) : undefined;
  const setKind = (kind: PeriodKind) =>
    onChange(
      kind === 'year'
        ? yearPeriod(year)
        : kind === 'halfYear'
          ? halfPeriod(year, 1)
          : startTerm
            ? termPeriod(startTerm)
            : { kind, from: value.from, to: value.to },
    );
  const pickedTerm = terms?.findIndex((x) => x.startDate === value.from && x.endDate === value.to);
  return (
    <>
      <Select<PeriodKind>
        value={value.kind}
        onChange={setKind}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        style={{ width: 90 }}
        data-testid="wr-kind"
        aria-label={t('period')}
      />
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
      {value.kind === 'term' && !!terms?.length && (
        <Select<number>
          value={pickedTerm !== undefined && pickedTerm >= 0 ? pickedTerm : undefined}
          onChange={(i) => onChange(termPeriod(terms[i]))}
          options={terms.map((x, i) => ({ value: i, label: x.name }))}
          placeholder={t('reports.termPick')}
          style={{ minWidth: 200 }}
          aria-label={t('reports.termPick')}
          data-testid="wr-term"
        />
      )}
      {value.kind === 'term' && (
        <>
          <Input
            type="date"
            value={value.from}
            onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
            style={{ width: 150 }}
            aria-label={t('reports.from')}
          />
          <Input
            type="date"
            value={value.to}
            onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
            style={{ width: 150 }}
            aria-label={t('reports.to')}
          />
        </>
      )}
    </>
  );
}
