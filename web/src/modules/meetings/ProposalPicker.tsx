import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProposalChoices, type ProposalChoice } from './api';

export const proposalLabel = (p: Pick<ProposalChoice, 'number' | 'title'>) => `第${p.number ?? ''}号提案：${p.title}`;

/**
 * An agenda item's congress proposal: the adopted proposals the series' meetings may take up
 * (the server's rule), searched by title. Picking one tells the parent, which may name the item after it.
 */
export function ProposalPicker({
  seriesId,
  value,
  onChange,
  onPicked,
}: {
  seriesId?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  onPicked?: (p: ProposalChoice) => void;
}) {
  const { t } = useTranslation('meetings');
  const [q, setQ] = useState('');
  const choices = useProposalChoices(seriesId, q);
  const items = choices.data ?? [];
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      disabled={!seriesId}
      loading={choices.isFetching}
      value={value}
      placeholder={seriesId ? t('plan.proposal') : t('plan.proposalNeedsSeries')}
      aria-label={t('plan.proposal')}
      notFoundContent={t('plan.noProposals')}
      style={{ width: 280 }}
      options={items.map((p) => ({ value: p.id, label: `${proposalLabel(p)}（${p.sessionName}）` }))}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        const picked = items.find((p) => p.id === v);
        if (picked) onPicked?.(picked);
      }}
    />
  );
}
