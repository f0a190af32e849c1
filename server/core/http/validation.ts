/**
 * Request validation with zod, and the translation of zod issues into field errors a
 * person can act on, in Chinese or English.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { FieldError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { t } from '../i18n/messages.js';

export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super('validation');
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };

const zhTypes: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
};

function describeInput(issue: any): string {
  return issue.input === undefined ? 'missing' : 'present';
}

/** Renders one issue; kept terse because it sits next to the field in the UI. */
export function localizeIssue(issue: any, locale: Locale): string {
  const zh = locale !== 'en';
  const origin = issue.origin as string | undefined;
  // Schemas in common/ name a catalogue key as their message where the generic text would be vague.
  if (typeof issue.message === 'string' && issue.message.startsWith('validation.')) return t(locale, issue.message, issue.params);
  switch (issue.code) {
    case 'invalid_type':
      if (describeInput(issue) === 'missing') return zh ? '必填' : 'Required';
      return zh ? `应为${zhTypes[issue.expected] ?? issue.expected}` : `Expected ${issue.expected}`;
    case 'too_small': {
      const n = issue.minimum;
      if (origin === 'string') return zh ? (n === 1 ? '不能为空' : `至少 ${n} 个字符`) : n === 1 ? 'Must not be empty' : `At least ${n} characters`;
      if (origin === 'array' || origin === 'set') return zh ? `至少 ${n} 项` : `At least ${n} items`;
      return zh ? `不能小于 ${n}` : `Must be at least ${n}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (origin === 'string') return zh ? `最多 ${n} 个字符` : `At most ${n} characters`;
      if (origin === 'array' || origin === 'set') return zh ? `最多 ${n} 项` : `At most ${n} items`;
      return zh ? `不能大于 ${n}` : `Must be at most ${n}`;
    }
    case 'invalid_format':
      return zh ? '格式不正确' : 'Invalid format';
    case 'invalid_value':
      return zh ? `应为以下之一：${(issue.values ?? []).join('、')}` : `Expected one of: ${(issue.values ?? []).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? `不允许的字段：${(issue.keys ?? []).join('、')}` : `Unknown fields: ${(issue.keys ?? []).join(', ')}`;
    case 'not_multiple_of':
      return zh ? `应为 ${issue.divisor} 的倍数` : `Must be a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return zh ? '取值不符合要求' : 'Invalid value';
    case 'custom':
      // Custom refinements carry a message key from the catalogue.
      return t(locale, issue.message, issue.params);
    default:
      return zh ? '取值不符合要求' : 'Invalid value';
  }
}

const PART_NAMES: Record<string, string> = { querystring: 'query', params: 'params', headers: 'headers', body: 'body' };

export function issuesToFields(part: string, issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: [PART_NAMES[part] ?? part, ...issue.path.map(String)].join('.'),
    message: '',
    params: { issue },
  }));
}
