import type { Action, AppAbility, Subject } from '@babyconnect/contracts';
import { createMongoAbility, type RawRuleOf } from '@casl/ability';

/**
 * The CASL ability of the acting organisation, from `me.abilityRules` (the API's own rules, defined once in
 * libs/contracts). The portal shows or hides pages and actions with it; the API still decides every request.
 * Rules it cannot read give an ability that allows nothing (fail closed).
 *
 * Costs ~8 kB (compressed) of the first load: CASL's module brings its MongoDB-query matcher even for a plain
 * Ability, so the portal uses the same createMongoAbility (and AppAbility type) as the API.
 */
export function abilityFromRules(json: string | null | undefined): AppAbility {
  let rules: RawRuleOf<AppAbility>[] = [];
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      rules = Array.isArray(parsed) ? (parsed as RawRuleOf<AppAbility>[]) : [];
    } catch {
      rules = [];
    }
  }
  return createMongoAbility<AppAbility>(rules);
}

export type { Action, Subject };
