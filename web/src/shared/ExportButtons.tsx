import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { download, type Query } from '../api/client';
import { useExport } from './useExport';

interface Props {
  /** The list's path without the ending: `${path}.xlsx`, `${path}.csv`. */
  path: string;
  /** The list's filters as they stand; paging and the cursor are left out (an export is the whole list). */
  query: object;
  /** The file's name without the ending (「困难职工档案」). */
  fileName: string;
  formats?: readonly ('xlsx' | 'csv')[];
  /** The xlsx button's words (「导出」); the csv one says 「导出 CSV」. */
  label: string;
  /** Test ids `${testId}` for xlsx alone, else `${testId}-<format>`. */
  testId?: string;
}

/** A list's export buttons: the filtered list as a file; the button spins while it downloads and says a failure. */
export function ExportButtons({ path, query, fileName, formats = ['xlsx'], label, testId }: Props) {
  const { t } = useTranslation();
  const [exporting, runExport] = useExport();
  const filters = { ...query, page: undefined, pageSize: undefined, after: undefined } as unknown as Query;
  return formats.map((format) => (
    <Button
      key={format}
      loading={exporting}
      onClick={() => void runExport(() => download(`${path}.${format}`, filters, `${fileName}.${format}`))}
      data-testid={testId && (formats.length === 1 ? testId : `${testId}-${format}`)}
    >
      {format === 'csv' ? t('common:actions.exportCsv') : label}
    </Button>
  ));
}
