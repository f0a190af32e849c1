/**
 * Reads the State Council's yearly notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) as an
 * admin pastes it: one numbered item per holiday, a sentence with 放假 giving the days off
 * and a sentence with 上班 giving the swapped working days (调休上班).
 */
import { lunarToSolar, qingming, type ScheduledDay } from './statutory.js';

/** The notice spells the holidays as the law does; the `chinese-days` data spells some shorter. */
const NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明节: '清明',
  清明: '清明',
  劳动节: '劳动节',
  端午节: '端午',
  端午: '端午',
  中秋节: '中秋',
  中秋: '中秋',
  国庆节: '国庆节',
  国庆: '国庆节',
};

/** Where a holiday itself falls, so a joint item (国庆节、中秋节) names each day after its own festival. */
const FALLS_ON: Record<string, (year: number) => string> = {
  元旦: (y) => `${y}-01-01`,
  春节: (y) => lunarToSolar(y, 1, 1),
  清明: qingming,
  劳动节: (y) => `${y}-05-01`,
  端午: (y) => lunarToSolar(y, 5, 5),
  中秋: (y) => lunarToSolar(y, 8, 15),
  国庆节: (y) => `${y}-10-01`,
};

export interface ParsedNotice {
  year: number;
  /** Days off and swapped working days, by date. */
  days: ScheduledDay[];
}

export class NoticeError extends Error {
  constructor(readonly key: 'calendar.noticeYear' | 'calendar.noticeEmpty' | 'calendar.noticeConflict' | 'calendar.noticeDate') {
    super(key);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
const next = (d: string) => new Date(Date.parse(d + 'T00:00:00Z') + DAY_MS).toISOString().slice(0, 10);

function validDate(y: number, m: number, d: number): string {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  const t = new Date(s + 'T00:00:00Z');
  if (Number.isNaN(t.getTime()) || t.getUTCMonth() + 1 !== m || t.getUTCDate() !== d) throw new NoticeError('calendar.noticeDate');
  return s;
}

const DATE = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
const RANGE = new RegExp(DATE + String.raw`(?:\s*[（(][^）)]*[）)])?(?:\s*至\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?`, 'g');
const ITEM = /(?:^|[\n。；;])\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:\n。]{1,30})[：:]/g;

/** Every date a sentence names, ranges expanded. A month without a year belongs to the notice's year. */
function datesIn(sentence: string, year: number): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(RANGE)) {
    const y1 = m[1] ? Number(m[1]) : year;
    const m1 = Number(m[2]);
    const from = validDate(y1, m1, Number(m[3]));
    if (!m[6]) {
      out.push(from);
      continue;
    }
    const m2 = m[5] ? Number(m[5]) : m1;
    // 12月30日至1月1日 without years: the range runs into the next year.
    const y2 = m[4] ? Number(m[4]) : m2 < m1 ? y1 + 1 : y1;
    const to = validDate(y2, m2, Number(m[6]));
    if (to < from || Date.parse(to) - Date.parse(from) > 20 * DAY_MS) throw new NoticeError('calendar.noticeDate');
    for (let d = from; d <= to; d = next(d)) out.push(d);
  }
  return out;
}

export function parseNotice(text: string): ParsedNotice {
  const norm = text.replace(/\r/g, '').replace(/\u3000/g, ' ');
  const title = /(\d{4})\s*年\s*部分节假日安排/.exec(norm);
  if (!title) throw new NoticeError('calendar.noticeYear');
  const year = Number(title[1]);

  const items = [...norm.matchAll(ITEM)];
  const byDate = new Map<string, ScheduledDay>();
  const put = (day: ScheduledDay) => {
    const had = byDate.get(day.date);
    if (had && had.working !== day.working) throw new NoticeError('calendar.noticeConflict');
    byDate.set(day.date, day);
  };
  items.forEach((item, i) => {
    const start = item.index! + item[0].length;
    const end = i + 1 < items.length ? items[i + 1].index! : norm.length;
    // An item is one paragraph; what follows it (the closing remarks, the signature date) is not part of it.
    const body = norm.slice(start, end).split('\n')[0];
    const names = item[1]
      .split(/[、,，和及]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => NAMES[s] ?? s);
    const own = new Map<string, string>();
    for (const n of names.slice(1)) if (FALLS_ON[n]) own.set(FALLS_ON[n](year), n);
    for (const sentence of body.split(/[。；;]/)) {
      const working = /上班/.test(sentence);
      if (!working && !/放假|补休|休息/.test(sentence)) continue;
      for (const date of datesIn(sentence, year)) {
        put({ date, working, name: working ? names[0] : (own.get(date) ?? names[0]) });
      }
    }
  });
  if (byDate.size === 0) throw new NoticeError('calendar.noticeEmpty');
  return { year, days: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)) };
}
