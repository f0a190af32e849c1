/**
 * The roster's proportions against the term's rules: counts over all representatives of the
 * term, each rule with its limit, the share found, and a sentence for the warning banner.
 */
import { PROPORTION_RULE_KEYS, type ProportionRuleKey, type ProportionRules } from '../../../common/congress.js';
import { t, type Locale } from '../../core/i18n/messages.js';
import { CM } from './congress.messages.js';

export interface RosterCounts {
  total: number;
  leaders: number;
  frontLine: number;
  women: number;
  dispatched: number;
}

const COUNT_OF: Record<ProportionRuleKey, keyof RosterCounts> = {
  leadersMax: 'leaders',
  frontLineMin: 'frontLine',
  womenMin: 'women',
  dispatchedMin: 'dispatched',
};

export function checkRoster(counts: RosterCounts, rules: ProportionRules, locale: Locale) {
  const checks = PROPORTION_RULE_KEYS.flatMap((rule) => {
    const limit = rules[rule];
    if (limit === null) return [];
    const count = counts[COUNT_OF[rule]];
    // Compared in whole numbers: count/total ≤ limit/100 without rounding a share.
    const ok = rule === 'leadersMax' ? count * 100 <= limit * counts.total : count * 100 >= limit * counts.total;
    const percent = counts.total === 0 ? 0 : Math.round((count / counts.total) * 1000) / 10;
    const message = t(locale, ok ? CM.ruleMet : rule === 'leadersMax' ? CM.ruleAbove : CM.ruleBelow, {
      rule: t(locale, CM[`rule.${rule}`]),
      limit,
      count,
      percent,
      total: counts.total,
    });
    return [{ rule, limit, count, percent, ok, message }];
  });
  return { ...counts, checks, warnings: checks.filter((c) => !c.ok).length };
}
