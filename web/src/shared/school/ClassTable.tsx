import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface ClassRow {
  classId: string;
  gradeName: string | null;
  className: string;
}

interface Props<R extends ClassRow> {
  rows: R[];
  /** The class's own page in this practice, opened from its name. */
  classPath: (classId: string) => string;
  linkTestId: string;
  /** The practice's figures, after grade and class. */
  columns: TableColumnsType<R>;
  scrollX: number;
  testId: string;
}

/** Every class of a school on one line each, as both school dashboards list them. */
export function ClassTable<R extends ClassRow>({ rows, classPath, linkTestId, columns, scrollX, testId }: Props<R>) {
  const { t } = useTranslation('school');
  return (
    <Table<R>
      rowKey="classId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: scrollX }}
      data-testid={testId}
      columns={[
        { title: t('grade'), dataIndex: 'gradeName', width: 70 },
        {
          title: t('className'),
          dataIndex: 'className',
          render: (name: string, r) => (
            <Link to={classPath(r.classId)} data-testid={linkTestId}>
              {name}
            </Link>
          ),
        },
        ...columns,
      ]}
    />
  );
}
