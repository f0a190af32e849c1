import { useState } from 'react';
import { App, Button, Card, Flex, Input, List, Popconfirm, Select, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClassDuty } from '@common/schemas/people';
import { api } from '../../api/client';
import { errorText } from '../../shared/errors';
import type { ClassTimetable } from './api';

type Teacher = ClassTimetable['teachers'][number];

/**
 * 任课安排: the academic office puts teachers on a class (head teacher, or a subject) and takes them off — over the
 * core's `/orgs/:classId/teachers` API (audited there). The grid beside it offers exactly these teachers, so the page
 * refetches the timetable after each change.
 */
export function ClassTeachersCard({ classId, teachers }: { classId: string; teachers: Teacher[] }) {
  const { t } = useTranslation('timetable');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [teacherId, setTeacherId] = useState<string>();
  const [duty, setDuty] = useState<ClassDuty>('subject');
  const [subject, setSubject] = useState('');
  // The school's teachers the office reaches, searched by name (the people list is scoped on the server).
  const found = useQuery({
    queryKey: ['people', 'teachers', q],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; orgName: string }[] }>('/people', { kind: 'teacher', q: q || undefined, pageSize: 20, sort: 'name' }),
  });
  const done = (text: string) => {
    message.success(text);
    return qc.invalidateQueries({ queryKey: ['timetable'] });
  };
  const add = useMutation({
    mutationFn: () => api.post(`/orgs/${classId}/teachers`, { teacherId, duty, subject: duty === 'subject' ? subject.trim() : null }),
    onSuccess: () => {
      setTeacherId(undefined);
      setSubject('');
      return done(t('assign.added'));
    },
    onError: (err) => message.error(errorText(err, t)),
  });
  const remove = useMutation({
    mutationFn: (x: Teacher) => api.delete(`/orgs/${classId}/teachers/${x.id}?duty=${x.duty}`),
    onSuccess: () => done(t('assign.removed')),
    onError: (err) => message.error(errorText(err, t)),
  });
  return (
    <Card size="small" title={t('assign.title')} data-testid="class-teachers">
      <List
        size="small"
        dataSource={teachers}
        locale={{ emptyText: t('noTeachers') }}
        renderItem={(x) => (
          <List.Item
            actions={[
              <Popconfirm key="rm" title={t('assign.confirmRemove', { name: x.name })} onConfirm={() => remove.mutate(x)}>
                <Button size="small" type="link" danger>
                  {t('assign.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Flex gap={8} align="center" wrap>
              <span>{x.name}</span>
              <Tag>{x.duty === 'head' ? t('assign.head') : (x.subject ?? '')}</Tag>
            </Flex>
          </List.Item>
        )}
      />
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Select
          aria-label={t('assign.teacher')}
          placeholder={t('assign.teacher')}
          showSearch={{ filterOption: false, onSearch: setQ }}
          value={teacherId}
          onChange={setTeacherId}
          loading={found.isFetching}
          options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }))}
          style={{ minWidth: 180, flex: 1 }}
        />
        <Select
          aria-label={t('assign.duty')}
          value={duty}
          onChange={setDuty}
          options={[
            { value: 'subject', label: t('assign.subjectTeacher') },
            { value: 'head', label: t('assign.head') },
          ]}
          style={{ width: 120 }}
        />
        {duty === 'subject' && (
          <Input
            aria-label={t('assign.subject')}
            placeholder={t('assign.subject')}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            style={{ width: 120 }}
          />
        )}
        <Button type="primary" disabled={!teacherId || (duty === 'subject' && !subject.trim())} loading={add.isPending} onClick={() => add.mutate()}>
          {t('assign.add')}
        </Button>
      </Flex>
    </Card>
  );
}
