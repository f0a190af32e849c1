import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  phrases: string[] | undefined;
  onPick: (phrase: string) => void;
}

/** One tap puts a kind sentence in the box; typing one's own words is always possible. */
export function PhraseChips({ phrases, onPick }: Props) {
  const { t } = useTranslation('heartBridge');
  if (!phrases?.length) return null;
  return (
    <div className="hb-phrases" data-testid="hb-phrases">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('phrases.label')}
      </Typography.Text>
      <Flex wrap gap={6} style={{ marginTop: 4 }}>
        {phrases.map((p) => (
          <Tag.CheckableTag key={p} checked={false} onChange={() => onPick(p)} className="hb-phrase" data-testid="hb-phrase">
            {p}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </div>
  );
}
