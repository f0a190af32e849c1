/**
 * The part every "fill in, send, go to what was made" form repeated: the form instance, the
 * server's field errors put under their fields, the toast, and the move to the new record.
 * A form keeps only what is its own: its fields, the body it sends and where it lands.
 */
import { useCallback } from 'react';
import { App, Form, type FormInstance } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useFormErrorHandler } from './errors';

export interface SubmitForm<V> {
  form: FormInstance<V>;
  /** For `<Form onFinish>`. */
  onFinish: (values: V) => void;
  /** True while the request is out: the submit button's `loading`. */
  pending: boolean;
}

export function useSubmitForm<V, Body, R>(
  mutation: UseMutationResult<R, unknown, Body>,
  options: {
    /** The request body from the form's values. */
    toBody: (values: V) => Body;
    /** What the user is told once it is sent (usually naming the new record's code). */
    sent: (result: R) => string;
    /** Where the user lands afterwards; omitted stays on the page. */
    to?: (result: R) => string;
  },
): SubmitForm<V> {
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useFormErrorHandler(form);
  const { mutate } = mutation;
  const { toBody, sent, to } = options;
  const onFinish = useCallback(
    (values: V) =>
      mutate(toBody(values), {
        onSuccess: (result) => {
          void message.success(sent(result));
          if (to) void navigate(to(result));
        },
        onError,
      }),
    [mutate, toBody, sent, to, message, navigate, onError],
  );
  return { form, onFinish, pending: mutation.isPending };
}
