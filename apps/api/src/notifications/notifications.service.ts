import { Injectable } from '@nestjs/common';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { AppClock } from '../time/app-clock';
import type { DeadLetterType, IncidentNotificationType, UnreachableOrganisationType } from './notification.type';
import { OutboxRepository, type OutboxRow } from './outbox.repository';
import { RecipientsRepository } from './recipients.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INCIDENT = { nl: 'Het datalek', en: 'The breach' };
const MESSAGE = { nl: 'Het bericht', en: 'The message' };

/** Notification history per incident (its readers) and the dead letters (the platform admin). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly outbox: OutboxRepository,
    private readonly recipients: RecipientsRepository,
    private readonly clock: AppClock,
  ) {}

  async forIncident(actor: Actor, incidentId: string): Promise<IncidentNotificationType[]> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      // Another organisation's incident is invisible (row-level security): "not found", like a wrong id.
      const found: unknown[] = UUID.test(incidentId)
        ? await tx.manager.query(`SELECT 1 FROM incidents WHERE organisation_id = $1 AND id = $2`, [
            tx.organisationId,
            incidentId,
          ])
        : [];
      if (found.length === 0) throw errors.notFound(INCIDENT);
      return (await this.outbox.forIncident(tx.manager, tx.organisationId, incidentId)).map(present);
    });
  }

  async deadLetters(first: number): Promise<DeadLetterType[]> {
    const limit = Math.min(Math.max(1, Math.trunc(first)), 200);
    return this.tenancy.asPlatformAdmin(async (tx) =>
      (await this.outbox.deadLetters(tx.manager, limit)).map((row) => ({
        ...present(row),
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        reference: row.reference,
      })),
    );
  }

  async retryDeadLetter(id: string): Promise<boolean> {
    return this.tenancy.asPlatformAdmin(async (tx) => {
      const retried = UUID.test(id) && (await this.outbox.retryDead(tx.manager, id, this.clock.now()));
      if (!retried) throw errors.notFound(MESSAGE);
      return true;
    });
  }

  async unreachableOrganisations(): Promise<UnreachableOrganisationType[]> {
    return this.tenancy.asPlatformAdmin((tx) => this.recipients.unreachableOrganisations(tx.manager));
  }
}

function present(row: OutboxRow): IncidentNotificationType {
  return {
    id: row.id,
    event: row.event,
    recipientRole: row.recipientRole,
    recipientAddress: row.recipientAddress === null ? null : maskAddress(row.recipientAddress),
    status: row.status === 'sending' ? 'queued' : row.status,
    attempts: row.attempts,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    nextAttemptAt: row.status === 'retrying' ? row.nextAttemptAt : null,
    lastFailure: row.lastError
      ? { reason: row.lastError.reason, text: { nl: row.lastError.messageNl, en: row.lastError.message } }
      : null,
  };
}

/** `femke.de.vries@de-wieg.example.org` → `f***@de-wieg.example.org`: enough to recognise, not to harvest. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
