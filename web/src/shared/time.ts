/**
 * The server stores and sends UTC; people read Beijing time. China has had no daylight
 * saving since 1991, so a fixed +08:00 offset is exact and needs no tz database.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export function toShanghai(iso: string): Dayjs {
  return dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? toShanghai(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? toShanghai(iso).format('YYYY-MM-DD') : '';
}

/**
 * The instant a Beijing calendar day starts or ends, for date-range filters: the user picks
 * days as they see them, whatever time zone the browser is in.
 */
export function shanghaiDayStart(day: Dayjs): string {
  return dayjs(`${day.format('YYYY-MM-DD')}T00:00:00.000+08:00`).toISOString();
}

export function shanghaiDayEnd(day: Dayjs): string {
  return dayjs(`${day.format('YYYY-MM-DD')}T23:59:59.999+08:00`).toISOString();
}

/** Today's date in Beijing as YYYY-MM-DD. */
export function shanghaiToday(): Dayjs {
  return dayjs(dayjs().utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD'));
}

/** Today's date in Beijing as YYYY-MM-DD (a form's default day), whatever the browser's time zone. */
export function todayInShanghai(): string {
  return new Date(Date.now() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
