/**
 * The indicators of every module, filled by the composition root from the declarations (as
 * it fills the scheduler with jobs). Core knows no module: it only holds what it was given.
 */
import type { IndicatorDefinition } from './indicator.js';

export type RegisteredIndicator = IndicatorDefinition & { module: string };

let registered: readonly RegisteredIndicator[] = [];

export function installIndicators(list: readonly RegisteredIndicator[]): void {
  registered = list;
}

export function indicators(): readonly RegisteredIndicator[] {
  return registered;
}

export function indicator(key: string): RegisteredIndicator | undefined {
  return registered.find((i) => i.key === key);
}
