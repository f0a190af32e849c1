import type { ReactNode } from 'react';
import { Flex, Select } from 'antd';

/** The row of a list's filters above its table or cards; it wraps on a narrow screen. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      {children}
    </Flex>
  );
}

interface SelectProps<V extends string | number> {
  /** Says what the empty picker means (「全部状态」); also its accessible name. */
  label: string;
  value: V | undefined;
  /** undefined when cleared. */
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
  /** The picker grows from `minWidth` with its choice, unless a fixed `width` is given. */
  minWidth?: number;
  width?: number;
  /** Typing narrows the options by their label (a long list such as people). */
  search?: boolean;
  testId?: string;
}

/** One filter of a list: a clearable picker whose empty state is "all". */
export function FilterSelect<V extends string | number>({ label, value, onChange, options, minWidth = 140, width, search, testId }: SelectProps<V>) {
  return (
    <Select<V>
      allowClear
      {...(search ? { showSearch: true, optionFilterProp: 'label' } : {})}
      placeholder={label}
      aria-label={label}
      style={width ? { width } : { minWidth }}
      value={value}
      onChange={(v) => onChange(v)}
      options={options}
      data-testid={testId}
    />
  );
}
