/**
 * The clocks of a case as the rules set them, and their traffic light:
 * - acceptance is decided within 3 working days of the application (企业劳动争议协商调解规定 §23),
 *   counted on the core working-day calendar (holidays, 调休 make-up days);
 * - mediation ends within 15 days of acceptance, plus an extension both parties agreed to
 *   (at most 15 more); from the next day the worker may go to arbitration (调解仲裁法 §14);
 * - the one-year limitation (§27) runs afresh from the day mediation ended, which a pending
 *   case shows as the end of its mediation period.
 */
import { addDays } from '../../core/calendar/calendar.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { ACCEPT_WORKING_DAYS, MEDIATION_DAYS, type CaseLight, type CaseStatus } from '../../../common/mediation.js';

export interface ClockInput {
  status: string;
  applied_date: string;
  accept_due: string;
  accepted_on: string | null;
  mediation_due: string | null;
  closed_on: string | null;
  dispute_date: string;
  performance_due: string | null;
}

export interface Clocks {
  acceptDue: string;
  mediationDue: string | null;
  arbitrationFrom: string | null;
  limitationEnds: string;
  light: CaseLight;
}

export const acceptDueOf = (cal: WorkCalendar, appliedDate: string) => cal.addWorkingDays(appliedDate, ACCEPT_WORKING_DAYS);
export const mediationDueOf = (acceptedOn: string, extensionDays: number) => addDays(acceptedOn, MEDIATION_DAYS + extensionDays);

/** The same day a year later (29 February → 28 February). */
export function plusYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = `${y + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return m === 2 && d === 29 ? `${y + 1}-02-28` : next;
}

/** green, yellow within `warn` days of the due date (the due day itself included), red after it. */
function lightFor(today: string, due: string, warn: number): CaseLight {
  if (today > due) return 'red';
  return addDays(today, warn) >= due ? 'yellow' : 'green';
}

export function clocksOf(c: ClockInput, today: string): Clocks {
  const status = c.status as CaseStatus;
  let arbitrationFrom: string | null = null;
  if (status === 'failed') arbitrationFrom = c.closed_on;
  else if (status === 'accepted' && c.mediation_due) arbitrationFrom = addDays(c.mediation_due, 1);
  // The application itself interrupted the limitation; it restarts when mediation ends.
  const mediationEnd = status === 'accepted' ? c.mediation_due : status === 'applied' ? c.accept_due : c.closed_on;
  const limitationEnds = plusYear(mediationEnd ?? c.dispute_date);
  let light: CaseLight = 'none';
  if (status === 'applied') light = lightFor(today, c.accept_due, 1);
  else if (status === 'accepted' && c.mediation_due) light = lightFor(today, c.mediation_due, 3);
  else if (status === 'agreed' && c.performance_due) light = lightFor(today, c.performance_due, 3);
  return { acceptDue: c.accept_due, mediationDue: c.mediation_due, arbitrationFrom, limitationEnds, light };
}
