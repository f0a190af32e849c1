/**
 * The group-alert decision for one new appeal, as a pure function so the service, the
 * evaluation script and the tests run the very same rule.
 *
 * Given the earlier appeals of the same unit and category inside the window:
 * - the similar ones are those scoring at or above the threshold against the new appeal;
 * - if one of them already belongs to an active alert (open or confirmed), the new appeal
 *   joins that alert;
 * - otherwise, when the similar appeals not yet in any alert, plus the new one, come from
 *   at least `minWorkers` distinct workers, a new alert is raised over them.
 * Appeals of a dismissed or answered alert do not count again: staff have already judged
 * that issue, and a fresh alert needs fresh appeals. A dismissal also holds for what comes
 * after it: a new appeal similar to a dismissed alert's members (inside the window) is
 * filed with that alert, under the reason staff gave, instead of counting towards a new
 * one — the same cluster does not re-alert. An answered alert does not hold: a grievance
 * that returns after an answer is news.
 */
import { prepare, similarity } from './similarity.js';

export interface GroupCandidate {
  id: string;
  /** The person (or, without a person, the account) behind the appeal: distinct workers count, not appeals. */
  authorKey: string;
  tokens: readonly string[];
  alertId: string | null;
  /** The alert is open or confirmed. */
  alertActive: boolean;
  /** The alert was dismissed by staff. */
  alertDismissed?: boolean;
}

export interface GroupIntake {
  id: string;
  authorKey: string;
  tokens: readonly string[];
}

export interface GroupRule {
  minWorkers: number;
  threshold: number;
}

export type GroupDecision =
  | { action: 'none'; similar: string[] }
  | { action: 'join'; alertId: string; similar: string[] }
  | { action: 'dismissed'; alertId: string; similar: string[] }
  | { action: 'raise'; members: string[]; workerCount: number; similar: string[] };

export function decideGroup(intake: GroupIntake, candidates: readonly GroupCandidate[], rule: GroupRule): GroupDecision {
  const mine = prepare(intake.tokens);
  const scored = candidates.filter((c) => c.id !== intake.id && (!c.alertId || c.alertActive || c.alertDismissed) && similarity(mine, c.tokens) >= rule.threshold);
  const similar = scored.filter((c) => !c.alertDismissed);
  const ids = similar.map((c) => c.id);
  // Join the active alert most of the similar appeals already belong to.
  const active = mostVoted(similar.filter((c) => c.alertActive));
  if (active) return { action: 'join', alertId: active, similar: ids };
  const dismissed = mostVoted(scored.filter((c) => c.alertDismissed));
  if (dismissed) return { action: 'dismissed', alertId: dismissed, similar: ids };
  const free = similar.filter((c) => !c.alertId);
  const workers = new Set([intake.authorKey, ...free.map((c) => c.authorKey)]);
  if (workers.size >= rule.minWorkers) {
    return { action: 'raise', members: [...free.map((c) => c.id), intake.id], workerCount: workers.size, similar: ids };
  }
  return { action: 'none', similar: ids };
}

function mostVoted(members: readonly GroupCandidate[]): string | null {
  const votes = new Map<string, number>();
  for (const c of members) if (c.alertId) votes.set(c.alertId, (votes.get(c.alertId) ?? 0) + 1);
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
