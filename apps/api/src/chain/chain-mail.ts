import { Inject, Injectable } from '@nestjs/common';
import { partnerDeadline } from '@babyconnect/domain';
import type { NotificationPayload } from '@babyconnect/notifications';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import type { TenantTransaction } from '../database/tenancy';
import { OutboxRepository } from '../notifications/outbox.repository';
import { RecipientsRepository, type Audience } from '../notifications/recipients.repository';
import { AppClock } from '../time/app-clock';
import { ChainRepository, type StoredChain } from './chain.repository';

export const HINQ_ONLY: Audience = { fg: false, privacyOfficers: false, hinq: true };
export const PARTNER_FG: Audience = { fg: true, privacyOfficers: false, hinq: false };

/**
 * The chain's mail: who can be reached, what every chain mail says (reference, reporter, the 24 hours, a portal
 * link — never client data), and into whose outbox it goes. The outbox joins the caller's transaction, so a mail
 * is sent exactly when the change that caused it commits.
 */
@Injectable()
export class ChainMail {
  private readonly portalBaseUrl: string;

  constructor(
    private readonly chains: ChainRepository,
    private readonly outbox: OutboxRepository,
    private readonly recipients: RecipientsRepository,
    private readonly clock: AppClock,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.portalBaseUrl = (config.PORTAL_BASE_URL ?? config.PORTAL_ORIGIN).replace(/\/+$/, '');
  }

  /** The partner's FG (people with the dpo role who signed in, else its registered contact) can be mailed. */
  async reachable(tx: TenantTransaction, organisationId: string): Promise<boolean> {
    const found = await this.recipients.find(tx.manager, organisationId, PARTNER_FG);
    return found.some((r) => r.address !== null);
  }

  /** Mail about the chain incident, as a message of the reporter's own incident (in the reporter's tenant). */
  async aboutChain(
    tx: TenantTransaction,
    chain: StoredChain,
    audience: Audience,
    cause: string,
    payload: NotificationPayload,
  ): Promise<void> {
    await this.chains.inTenantOf(tx, chain.id, chain.reportingOrganisationId, async (rtx) => {
      const recipients = await this.recipients.find(rtx.manager, rtx.organisationId, audience);
      await this.outbox.enqueue(rtx.manager, {
        organisationId: rtx.organisationId,
        incidentId: chain.sourceIncidentId,
        cause,
        payload,
        recipients,
        now: this.clock.now(),
      });
    });
  }

  /** Mail to an informed partner's FG, as a message of its linked incident (`ptx`: the partner's tenant). */
  async toPartner(
    ptx: TenantTransaction,
    linkedIncidentId: string,
    cause: string,
    payload: NotificationPayload,
    now: Date,
  ): Promise<void> {
    const recipients = await this.recipients.find(ptx.manager, ptx.organisationId, PARTNER_FG);
    await this.outbox.enqueue(ptx.manager, {
      organisationId: ptx.organisationId,
      incidentId: linkedIncidentId,
      cause,
      payload,
      recipients,
      now,
    });
  }

  payloadBase(chain: StoredChain, portalUrl: string) {
    return {
      incidentId: chain.sourceIncidentId,
      organisationName: chain.reportingOrganisationName,
      reference: chain.reference,
      exercise: chain.exercise,
      deadline: partnerDeadline(chain).toISOString(),
      partnerDeadline: partnerDeadline(chain).toISOString(),
      portalUrl,
    };
  }

  /** The portal's chain page (HINQ's coordination and the reporter's chain view). */
  chainUrl(id: string): string {
    return `${this.portalBaseUrl}/keten/${id}`;
  }

  /** The partner's acknowledgement page (login first, then straight to it). */
  partnerUrl(id: string): string {
    return `${this.portalBaseUrl}/keten/partnermeldingen/${id}`;
  }
}
