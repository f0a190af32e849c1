import { useState, type ReactNode } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useFormErrorHandler } from './errors';

/** How a field of an action's form is typed in. A number says its bounds; a custom input is given whole. */
export type ActionFieldKind =
  | 'text'
  | 'area'
  | 'date'
  | 'check'
  | { number: { min?: number; max?: number; precision?: number } }
  | { options: { value: string | number; label: string }[] }
  | { input: ReactNode };

export interface ActionField {
  name: string;
  label: string;
  kind: ActionFieldKind;
  required?: boolean;
}

/** One action's form: its button's title (also the dialog's), its fields and their first values. */
export interface ActionForm {
  title: string;
  fields: ActionField[];
  initial?: Record<string, unknown>;
  /** The button's weight: the step forward is primary, a refusal or an end is danger. */
  tone?: 'primary' | 'danger';
}

/** The mutation an action is sent by (react-query's `useMutation` result fits). */
export interface ActionMutation<A extends string> {
  mutate: (vars: { action: A; body: Record<string, unknown> }, handlers: { onSuccess: () => void; onError: (err: Error) => void }) => void;
  isPending: boolean;
}

interface Props<A extends string> {
  /** Test ids: `<prefix>-action-<action>`, `<prefix>-action-submit`, `<prefix>-field-<name>`. */
  prefix: string;
  forms: Partial<Record<A, ActionForm>>;
  /** The actions the caller may take now (the server's `can`), in the order shown. */
  buttons: A[];
  mutation: ActionMutation<A>;
  okText: string;
  doneText: string;
  /** The form's values → the body sent (blank values are dropped first), e.g. yuan typed, fen sent. */
  toBody?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The open dialog, when the caller needs to know it (to load a picker's options only then). */
  open?: A | null;
  onOpen?: (action: A | null) => void;
}

/** The field's control; called, not rendered as a component, so Form.Item hands its value and onChange to the control itself. */
function fieldInput(field: ActionField, testId: string): ReactNode {
  const { kind } = field;
  if (kind === 'area') return <Input.TextArea rows={3} data-testid={testId} />;
  if (kind === 'date') return <Input type="date" data-testid={testId} />;
  if (kind === 'check') return <Checkbox />;
  if (kind === 'text') return <Input data-testid={testId} />;
  if ('options' in kind) return <Select options={kind.options} aria-label={field.label} data-testid={testId} />;
  if ('input' in kind) return kind.input;
  return <InputNumber {...kind.number} style={{ width: '100%' }} data-testid={testId} />;
}

/**
 * A record's next steps as buttons, each opening its form in a dialog; the server decided which
 * (`can`) and checks again. On success the dialog closes and says so; a refused field is marked
 * on the form. A module declares its forms as data and keeps no dialog code of its own.
 */
export function ActionBar<A extends string>({ prefix, forms, buttons, mutation, okText, doneText, toBody, open: openProp, onOpen }: Props<A>) {
  const { message } = App.useApp();
  const [own, setOwn] = useState<A | null>(null);
  const open = openProp === undefined ? own : openProp;
  const setOpen = (a: A | null) => (onOpen ? onOpen(a) : setOwn(a));
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const shown = buttons.filter((b) => forms[b]);
  if (!shown.length) return null;

  const current = open ? forms[open] : undefined;
  const submit = (values: Record<string, unknown>) => {
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    mutation.mutate(
      { action: open!, body: toBody ? toBody(filled) : filled },
      {
        onSuccess: () => {
          void message.success(doneText);
          setOpen(null);
          form.resetFields();
        },
        onError,
      },
    );
  };

  return (
    <>
      <Flex gap={8} wrap>
        {shown.map((b) => (
          <Button
            key={b}
            type={forms[b]!.tone === 'primary' ? 'primary' : 'default'}
            danger={forms[b]!.tone === 'danger'}
            onClick={() => setOpen(b)}
            data-testid={`${prefix}-action-${b}`}
          >
            {forms[b]!.title}
          </Button>
        ))}
      </Flex>
      <Modal
        open={!!current}
        title={current?.title}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        okText={okText}
        destroyOnHidden
        okButtonProps={{ 'data-testid': `${prefix}-action-submit` } as Record<string, string>}
      >
        {current && (
          <Form form={form} layout="vertical" onFinish={submit} initialValues={current.initial} preserve={false}>
            {current.fields.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={f.label}
                valuePropName={f.kind === 'check' ? 'checked' : 'value'}
                rules={f.required ? [{ required: true }] : undefined}
              >
                {fieldInput(f, `${prefix}-field-${f.name}`)}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
