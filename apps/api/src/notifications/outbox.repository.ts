import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationEvent, NotificationPayload } from '@babyconnect/notifications';
import type { Recipient, RecipientRole } from './recipients.repository';

export const DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a failed or refused delivery stored: readable in Dutch and English (the dead-letter view shows it). */
export interface DeliveryError {
  reason: string;
  message: string;
  messageNl: string;
  smtpCode?: number;
}

export interface ClaimedMessage {
  id: string;
  organisationId: string;
  /** Null for the daily digest (about an organisation, not one incident). */
  incidentId: string | null;
  idempotencyKey: string;
  address: string;
  locale: 'nl' | 'en';
  payload: NotificationPayload;
  attempts: number;
}

export interface OutboxRow {
  id: string;
  organisationId: string;
  incidentId: string | null;
  event: NotificationEvent;
  cause: string;
  recipientRole: RecipientRole;
  recipientAddress: string | null;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  lastError: DeliveryError | null;
  reference: string;
  organisationName: string;
}

const NO_RECIPIENT: DeliveryError = {
  reason: 'no-recipient',
  message:
    'Nobody with this role can be reached: no one with the role has signed in with an e-mail address, and the organisation has no registered contact.',
  messageNl:
    'Niemand met deze rol is bereikbaar: niemand met de rol heeft zich aangemeld met een e-mailadres en de organisatie heeft geen contactpersoon vastgelegd.',
};

const COLUMNS = `o.id::text AS id, o.organisation_id::text AS "organisationId", o.incident_id::text AS "incidentId",
  o.event, o.cause, o.recipient_role AS "recipientRole", o.recipient_address AS "recipientAddress", o.status,
  o.attempts, o.created_at AS "createdAt", o.sent_at AS "sentAt", o.next_attempt_at AS "nextAttemptAt",
  o.last_error AS "lastError", o.payload->>'reference' AS reference, o.payload->>'organisationName' AS "organisationName"`;

/**
 * The transactional outbox: the only SQL about notification messages. `enqueue` runs in the caller's transaction
 * (the incident change's, or the timer's); the delivery worker claims, and records results, in its own.
 */
