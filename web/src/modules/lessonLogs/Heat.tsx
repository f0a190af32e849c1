import { Typography } from 'antd';

/** A share as a heat-map cell: the warmer, the further from the routine. */
export function Heat({ n, of }: { n: number; of: number }) {
  if (!of) return <Typography.Text type="secondary">—</Typography.Text>;
  const rate = n / of;
  const bg = rate >= 0.9 ? '#d9f7be' : rate >= 0.7 ? '#fff1b8' : rate >= 0.5 ? '#ffd8bf' : '#ffccc7';
  return (
    <span style={{ display: 'block', background: bg, padding: '2px 6px', borderRadius: 4, textAlign: 'right' }} title={`${n} / ${of}`}>
      {Math.round(rate * 100)}%
    </span>
  );
}
