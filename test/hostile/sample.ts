/**
 * The smallest instance a JSON schema (as the OpenAPI document prints it) accepts: required
 * properties only, the first enum value, the minimum length and number. The hostile-input
 * fuzzer starts every invalid request from it, so each case breaks exactly one thing; the
 * authorization matrix uses it to build requests that get past validation.
 *
 *   sampleValid(schema)                       → a valid value
 *   sampleValid(schema, { orgId: realOrgId }) → the same, with these properties set
 *
 * Deterministic: the same schema gives the same value every time.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [key: string]: unknown;
}

/** A fixed day inside the demo school term, so date fields name a plausible school day. */
export const SAMPLE_DATE = '2026-11-20';
export const SAMPLE_UUID = '0190f3a0-0000-7000-8000-00000000f022';

const FORMATS: Record<string, string> = {
  date: SAMPLE_DATE,
  'date-time': `${SAMPLE_DATE}T08:00:00.000Z`,
  time: '08:00:00',
  uuid: SAMPLE_UUID,
  email: 'fuzz@example.com',
  uri: 'https://example.com/hook',
  url: 'https://example.com/hook',
  ipv4: '127.0.0.1',
};

/** Strings tried, in order, against a pattern the generator knows nothing about. */
const PATTERN_CANDIDATES = [
  SAMPLE_UUID,
  SAMPLE_DATE,
  '2026-W47',
  '08:00',
  '13800138000',
  `${SAMPLE_DATE}T08:00:00.000Z`,
  'fuzz_user',
  'abc',
  'ABC',
  '1',
  '123456',
  'a1',
  'x',
];

const FILLER = '测试内容abcdefghij';

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/** The non-null branch a value should take (anyOf/oneOf put null first sometimes). */
export function pickBranch(schema: JsonSchema): JsonSchema {
  const alts = schema.anyOf ?? schema.oneOf;
  if (!alts?.length) return schema;
  const real = alts.find((a) => a.type !== 'null' && !(a.enum && a.enum.length === 1 && a.enum[0] === null));
  return pickBranch(real ?? alts[0]);
}

function merged(schema: JsonSchema): JsonSchema {
  if (!schema.allOf?.length) return schema;
  const out: JsonSchema = { ...schema, allOf: undefined };
  for (const part of schema.allOf.map(merged)) {
    Object.assign(out, { ...part, properties: { ...out.properties, ...part.properties }, required: [...(out.required ?? []), ...(part.required ?? [])] });
  }
  return out;
}

function sampleString(s: JsonSchema): string {
  if (s.format && FORMATS[s.format]) return FORMATS[s.format];
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Infinity;
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    const fit = PATTERN_CANDIDATES.find((c) => re.test(c) && c.length >= min && c.length <= max);
    if (fit !== undefined) return fit;
  }
  let text = FILLER.slice(0, Math.max(1, Math.min(4, max)));
  while (text.length < min) text += FILLER;
  return text.slice(0, Math.max(min, Math.min(text.length, max)));
}

function sampleNumber(s: JsonSchema, integer: boolean): number {
  let lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 0.5) : 1;
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') lo = s.minimum + (integer ? 1 : 0.5);
  const hi = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 0.5) : Infinity;
  let n = Math.min(Math.max(lo, 1), hi);
  if (integer) n = Math.ceil(n);
  if (s.multipleOf) n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  return n;
}

export function sampleValid(schema: JsonSchema | undefined, overrides?: Record<string, unknown>): unknown {
  if (!schema) return overrides ? { ...overrides } : undefined;
  const s = merged(pickBranch(schema));
  if ('const' in s) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      return sampleString(s);
    case 'integer':
      return sampleNumber(s, true);
    case 'number':
      return sampleNumber(s, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValid(s.items));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleValid(s.properties?.[key]);
      if (overrides) for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out[k] = v;
      return out;
    }
    default:
      return s.default !== undefined ? s.default : overrides ? { ...overrides } : '测试';
  }
}

/** The properties of an object schema, with their resolved (non-null, merged) schemas. */
export function propertiesOf(schema: JsonSchema | undefined): [name: string, schema: JsonSchema, required: boolean][] {
  if (!schema) return [];
  const s = merged(pickBranch(schema));
  const req = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([k, v]) => [k, merged(pickBranch(v)), req.has(k)]);
}

export { typeOf as schemaType };
