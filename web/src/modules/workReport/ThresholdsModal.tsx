import { useEffect, useState } from 'react';
import { App, Button, Flex, InputNumber, Modal, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { MAX_THRESHOLD_WEEKS, THRESHOLD_DIRECTIONS } from '@common/workReport';
import type { FigureUnit } from '@common/figure';
import { api } from '../../api/client';
import { useShowError } from '../../shared/errors';
import { usePutThresholds, useThresholds, type Threshold } from './api';

interface IndicatorInfo {
  key: string;
  module: string;
  label: { zh: string; en: string };
  unit: FigureUnit;
}

/** The org's alert lines, one per indicator; saved as a whole. */
export function ThresholdsModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('workReport');
  const { message } = App.useApp();
  const showError = useShowError();
  const current = useThresholds(orgId);
  const defs = useQuery({
    queryKey: ['indicators'],
    queryFn: () => api.get<{ items: IndicatorInfo[] }>('/indicators').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
  const save = usePutThresholds();
  const [items, setItems] = useState<Threshold[]>([]);
  useEffect(() => setItems(current.data?.items ?? []), [current.data]);
  const label = (d: IndicatorInfo) => (i18n.language === 'en' ? d.label.en : d.label.zh);
  const set = (i: number, patch: Partial<Threshold>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <Modal
      open
      title={t('dashboard.setThresholds')}
      onCancel={onClose}
      okText={t('dashboard.save')}
      confirmLoading={save.isPending}
      onOk={() =>
        save.mutate(
          { orgId, items },
          {
            onSuccess: () => {
              message.success(t('dashboard.saved'));
              onClose();
            },
            onError: showError,
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('dashboard.rateHint')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('dashboard.weeksHint')}</Typography.Paragraph>
      {items.map((x, i) => (
        <Flex key={i} gap={8} wrap style={{ marginBottom: 8 }}>
          <Select
            value={x.indicator}
            onChange={(indicator) => set(i, { indicator })}
            options={(defs.data ?? []).map((d) => ({ value: d.key, label: label(d) }))}
            style={{ minWidth: 180, flex: 1 }}
            aria-label={t('dashboard.indicator')}
          />
          <Select
            value={x.direction}
            onChange={(direction) => set(i, { direction })}
            options={THRESHOLD_DIRECTIONS.map((d) => ({ value: d, label: t(`dashboard.direction.${d}`) }))}
            style={{ width: 80 }}
            aria-label={`${t('dashboard.indicator')} ${t('dashboard.direction.below')}/${t('dashboard.direction.above')}`}
          />
          <InputNumber
            value={x.value}
            min={0}
            step={0.01}
            onChange={(v) => set(i, { value: v ?? 0 })}
            style={{ width: 100 }}
            aria-label={t('dashboard.value')}
          />
          <InputNumber
            value={x.weeks ?? null}
            min={1}
            max={MAX_THRESHOLD_WEEKS}
            precision={0}
            onChange={(v) => set(i, { weeks: v ?? null })}
            placeholder={t('dashboard.weeksPlaceholder')}
            addonAfter={t('dashboard.weeksUnit')}
            style={{ width: 150 }}
            aria-label={t('dashboard.weeks')}
          />
          <Button icon={<DeleteOutlined />} onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))} aria-label="delete" />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => defs.data?.[0] && setItems((xs) => [...xs, { indicator: defs.data[0].key, direction: 'below', value: 0.9 }])}
      >
        {t('dashboard.add')}
      </Button>
    </Modal>
  );
}
