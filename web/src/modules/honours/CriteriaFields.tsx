/**
 * The criteria part of an honour's form — the words, the scored criteria (a top score each) and
 * requirements (met or not), the pass mark — shared by declaring an honour and editing its criteria.
 */
import type { FormInstance } from 'antd';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CRITERION_KINDS, type CriterionKind } from '@common/honours';

export interface CriteriaValues {
  criteria: string;
  /** `key` is kept for criteria that already have one (their code), new ones get the next free code. */
  criteriaItems: { key?: string; label: string; kind: CriterionKind; max?: number }[];
  passScore?: number;
}

/** A code per criterion, which its points are stored under: kept where it has one, the next free `cN` otherwise. */
export function itemsWithKeys(items: CriteriaValues['criteriaItems'] | undefined) {
  const taken = new Set((items ?? []).map((c) => c.key).filter(Boolean));
  let n = 0;
  const next = () => {
    do n++;
    while (taken.has(`c${n}`));
    return `c${n}`;
  };
  return (items ?? []).map((c) => ({ key: c.key ?? next(), label: c.label, kind: c.kind, ...(c.kind === 'score' ? { max: c.max } : {}) }));
}

export function CriteriaFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation('honours');
  return (
    <>
      <Form.Item name="criteria" label={t('create.text')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={2} data-testid="honour-text" />
      </Form.Item>
      <Form.Item label={t('create.items')} extra={t('create.itemsHint')}>
        <Form.List name="criteriaItems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'key']} hidden noStyle>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'label']}
                    rules={[{ required: true, message: t('create.label') }, { max: 40 }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input placeholder={t('create.label')} aria-label={t('create.label')} data-testid="criterion-label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 0 }}>
                    <Select
                      aria-label={t('create.itemKind')}
                      style={{ width: 96 }}
                      options={CRITERION_KINDS.map((k) => ({ value: k, label: t(`criteria.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['criteriaItems', f.name, 'kind']) === 'score' ? (
                        <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: t('create.max') }]} style={{ marginBottom: 0 }}>
                          <InputNumber min={1} max={100} precision={0} placeholder={t('create.max')} aria-label={t('create.max')} style={{ width: 90 }} />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('create.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 15} onClick={() => add({ label: '', kind: 'check' })}>
                {t('create.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="passScore" label={t('create.passScore')}>
        <InputNumber min={0} max={1500} precision={0} />
      </Form.Item>
    </>
  );
}
