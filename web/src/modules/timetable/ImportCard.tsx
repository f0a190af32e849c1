/**
 * The academic office's Excel import of a school's timetables (POST /timetable/schools/:id/import):
 * one sheet of class, weekday, period, subject, teacher. Any faulty row writes nothing; the rows
 * are listed by Excel row and column so the office can correct the sheet and import it again.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Table, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TimetableImportResult } from '@common/schemas/timetable';
import { api } from '../../api/client';
import { errorText } from '../../shared/errors';

type Result = z.infer<typeof TimetableImportResult>;

export function ImportCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('timetable');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [result, setResult] = useState<Result>();
  const run = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<Result>(`/timetable/schools/${schoolId}/import`, form);
    },
    onSuccess: (r) => {
      setResult(r);
      if (!r.errors.length) {
        message.success(t('import.done', { classes: r.classes, slots: r.slots }));
        void qc.invalidateQueries({ queryKey: ['timetable'] });
      }
    },
    onError: (err) => message.error(errorText(err, t)),
  });
  return (
    <Flex vertical gap={8}>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          run.mutate(file);
          return false;
        }}
      >
        <Button loading={run.isPending}>{t('import.pick')}</Button>
      </Upload>
      {result && result.errors.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('import.failed', { n: result.errors.length })} />
          <Table
            size="small"
            rowKey={(e) => `${e.row}|${e.column}`}
            pagination={false}
            dataSource={result.errors}
            columns={[
              { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
              { key: 'column', title: t('import.column'), dataIndex: 'column', width: 90 },
              { key: 'message', title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
