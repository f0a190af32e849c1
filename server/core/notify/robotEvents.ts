/**
 * The notice kinds a group robot can be set to receive, declared by the modules
 * (`robotEvents` in defineModule) and installed by the composition root, as the indicators
 * are. Core knows no module: it only holds what it was given, and a webhook may subscribe
 * only to what is here — an event nobody sends would be a silent robot.
 */
import type { RobotEventGroup } from '../../../common/schemas/notify.js';

let groups: readonly RobotEventGroup[] = [];
let keys: ReadonlySet<string> = new Set();

export function installRobotEvents(list: readonly RobotEventGroup[]): void {
  groups = list;
  keys = new Set(list.flatMap((g) => g.events.map((e) => e.key)));
}

/** Grouped by the declaring module, in the house's module order. */
export function robotEventGroups(): readonly RobotEventGroup[] {
  return groups;
}

export function isRobotEvent(key: string): boolean {
  return keys.has(key);
}
