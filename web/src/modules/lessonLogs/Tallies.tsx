import { Flex, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TallyKind } from '@common/lessonLogs';

interface Props {
  kinds: readonly TallyKind[];
  kind: TallyKind;
  onKind: (k: TallyKind) => void;
  students: { id: string; name: string; lastReached: string | null }[];
  tapped: Partial<Record<TallyKind, string[]>>;
  onTap: (kind: TallyKind, id: string) => void;
}

/** The class roster as chips: pick a kind, tap students; a student nobody reached lately is marked. */
export function Tallies({ kinds, kind, onKind, students, tapped, onTap }: Props) {
  const { t } = useTranslation('lessonLogs');
  const on = new Set(tapped[kind] ?? []);
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('log.tapHint')}</Typography.Text>
      <Segmented
        block
        value={kind}
        onChange={(v) => onKind(v as TallyKind)}
        options={kinds.map((k) => ({ value: k, label: `${t(`tens.${k}`)} ${tapped[k]?.length ? `(${tapped[k]!.length})` : ''}` }))}
      />
      <Flex wrap gap={6}>
        {students.map((s) => (
          <Tag.CheckableTag
            key={s.id}
            checked={on.has(s.id)}
            onChange={() => onTap(kind, s.id)}
            data-testid="lessons-student"
            style={{ padding: '4px 10px', fontSize: 15, border: s.lastReached ? '1px solid #d9d9d9' : '1px dashed #d48806' }}
          >
            {s.name}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </Flex>
  );
}
