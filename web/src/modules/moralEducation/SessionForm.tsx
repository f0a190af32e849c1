import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, Segmented, Select, Tag } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useClassIndicators, useRecordSession, useUpdateSession, type Session } from './api';
import { shrinkImage } from './shrinkImage';
import { validFields } from '../../shared/validFields';

interface Values {
  status: 'held' | 'skipped';
  topic: string;
  presenterIds: string[];
  reflection: string;
  skipReason: string;
}

type Student = { value: string; label: string; times?: number };
type PresenterOption = Student | { label: string; options: Student[] };

interface Props {
  classId: string;
  date: string;
  plannedTopic: string | null;
  /** Present when editing an existing record. */
  session?: Session;
  onDone: (s: Session) => void;
  onCancel?: () => void;
}

/**
 * Everything about one session in one screen and one tap: held or skipped (with the
 * reason), the topic actually given, who presented, a short reflection and a photo.
 */
export function SessionForm({ classId, date, plannedTopic, session, onDone, onCancel }: Props) {
  const { t } = useTranslation('moralEducation');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const record = useRecordSession(classId);
  const update = useUpdateSession();
  const idem = useIdempotencyKey();
  const indicators = useClassIndicators(classId);
  const status = Form.useWatch('status', form) ?? 'held';
  const [photo, setPhoto] = useState<File | null>(null);
  const [removePhoto, setRemovePhoto] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(
      session
        ? {
            status: session.status,
            topic: session.topic ?? '',
            presenterIds: session.presenters.map((p) => p.id),
            reflection: session.reflection,
            skipReason: session.skipReason ?? '',
          }
        : { status: 'held', topic: plannedTopic ?? '', presenterIds: [], reflection: '', skipReason: '' },
    );
    setPhoto(null);
    setRemovePhoto(false);
  }, [form, session, plannedTopic, date]);

  // Students who have not spoken this term come first: every child gets a turn.
  const presenterOptions = useMemo<PresenterOption[]>(() => {
    const p = indicators.data?.presenters;
    if (!p) return session ? session.presenters.map((s) => ({ value: s.id, label: s.name })) : [];
    return [
      { label: t('form.notYet'), options: p.notYet.map((s) => ({ value: s.id, label: s.name })) },
      { label: t('form.already'), options: p.presented.map((s) => ({ value: s.id, label: s.name, times: s.times })) },
    ].filter((g) => g.options.length > 0);
  }, [indicators.data, session, t]);

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    const held = v.status === 'held';
    try {
      let saved: Session;
      if (session) {
        saved = await update.mutateAsync({
          id: session.id,
          status: v.status,
          topic: held ? v.topic.trim() : undefined,
          skipReason: held ? undefined : v.skipReason.trim(),
          presenterIds: held ? v.presenterIds : [],
          reflection: (v.reflection ?? '').trim(),
          removePhoto: removePhoto || undefined,
        });
        void message.success(t('form.updated'));
      } else {
        const input = {
          date,
          status: v.status,
          topic: held ? v.topic.trim() || undefined : undefined,
          skipReason: held ? undefined : v.skipReason.trim(),
          presenterIds: held ? v.presenterIds : [],
          reflection: held ? (v.reflection ?? '').trim() : '',
        };
        const image = held && photo ? await shrinkImage(photo) : null;
        const key = idem.keyFor({ classId, input, photo: photo ? `${photo.name}|${photo.size}|${photo.lastModified}` : null });
        saved = await record.mutateAsync({ input, photo: image, key });
        idem.done();
        void message.success(t('form.saved'));
      }
      onDone(saved);
    } catch (err) {
      onError(err);
    }
  };

  const reasons = t('form.reasons').split('|');
  return (
    <Form form={form} layout="vertical" data-testid="me-form" requiredMark={false}>
      <Form.Item name="status" label={t('form.status')}>
        <Segmented
          block
          size="large"
          options={[
            { value: 'held', label: <span data-testid="me-status-held">{t('status.held')}</span> },
            { value: 'skipped', label: <span data-testid="me-status-skipped">{t('status.skipped')}</span> },
          ]}
          data-testid="me-status"
        />
      </Form.Item>
      {status === 'held' ? (
        <>
          <Form.Item
            name="topic"
            label={t('form.topic')}
            extra={plannedTopic ? t('form.topicHint') : t('today.noTopic')}
            rules={[{ required: !plannedTopic, whitespace: true, message: t('common:form.required', { field: t('form.topic') }) }]}
          >
            <Input maxLength={100} data-testid="me-topic-input" />
          </Form.Item>
          <Form.Item name="presenterIds" label={t('form.presenters')}>
            <Select
              mode="multiple"
              allowClear
              maxCount={10}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('form.presentersPlaceholder')}
              options={presenterOptions}
              // The count shows in the list only; a chosen student's tag carries just the name.
              optionRender={(o) => ((o.data as Student).times ? `${o.label as string}（${t('form.times', { n: (o.data as Student).times })}）` : o.label)}
              loading={indicators.isLoading}
              data-testid="me-presenters"
            />
          </Form.Item>
          <Form.Item name="reflection" label={t('form.reflection')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={t('form.reflectionPlaceholder')} data-testid="me-reflection" />
          </Form.Item>
          {session ? (
            session.photoUrl && (
              <Form.Item label={t('form.photo')}>
                <Flex vertical gap={6}>
                  <img src={session.photoUrl} alt="" className="me-photo" style={{ opacity: removePhoto ? 0.3 : 1 }} />
                  <Checkbox checked={removePhoto} onChange={(e) => setRemovePhoto(e.target.checked)}>
                    {t('form.removePhoto')}
                  </Checkbox>
                </Flex>
              </Form.Item>
            )
          ) : (
            <Form.Item label={t('form.photo')}>
              <input
                ref={fileInput}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                capture="environment"
                style={{ display: 'none' }}
                onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
                data-testid="me-photo-input"
              />
              {preview ? (
                <Flex vertical gap={6} align="flex-start">
                  <img src={preview} alt="" className="me-photo" data-testid="me-photo-preview" />
                  <Button size="small" icon={<CloseOutlined />} onClick={() => setPhoto(null)}>
                    {t('form.removePhoto')}
                  </Button>
                </Flex>
              ) : (
                <Button icon={<CameraOutlined />} onClick={() => fileInput.current?.click()} data-testid="me-photo">
                  {t('form.addPhoto')}
                </Button>
              )}
            </Form.Item>
          )}
        </>
      ) : (
        <Form.Item
          name="skipReason"
          label={t('form.skipReason')}
          rules={[{ required: true, whitespace: true, message: t('common:form.required', { field: t('form.skipReason') }) }]}
          extra={
            <Flex wrap gap={6} style={{ marginTop: 6 }}>
              {reasons.map((r) => (
                <Tag.CheckableTag key={r} checked={false} onChange={() => form.setFieldValue('skipReason', r)} className="hb-phrase">
                  {r}
                </Tag.CheckableTag>
              ))}
            </Flex>
          }
        >
          <Input maxLength={200} placeholder={t('form.skipReasonPlaceholder')} data-testid="me-skip-reason" />
        </Form.Item>
      )}
      <Flex gap={8}>
        {onCancel && (
          <Button size="large" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        )}
        <Button type="primary" size="large" block loading={record.isPending || update.isPending} onClick={() => void submit()} data-testid="me-submit">
          {t('form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
