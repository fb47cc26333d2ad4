import { createMongoAbility, type MongoAbility, type RawRuleOf, AbilityBuilder } from '@casl/ability';
import type { OrganisationRole } from '@babyconnect/domain';

/**
 * The one place where permissions are defined. The API enforces them on every operation; the portal uses the
 * same rules to show or hide actions (the API still decides).
 *
 * Subjects are about the *acting organisation* only: rights follow the organisation the request acts for,
 * never the union of a person's roles elsewhere.
 */
/**
 * `report`: report a breach and follow one's own reports (their status only); `read`: every incident of the
 * organisation in full, with its history; `update`: take an incident through the protocol's steps; `advise`: the
 * FG's advice on an incident (the FG advises, the privacy officer decides). On a `ChainIncident`: `read` its chain part,
 * `update` coordinate it (declare, choose partners, write and send partner notifications, the shared timeline),
 * `approve` a partner notification, `acknowledge` receipt of one. Which chain incident, and in which part (reporter,
 * HINQ coordinator, informed partner), the chain domain decides (libs/domain chain/participation.ts).
 */
export const ACTIONS = ['read', 'create', 'update', 'report', 'advise', 'approve', 'acknowledge'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  /** The person's own profile and memberships, and their own notification settings. */
  'Me',
  /** The chain's organisation directory (name, kind, FG/privacy contact): no breach data. */
  'OrganisationDirectory',
  /** Creating and editing organisations (onboarding). */
  'Organisation',
  /** The acting organisation's own FG/privacy contact details. */
  'OrganisationContact',
  /** The acting organisation's access log (NEN 7513). */
  'AccessLog',
  /** Breaches of the acting organisation (the breach workflow builds on this). */
  'Incident',
  /** The acting organisation's breach register. */
  'Register',
  /** Notification delivery across organisations: dead letters and unreachable contacts (platform admin). */
  'NotificationDelivery',
  /** The chain part of a breach that concerns several organisations (issue 17). */
  'ChainIncident',
  /** HINQ's chain-wide figures per partner and quarter. */
  'ChainFigures',
  /** The impact analysis of an uploaded viewer-log export for a chain incident (issue 18): HINQ's coordinator. */
  'ViewerLogAnalysis',
  /** Alerts that detection on the viewer's access log raised (issue 18): read, and dismiss with a reason. */
  'ViewerLogAlert',
  /** Pushing the viewer's access log for detection: HINQ's systems only (client credentials), never a person. */
  'ViewerLogFeed',
  /**
   * Handing in a day's export of the viewer's access log for the same detection as a push: HINQ's coordinator (a
   * person), for whom the machine's feed stays closed.
   */
  'ViewerLogDailyFile',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export type AppAbility = MongoAbility<[Action, Subject]>;

export interface AbilityContext {
  /** Roles in the acting organisation; empty when the request acts for no organisation. */
  roles: readonly OrganisationRole[];
  platformAdmin: boolean;
  /**
   * OAuth2 scopes of a machine client (client-credentials token), never of a person: `viewer-log:push` lets HINQ's
   * systems push the viewer's access log, and nothing else.
   */
  systemScopes?: readonly string[];
}

/** The scope HINQ's systems need to push the viewer's access log (realm client `hinq-viewer-log`). */
export const VIEWER_LOG_PUSH_SCOPE = 'viewer-log:push';

export function defineAbilityFor(context: AbilityContext): AppAbility {
  return createMongoAbility<[Action, Subject]>(abilityRulesFor(context));
}

export function abilityRulesFor({ roles, platformAdmin, systemScopes }: AbilityContext): RawRuleOf<AppAbility>[] {
  const { can, rules } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (systemScopes) {
    // A machine client is no person: it reads nothing, not even `Me`.
    if (systemScopes.includes(VIEWER_LOG_PUSH_SCOPE)) can('create', 'ViewerLogFeed');
    return rules;
  }
  // One's own profile, and one's own notification settings (language of mails, the FG's daily digest).
  can(['read', 'update'], 'Me');

  if (roles.length > 0 || platformAdmin) {
    // Partners must be able to reach each other's FG, so every member of the chain reads the directory.
    can('read', 'OrganisationDirectory');
  }
  if (platformAdmin) {
    // Onboarding only: the platform admin reads no breach, register or access log of any organisation.
    can(['create', 'update'], 'Organisation');
    // Dead letters name an organisation, a reference, a recipient and a reason — no breach content.
    can(['read', 'update'], 'NotificationDelivery');
  }
  for (const role of roles) {
    switch (role) {
      case 'employee':
        can('report', 'Incident');
        break;
      case 'privacy-officer':
        can(['report', 'read', 'update'], 'Incident');
        can('read', 'Register');
        can('update', 'OrganisationContact');
        can(['read', 'update', 'approve', 'acknowledge'], 'ChainIncident');
        // The privacy officer decides on a detection alert: it becomes a breach (reported already) or is dismissed.
        can(['read', 'update'], 'ViewerLogAlert');
        break;
      case 'dpo':
        can(['report', 'read', 'advise'], 'Incident');
        can('read', 'Register');
        can('read', 'AccessLog');
        can('update', 'OrganisationContact');
        // The FG is the contact other organisations write to: it coordinates, approves and acknowledges too.
        can(['read', 'update', 'approve', 'acknowledge'], 'ChainIncident');
        can('read', 'ViewerLogAlert');
        break;
      case 'auditor':
        // Anyone in the organisation may report a breach (a suspicion is enough); the auditor reads them all.
        can(['report', 'read'], 'Incident');
        can('read', 'Register');
        can('read', 'AccessLog');
        can('read', 'ChainIncident');
        break;
      case 'hinq-coordinator':
        // Within HINQ a coordinator may report like any employee, and coordinates every chain incident (approval only
        // in situation A: the chain domain narrows it).
        can('report', 'Incident');
        can(['read', 'update', 'approve'], 'ChainIncident');
        can('read', 'ChainFigures');
        // Reads the viewer's access log for a chain incident and every detection alert of the chain.
        can(['read', 'update'], 'ViewerLogAnalysis');
        can('read', 'ViewerLogAlert');
        // Hands in a day's export for detection when HINQ's systems do not push (issue 18, "or daily files").
        can('create', 'ViewerLogDailyFile');
        break;
      default: {
        const unknown: never = role;
        throw new Error(`Unknown role ${String(unknown)}`);
      }
    }
  }
  return rules;
}
