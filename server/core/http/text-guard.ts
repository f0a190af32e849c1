/**
 * Refuses text no person means to store, anywhere in a request's JSON body, query or path,
 * before any handler sees it — so every field of every route is covered, also those that
 * validate their body by hand (multipart forms call refuseBadText themselves):
 *
 * - NUL (U+0000): PostgreSQL cannot store it and fails the whole statement (a 500), while
 *   SQLite stores it silently — the same request would behave differently per engine.
 * - other C0 controls and DEL (tab, line feed and carriage return are text): they corrupt
 *   exports, logs and terminals.
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text read
 *   differently from what it is ("工资\u202Egnp.exe" shows as "工资exe.png").
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) in names: two people or units whose
 *   names look the same but differ would be told apart by nobody.
 */
import type { FastifyInstance } from 'fastify';
import { RequestValidationError } from './validation.js';

const PARTS = [
  ['body', 'body'],
  ['query', 'querystring'],
  ['params', 'params'],
] as const;

// eslint-disable-next-line no-control-regex -- the control characters are what this matches
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
/** Fields that name a person, a unit or a thing: name, displayName, username, orgName … */
const NAME_KEY = /name$/i;

export type TextFault = 'validation.nul' | 'validation.controlChar' | 'validation.bidi' | 'validation.zeroWidth';

/** Why a string may not be stored, or null; `isName` adds the rule for names. */
export function textFault(s: string, isName = false): TextFault | null {
  if (s.includes('\u0000')) return 'validation.nul';
  if (CONTROL.test(s)) return 'validation.controlChar';
  if (BIDI.test(s)) return 'validation.bidi';
  if (isName && ZERO_WIDTH.test(s)) return 'validation.zeroWidth';
  return null;
}

/** Where a value sits in the request: its key and its parent's place, so a path is spelled out only for a fault. */
interface Place {
  key: string | number;
  parent: Place | null;
}

function pathOf(place: Place | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * Paths (as zod would name them) of every string that may not be stored, with the reason. Iterative, and linear in
 * the size of the value: copying the path at every level made a 10 000-deep body cost ~50 M copies (about a second
 * of the server's CPU per request, an easy way to stall it).
 */
export function badTextPaths(value: unknown, limit = 10): { path: (string | number)[]; fault: TextFault }[] {
  const found: { path: (string | number)[]; fault: TextFault }[] = [];
  const stack: [unknown, Place | null, boolean][] = [[value, null, false]];
  while (stack.length && found.length < limit) {
    const [v, place, isName] = stack.pop()!;
    if (typeof v === 'string') {
      const fault = textFault(v, isName);
      if (fault) found.push({ path: pathOf(place), fault });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], { key: i, parent: place }, isName]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        const here = { key: k, parent: place };
        const keyFault = textFault(k, true);
        if (keyFault) found.push({ path: pathOf(here), fault: keyFault });
        stack.push([x, here, NAME_KEY.test(k)]);
      }
    }
  }
  return found;
}

/** Throws the named 400 when `value` (a request part, or a body read by hand from a multipart form) holds text that may not be stored. */
export function refuseBadText(value: unknown, part: 'body' | 'querystring' | 'params') {
  if (!value || typeof value !== 'object') return;
  const found = badTextPaths(value);
  if (found.length) {
    throw new RequestValidationError(
      part,
      found.map(({ path, fault }) => ({ code: 'custom', path, message: fault, input: undefined }) as any),
    );
  }
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [prop, part] of PARTS) refuseBadText((req as unknown as Record<string, unknown>)[prop], part);
  });
}
