import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NoticeError, parseNotice } from './notice.js';

const data: { holidays: Record<string, string>; workdays: Record<string, string> } = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
const fixture = (year: number) => readFileSync(new URL(`./fixtures/notice-${year}.txt`, import.meta.url), 'utf8');

function published(year: number, table: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(table)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([d, v]) => [d, v.split(',')[1]]),
  );
}

describe('the State Council holiday notice (pure)', () => {
  it.each([2025, 2026])('reads the %i notice exactly as the published data has it', (year) => {
    const notice = parseNotice(fixture(year));
    expect(notice.year).toBe(year);
    const holidays = Object.fromEntries(notice.days.filter((d) => !d.working).map((d) => [d.date, d.name]));
    const workdays = Object.fromEntries(notice.days.filter((d) => d.working).map((d) => [d.date, d.name]));
    expect(holidays).toEqual(published(year, data.holidays));
    expect(workdays).toEqual(published(year, data.workdays));
  });

  it('reads dates written with their year, a range into the next month, and 补休', () => {
    const notice = parseNotice(`国务院办公厅关于2019年部分节假日安排的通知
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、端午节：6月7日放假，6月10日（星期一）补休。`);
    expect(notice.days).toEqual([
      { date: '2018-12-29', working: true, name: '元旦' },
      { date: '2018-12-30', working: false, name: '元旦' },
      { date: '2018-12-31', working: false, name: '元旦' },
      { date: '2019-01-01', working: false, name: '元旦' },
      { date: '2019-06-07', working: false, name: '端午' },
      { date: '2019-06-10', working: false, name: '端午' },
    ]);
  });

  it('refuses a text without a year, without dates, or with an impossible date', () => {
    const key = (text: string) => {
      try {
        parseNotice(text);
        return 'parsed';
      } catch (e) {
        return (e as NoticeError).key;
      }
    };
    expect(key('一、元旦：1月1日放假')).toBe('calendar.noticeYear');
    expect(key('关于2027年部分节假日安排的通知。今年照常。')).toBe('calendar.noticeEmpty');
    expect(key('关于2027年部分节假日安排的通知\n一、春节：2月30日放假')).toBe('calendar.noticeDate');
    expect(key('关于2027年部分节假日安排的通知\n一、春节：2月6日放假。2月6日上班。')).toBe('calendar.noticeConflict');
  });
});
