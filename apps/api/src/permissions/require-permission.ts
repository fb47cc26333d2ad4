import type { Action, Subject } from '@babyconnect/contracts';
import type { Actor } from '../auth/actor';
import { errors } from '../errors/api-error';

/**
 * The one permission decision of every entry point (the GraphQL guard, the exports' and the viewer-log routes'
 * gates): allowed, or "choose an organisation first" when the person has several and chose none, or forbidden.
 */
export function requirePermission(actor: Actor, action: Action, subject: Subject): Actor {
  if (actor.ability.can(action, subject)) return actor;
  if (actor.mustChooseOrganisation) throw errors.organisationRequired();
  throw errors.forbidden();
}
