/**
 * The shapes of a labelled evaluation set (eval-set.json, eval-holdout*.json) and of the alerts
 * a run raises, with their names — shared by the in-memory replay (eval.ts) and the run through
 * the intake itself (eval-intake.ts), so that neither imports the other's module.
 */
import fs from 'node:fs';

export interface EvalAppeal {
  id: string;
  unit: string;
  category: string;
  worker: string;
  day: number;
  group: string | null;
  kind: string;
  title: string;
  description: string;
}
export interface EvalSet {
  windowDays: number;
  minWorkers: number;
  appeals: EvalAppeal[];
}

/** Alerts as a replay left them: members in the order they joined, and distinct workers when raised. */
export type Alerts = Map<string, { members: string[]; workersAtRaise: number }>;

/** alert0001, …: in the order raised, like the intake's time-ordered ids (a tie between two alerts goes to the earlier). */
export const alertName = (n: number) => `alert${String(n).padStart(4, '0')}`;

export function loadSet(file: string): EvalSet {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
