import type { NotificationEvent } from '@babyconnect/notifications';
import type { OrganisationKind, OrganisationRole } from '@babyconnect/domain';

/**
 * Which events reach which role, for a person's own overview ("Mijn berichten"). It restates the audiences the
 * planner and the deadline scheduler choose (notification-planner.ts, deadline-scheduler.ts, recipients.repository.ts):
 * - the FG (dpo): reported, decisions, reminders, overdue — and the daily digest when turned on;
 * - privacy officers: reported, reminders, overdue;
 * - in HINQ, its coordinators and its FG: other organisations involved, and overdue when other organisations may be
 *   involved (`chainOnly`).
 * notifications-settings.e2e.spec.ts checks this against the mail that actually arrives.
 */
export interface RoleSubscription {
  role: OrganisationRole;
  events: NotificationEvent[];
  chainOnly: boolean;
}

const FG: NotificationEvent[] = ['breach-reported', 'decision-recorded', 'deadline-reminder', 'deadline-overdue'];
const OFFICER: NotificationEvent[] = ['breach-reported', 'deadline-reminder', 'deadline-overdue'];
const HINQ: NotificationEvent[] = ['other-organisations-involved', 'deadline-overdue'];

export function subscriptionsFor(
  kind: OrganisationKind,
  roles: readonly OrganisationRole[],
  dailyDigest: boolean,
): RoleSubscription[] {
  const out: RoleSubscription[] = [];
  for (const role of roles) {
    if (role === 'dpo') out.push({ role, events: dailyDigest ? [...FG, 'daily-digest'] : FG, chainOnly: false });
    if (role === 'privacy-officer') out.push({ role, events: OFFICER, chainOnly: false });
    if (kind === 'HINQ' && (role === 'dpo' || role === 'hinq-coordinator')) {
      out.push({ role, events: HINQ, chainOnly: true });
    }
  }
  return out;
}
