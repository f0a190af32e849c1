import type { FormInstance } from 'antd';

/**
 * The form's values, or undefined when a field is invalid. antd rejects validateFields()
 * with a plain object ({ errorFields }); left uncaught it surfaces as an "Uncaught (in
 * promise) Object" page error, although the form already shows each field's message.
 */
export async function validFields<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (err && typeof err === 'object' && 'errorFields' in err) return undefined;
    throw err;
  }
}
