/**
 * The hostile values the fuzzer plants in otherwise valid requests. Each list is what a real
 * client, a copy-paste from a chat app, or an attacker actually sends.
 */

/** SQL and HTML injection, as user text: each must be stored and shown literally. */
export const INJECTIONS = [
  "' or 1=1 --",
  '"; drop table appeals; --',
  "'); delete from audit_events; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}%s%n%x',
];

/** Unicode edge cases. The lone surrogate reaches the server as the JSON escape "\ud800". */
export const UNICODE = [
  '\ud800',
  'a\udc00b',
  '👨\u200d👩\u200d👧 家庭',
  '\u202e工资反转\u202c',
  '前\u0000后',
  '😀🙏🏽🇨🇳',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  '１２３４５６',
  '\ufeff\u200b\u2060零宽',
  '\u3000\u3000',
];

/** Text that reads differently from what it is: every bidi override and isolate. */
export const BIDI_TEXT = ['工资\u202egnp.exe', '\u202a左', '\u202b右', '\u202c结束', '\u202d强制', '\u2066隔离\u2069', '\u2067右隔离', '\u2068首强'];
/** C0 controls other than tab, line feed and carriage return, and DEL. */
export const CONTROL_TEXT = ['响铃\u0007', '\u001b[31m红字', '退格\u0008\u0008', '换页\u000c', '\u001f单元分隔', '删除\u007f', '垂直\u000b制表'];
/** Names that look like another name: zero-width spaces, joiners, word joiner, BOM. */
export const ZERO_WIDTH_NAMES = ['张\u200b三', '李\u200c四', '王\u200d五', '\u2060赵六', '\ufeff钱七'];

/** Values for a field or parameter that must name a record. */
export const BAD_IDS = ['not-a-uuid', '12345', "' or 1=1 --", '../../etc/passwd', '１２３', '0190F3A0-0000-7000-8000-00000000F022'];
/** Valid-looking, and belonging to nothing. */
export const NOWHERE_ID = '0190f3a0-dead-7bad-8bad-0000000c0de0';

export const BAD_DATES = ['2026-02-30', '2026-13-01', '', 'yesterday', '99999-01-01', '2026-1-1', '0000-00-00', '2026-11-20T00:00:00Z'];

/** Dates and weeks in path segments, where an empty value is no route at all. */
export const BAD_WEEKS = ['2026-W99', '2026-W00', '2026-40', 'W47', '99999-W01', 'yesterday'];

/** Seeded RNG (mulberry32): the same seed gives the same cases on every run and engine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)];
    },
    /** Up to n distinct items in a stable order. */
    some<T>(xs: readonly T[], n: number): T[] {
      const idx = xs
        .map((_, i) => [next(), i] as const)
        .sort((x, y) => x[0] - y[0])
        .slice(0, n)
        .map(([, i]) => i)
        .sort((x, y) => x - y);
      return idx.map((i) => xs[i]);
    },
  };
}
export type Rng = ReturnType<typeof rng>;

/** Arrays (or objects) nested `depth` deep, as JSON text, built without recursion. */
export function deepJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
