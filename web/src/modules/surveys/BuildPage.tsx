import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EMPLOYMENT_CATEGORIES, EMPLOYMENT_CATEGORY_LABELS } from '@common/enums';
import { CHOICE_KINDS, QUESTION_KINDS, type QuestionKind } from '@common/surveys';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { useFormErrorHandler } from '../../shared/errors';
import { useCreateSurvey } from './api';

interface Values {
  orgId: string;
  title: string;
  description?: string;
  anonymous: boolean;
  closesOn: Dayjs;
  targetOrgId: string;
  categories: string[];
  unionMember: 'all' | 'yes' | 'no';
  questions: { kind: QuestionKind; text: string; options?: string; required: boolean }[];
}

/** The office writes a survey as a draft: who is asked, and the questions. */
export default function BuildPage() {
  const { t, i18n } = useTranslation('surveys');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const create = useCreateSurvey();
  const navigate = useNavigate();
  const zh = i18n.language.startsWith('zh');
  const submit = (v: Values) =>
    create.mutate(
      {
        orgId: v.orgId,
        title: v.title,
        description: v.description ?? '',
        anonymous: v.anonymous,
        closesOn: v.closesOn.format('YYYY-MM-DD'),
        target: {
          orgIds: [v.targetOrgId ?? v.orgId],
          categories: v.categories ?? [],
          ...(v.unionMember === 'all' ? {} : { unionMember: v.unionMember === 'yes' }),
        },
        questions: v.questions.map((q) => ({
          kind: q.kind,
          text: q.text,
          required: q.required,
          options: CHOICE_KINDS.includes(q.kind)
            ? (q.options ?? '')
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        })),
      },
      {
        onSuccess: (s) => {
          void message.success(t('build.saved'));
          void navigate(`/surveys/${s.id}`);
        },
        onError,
      },
    );
  return (
    <Page title={t('build.title')}>
      <Card style={{ maxWidth: 760 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ anonymous: false, unionMember: 'all', categories: [], questions: [{ kind: 'single', required: true }] }}
        >
          <Form.Item name="orgId" label={t('build.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="title" label={t('build.surveyTitle')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="surveys-title" />
          </Form.Item>
          <Form.Item name="description" label={t('build.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="anonymous" label={t('build.anonymous')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="closesOn" label={t('build.closesOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="targetOrgId" label={t('build.targetOrgs')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="categories" label={t('build.categories')}>
            <Checkbox.Group options={EMPLOYMENT_CATEGORIES.map((c) => ({ value: c, label: EMPLOYMENT_CATEGORY_LABELS[c][zh ? 'zh' : 'en'] }))} />
          </Form.Item>
          <Form.Item name="unionMember" label={t('build.unionMember')}>
            <Radio.Group
              options={[
                { value: 'all', label: t('build.unionAll') },
                { value: 'yes', label: t('build.unionOnly') },
                { value: 'no', label: t('build.unionNot') },
              ]}
            />
          </Form.Item>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={`${t('build.questions')} ${i + 1}`}
                    extra={fields.length > 1 ? <MinusCircleOutlined aria-label="remove" onClick={() => remove(f.name)} /> : null}
                  >
                    <Form.Item name={[f.name, 'kind']} label={t('build.kind')} rules={[{ required: true }]}>
                      <Select options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']} label={t('build.text')} rules={[{ required: true, max: 300 }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        CHOICE_KINDS.includes(form.getFieldValue(['questions', f.name, 'kind'])) ? (
                          <Form.Item name={[f.name, 'options']} label={t('build.options')} rules={[{ required: true }]}>
                            <Input.TextArea rows={4} />
                          </Form.Item>
                        ) : null
                      }
                    </Form.Item>
                    <Form.Item name={[f.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox>{t('build.required')}</Checkbox>
                    </Form.Item>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'single', required: true })}>
                  {t('build.addQuestion')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="surveys-save">
            {t('build.save')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
