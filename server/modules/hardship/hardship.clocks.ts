/**
 * The dates of a file: the yearly review falls a year after filing (or the last review), the
 * callbacks 3, 6 and 12 months after exit. The notice period is counted on the core working-day
 * calendar in the service (holidays and make-up days).
 */
import { CALLBACK_MONTHS } from '../../../common/hardship.js';
import { addMonths } from './hardship.rules.js';

/** The same day a year later (29 February → 28 February). */
export const plusYear = (date: string) => addMonths(date, 12);

export const callbackDues = (exitedOn: string) => CALLBACK_MONTHS.map((month) => ({ month, due: addMonths(exitedOn, month) }));