@Injectable()
export class OutboxRepository {
  /**
   * One row per recipient. The idempotency key names the cause and the recipient, so enqueueing the same thing
   * twice (a retried timer transaction, a second instance) adds nothing. Returns how many rows were new, by status.
   */
  async enqueue(
    manager: EntityManager,
    message: {
      organisationId: string;
      /** Null only for the daily digest. */
      incidentId: string | null;
      /** What caused it, unique per message: `<incident id>:v<version>:<event type>` or `timer:<timer id>`. */
      cause: string;
      /**
       * The whole idempotency key, for a message whose identity is not its address (the digest: one per person and
       * day, even if the person's address changed during the day). Only with a single recipient.
       */
      idempotencyKey?: string;
      payload: NotificationPayload;
      recipients: readonly Recipient[];
      now: Date;
    },
  ): Promise<{ queued: number; dead: number }> {
    let queued = 0;
    let dead = 0;
    if (message.idempotencyKey !== undefined && message.recipients.length !== 1) {
      throw new Error('An explicit idempotency key names exactly one recipient');
    }
    for (const recipient of message.recipients) {
      const key =
        message.idempotencyKey ??
        `${message.cause}:${message.payload.event}:${recipient.role}:${recipient.address?.toLowerCase() ?? '-'}`;
      const reachable = recipient.address !== null;
      const rows: unknown[] = await manager.query(
        `INSERT INTO notification_outbox (organisation_id, incident_id, idempotency_key, event, cause, recipient_role,
                                          recipient_address, recipient_user_id, locale, payload, status,
                                          next_attempt_at, created_at, last_error, dead_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          message.organisationId,
          message.incidentId,
          key,
          message.payload.event,
          message.cause,
          recipient.role,
          recipient.address,
          recipient.userId,
          recipient.locale,
          message.payload,
          reachable ? 'queued' : 'dead',
          message.now,
          reachable ? null : NO_RECIPIENT,
          reachable ? null : message.now,
        ],
      );
      if (rows.length > 0) {
        if (reachable) queued += 1;
        else dead += 1;
      }
    }
    return { queued, dead };
  }

  /**
   * Claims due messages for sending, across organisations (worker transaction). A claim is a lease: a message whose
   * sender died is claimed again once its lease ran out. SKIP LOCKED: instances never claim the same row.
   */
  async claim(manager: EntityManager, now: Date, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
    return manager
      .query(
        `UPDATE notification_outbox o
          SET status = 'sending', attempts = o.attempts + 1, lease_until = $1::timestamptz + make_interval(secs => $2 / 1000.0)
        WHERE o.id IN (
          SELECT id FROM notification_outbox
           WHERE (status IN ('queued', 'retrying') AND next_attempt_at <= $1)
              OR (status = 'sending' AND lease_until <= $1)
           ORDER BY next_attempt_at
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
      RETURNING o.id::text AS id, o.organisation_id::text AS "organisationId", o.incident_id::text AS "incidentId",
                o.idempotency_key AS "idempotencyKey", o.recipient_address AS address, o.locale, o.payload, o.attempts`,
        [now, leaseMs, limit],
      )
      .then((result: [ClaimedMessage[], number] | ClaimedMessage[]) => rowsOf(result));
  }

  /** Records a result only for the claim that made it (same attempt), so a late answer cannot undo a newer one. */
  async markSent(manager: EntityManager, id: string, attempt: number, messageId: string, now: Date): Promise<boolean> {
    const result = await manager.query(
      `UPDATE notification_outbox SET status = 'sent', sent_at = $3, message_id = $4, lease_until = NULL, last_error = NULL
        WHERE id = $1 AND attempts = $2 AND status = 'sending' RETURNING id`,
      [id, attempt, now, messageId],
    );
    return rowsOf(result).length > 0;
  }

  async markFailed(
    manager: EntityManager,
    id: string,
    attempt: number,
    error: DeliveryError,
    next: { dead: true; now: Date } | { dead: false; retryAt: Date },
  ): Promise<boolean> {
    const result = next.dead
      ? await manager.query(
          `UPDATE notification_outbox SET status = 'dead', dead_at = $3, last_error = $4, lease_until = NULL
            WHERE id = $1 AND attempts = $2 AND status = 'sending' RETURNING id`,
          [id, attempt, next.now, error],
        )
      : await manager.query(
          `UPDATE notification_outbox SET status = 'retrying', next_attempt_at = $3, last_error = $4, lease_until = NULL
            WHERE id = $1 AND attempts = $2 AND status = 'sending' RETURNING id`,
          [id, attempt, next.retryAt, error],
        );
    return rowsOf(result).length > 0;
  }

  /** An incident's messages, oldest first (tenant transaction: row-level security binds it too). */
  async forIncident(manager: EntityManager, organisationId: string, incidentId: string): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notification_outbox o
        WHERE o.organisation_id = $1 AND o.incident_id = $2 ORDER BY o.created_at, o.id`,
      [organisationId, incidentId],
    );
  }

  /** Dead letters, newest first (platform-admin transaction). */
  async deadLetters(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notification_outbox o WHERE o.status = 'dead' ORDER BY o.dead_at DESC, o.id LIMIT $1`,
      [limit],
    );
  }

  /** A dead letter back into the queue with a fresh attempt budget; false when it is no (longer a) dead letter. */
  async retryDead(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const result = await manager.query(
      `UPDATE notification_outbox SET status = 'queued', attempts = 0, next_attempt_at = $2, dead_at = NULL
        WHERE id = $1 AND status = 'dead' AND recipient_address IS NOT NULL`,
      [id, now],
    );
    // No RETURNING: the admin may read dead letters only, and a returned row must pass the read policy as it is now.
    return (result as [unknown[], number])[1] > 0;
  }
}

/** TypeORM's postgres driver answers UPDATE … RETURNING with [rows, count], SELECT/INSERT with rows. */
function rowsOf<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
