import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isValidEmailAddress } from '@babyconnect/domain';
import type { Locale } from '@babyconnect/notifications';

export const RECIPIENT_ROLES = [
  'dpo',
  'privacy-officer',
  'organisation-contact',
  'hinq-coordinator',
  'hinq-dpo',
  'hinq-contact',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** Who a message goes to. `address` null: nobody with this role can be reached (the row is dead-lettered). */
export interface Recipient {
  role: RecipientRole;
  address: string | null;
  userId: string | null;
  locale: Locale;
}

/** The groups of people an event is for (notification-planner.ts decides per event). */
export interface Audience {
  /** The organisation's FG: people with the dpo role there, else its registered contact (FG or privacy contact). */
  fg: boolean;
  privacyOfficers: boolean;
  /** HINQ's coordinators and HINQ's FG (or its contact): chain events. */
  hinq: boolean;
}

interface Person {
  user_id: string;
  email: string;
  roles: string[];
  locale: Locale;
}

interface OrganisationRow {
  id: string;
  kind: string;
  contact_email: string | null;
}

/**
 * Finds recipients. People and their roles come from `user_organisation_roles` (recorded at each sign-in, because
 * roles otherwise live only in the identity provider's tokens) joined with the e-mail address of their last token;
 * the organisation's registered contact (set by the platform admin) stands in for an FG nobody has signed in as.
 * A person's mails are in the language they chose ("Mijn berichten", `user_notification_settings`), Dutch by
 * default; a registered contact (no account) gets Dutch.
 */
@Injectable()
export class RecipientsRepository {
  async find(manager: EntityManager, organisationId: string, audience: Audience): Promise<Recipient[]> {
    const out: Recipient[] = [];
    const own = await this.organisation(manager, organisationId);
    if (audience.fg) out.push(...(await this.fgOf(manager, own, 'dpo', 'organisation-contact')));
    if (audience.privacyOfficers) {
      const officers = await this.people(manager, organisationId, 'privacy-officer');
      out.push(...officers.map((p) => person('privacy-officer', p)));
      if (officers.length === 0) out.push(unreachable('privacy-officer'));
    }
    if (audience.hinq) {
      const hinq = await this.hinq(manager);
      const coordinators = hinq ? await this.people(manager, hinq.id, 'hinq-coordinator') : [];
      out.push(...coordinators.map((p) => person('hinq-coordinator', p)));
      if (coordinators.length === 0) out.push(unreachable('hinq-coordinator'));
      out.push(...(hinq ? await this.fgOf(manager, hinq, 'hinq-dpo', 'hinq-contact') : [unreachable('hinq-dpo')]));
    }
    return dedupe(out);
  }

  private async fgOf(
    manager: EntityManager,
    organisation: OrganisationRow | null,
    role: 'dpo' | 'hinq-dpo',
    contactRole: 'organisation-contact' | 'hinq-contact',
  ): Promise<Recipient[]> {
    if (!organisation) return [unreachable(role)];
    const dpos = await this.people(manager, organisation.id, 'dpo');
    if (dpos.length > 0) return dpos.map((p) => person(role, p));
    // The protocol allows an organisation without an FG: its privacy contact takes the FG's mail.
    if (organisation.contact_email && isValidEmailAddress(organisation.contact_email)) {
      return [{ role: contactRole, address: organisation.contact_email, userId: null, locale: 'nl' }];
    }
    return [unreachable(role)];
  }

  private async people(manager: EntityManager, organisationId: string, role: string): Promise<Person[]> {
    const rows: Person[] = await manager.query(
      `SELECT u.id::text AS user_id, u.email, r.roles, coalesce(s.locale, 'nl') AS locale
         FROM user_organisation_roles r JOIN users u ON u.id = r.user_id
         LEFT JOIN user_notification_settings s ON s.user_id = u.id
        WHERE r.organisation_id = $1 AND $2 = ANY (r.roles) AND u.email IS NOT NULL
        ORDER BY u.email`,
      [organisationId, role],
    );
    return rows.filter((row) => isValidEmailAddress(row.email));
  }

  private async organisation(manager: EntityManager, id: string): Promise<OrganisationRow | null> {
    const rows: OrganisationRow[] = await manager.query(
      `SELECT id::text AS id, kind::text AS kind, contact_email FROM organisations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  private async hinq(manager: EntityManager): Promise<OrganisationRow | null> {
    const rows: OrganisationRow[] = await manager.query(
      `SELECT id::text AS id, kind::text AS kind, contact_email FROM organisations WHERE kind = 'HINQ'`,
    );
    return rows[0] ?? null;
  }

  /**
   * Organisations whose FG cannot be reached by mail (nobody with the dpo role has signed in with an address, and
   * no contact is registered): for the platform admin, who sets the contact.
   */
  async unreachableOrganisations(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return manager.query(
      `SELECT o.id::text AS id, o.name FROM organisations o
        WHERE o.contact_email IS NULL
          AND NOT EXISTS (SELECT 1 FROM user_organisation_roles r JOIN users u ON u.id = r.user_id
                           WHERE r.organisation_id = o.id AND 'dpo' = ANY (r.roles) AND u.email IS NOT NULL)
        ORDER BY o.name`,
    );
  }
}

function person(role: RecipientRole, p: Person): Recipient {
  return { role, address: p.email, userId: p.user_id, locale: p.locale };
}

function unreachable(role: RecipientRole): Recipient {
  return { role, address: null, userId: null, locale: 'nl' };
}

/** One mail per address and event: a person who is both FG and privacy officer gets it once (first role wins). */
function dedupe(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.address === null ? `none:${r.role}` : r.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
