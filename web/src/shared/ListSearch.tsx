import { useEffect, useState } from 'react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The search the list applies now (from its query). */
  value: string | undefined;
  /** A trimmed text, or undefined for none. */
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  width: number | string;
  testId: string;
  buttonTestId: string;
}

/**
 * The text search of a list's filter bar. The text stays local until Enter or the button, so
 * typing does not query on every key; clearing the box (×) clears the search at once, as
 * users expect. Not Input.Search: it puts extra props on its wrapper, and tests need the
 * input itself.
 */
export function ListSearch({ value, onSearch, placeholder, width, testId, buttonTestId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value ?? '');
  useEffect(() => setQ(value ?? ''), [value]);
  const submit = () => onSearch(q.trim() || undefined);
  return (
    <Space.Compact style={{ width }}>
      <Input
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value && value) onSearch(undefined);
        }}
        onPressEnter={submit}
        placeholder={placeholder}
        allowClear
        data-testid={testId}
      />
      <Button icon={<SearchOutlined />} aria-label={t('common:actions.search')} onClick={submit} data-testid={buttonTestId} />
    </Space.Compact>
  );
}
