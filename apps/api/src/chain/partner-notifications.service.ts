import { Injectable } from '@nestjs/common';
import {
  adjustNotification,
  approveNotification,
  checkAdjustment,
  checkContent,
  checkPartnerChoice,
  composeContent,
  sendNotification,
} from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { errors } from '../errors/api-error';
import { checkPrivacy, refusal } from '../incidents/incidents.service';
import { AppClock } from '../time/app-clock';
import { ChainAccess, requireCoordinating, viewerOf } from './chain-access';
import { checkContentPrivacy, freeText } from './chain-free-text';
import { ChainMail, HINQ_ONLY } from './chain-mail';
import { ChainRepository } from './chain.repository';
import { presentPartner } from './chain.presenter';
import type {
  ChainIncidentType,
  PartnerChoiceInput,
  PartnerNotificationAdjustmentInput,
  PartnerNotificationContentInput,
  PartnerNotificationType,
} from './chain.type';
import { LinkedIncidentService } from './linked-incident.service';

/**
 * Which partners are informed, and what each is told (issue 17, items 2 and 3): chosen with reasoning, written once,
 * adjusted per partner, approved by the reporter's privacy officer or FG (or HINQ in situation A), and sent — which
 * opens the partner's linked incident. The viewer log's confirmed proposal comes in through `choosePartners` too.
 */
@Injectable()
export class PartnerNotificationsService {
  constructor(
    private readonly access: ChainAccess,
    private readonly chains: ChainRepository,
    private readonly mail: ChainMail,
    private readonly linked: LinkedIncidentService,
    private readonly clock: AppClock,
  ) {}

  async choosePartners(
    actor: Actor,
    chainId: string,
    input: PartnerChoiceInput[],
    confirm: boolean | null | undefined,
  ): Promise<ChainIncidentType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      // Lock only once it is clear the actor coordinates: a partner may not lock (update) the chain incident and
      // would otherwise be told "not found" about a chain incident it knows.
      const l = await this.access.load(tx, chainActor, chainId, false);
      requireCoordinating(l);
      await this.chains.find(tx, chainId, true);
      const now = this.clock.now();
      const checked = checkPartnerChoice(l.chain, l.partners, input, await this.chains.directory(tx), now);
      if (!checked.ok) throw errors.invalidInput(checked.problems);
      checkPrivacy(
        checked.partners.map((p, i) => freeText(`partners[${i}].reasoning`, 'Onderbouwing', 'Reasoning', p.reasoning)),
        confirm,
      );
      for (const choice of checked.partners) {
        const reachable = await this.mail.reachable(tx, choice.organisationId);
        const id = await this.chains.insertPartner(tx, l.chain, {
          partnerOrganisationId: choice.organisationId,
          reasoning: choice.reasoning,
          chosenAt: now,
          chosenBy: actor.user.id,
          chosenByOrganisationId: tx.organisationId,
          contactReachable: reachable,
          adjustment: null,
          approval: null,
          sending: null,
          acknowledgement: null,
          linkedIncidentId: null,
        });
        if (!reachable) {
          // HINQ is told at once; the partner's clock keeps running (sending will be refused until a contact exists).
          const partnerName = await this.chains.organisationName(tx, choice.organisationId);
          await this.mail.aboutChain(tx, l.chain, HINQ_ONLY, `chain:${id}:unreachable`, {
            ...this.mail.payloadBase(l.chain, this.mail.chainUrl(l.chain.id)),
            event: 'partner-unreachable',
            partnerName,
          });
        }
      }
      return this.access.present(await this.access.load(tx, chainActor, chainId, false));
    });
  }

  async compose(actor: Actor, chainId: string, input: PartnerNotificationContentInput): Promise<ChainIncidentType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const l = await this.access.load(tx, chainActor, chainId, false);
      requireCoordinating(l);
      await this.chains.find(tx, chainId, true);
      const content = checkContent(input);
      if (!content.ok) throw refusal(content);
      checkContentPrivacy(input, input.confirmPrivacyWarnings);
      const composed = composeContent(l.chain, l.partners, content.value, chainActor, l.participation);
      if (!composed.ok) throw refusal(composed);
      await this.chains.updateContent(tx, chainId, content.value, this.clock.now());
      for (const n of composed.value.partners) await this.chains.updatePartner(tx, n);
      return this.access.present(await this.access.load(tx, chainActor, chainId, false));
    });
  }

  async adjust(actor: Actor, id: string, input: PartnerNotificationAdjustmentInput): Promise<PartnerNotificationType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.access.loadPartner(tx, chainActor, id, true);
      const { confirmPrivacyWarnings, ...fields } = input;
      const adjustment = checkAdjustment(fields);
      if (!adjustment.ok) throw refusal(adjustment);
      checkContentPrivacy(fields, confirmPrivacyWarnings);
      const next = adjustNotification(l.chain, n, adjustment.value, chainActor, l.participation);
      if (!next.ok) throw refusal(next);
      await this.chains.updatePartner(tx, next.value);
      return presentPartner(l.chain, { ...n, ...next.value }, viewerOf(l), this.clock);
    });
  }

  async approve(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.access.loadPartner(tx, chainActor, id, true);
      const next = approveNotification(l.chain, n, chainActor, l.participation, this.clock.now());
      if (!next.ok) throw refusal(next);
      await this.chains.updatePartner(tx, next.value);
      return presentPartner(l.chain, { ...n, ...next.value }, viewerOf(l), this.clock);
    });
  }

  /**
   * Informs one partner: marks it sent, then — as that partner — opens its linked incident with its mail and
   * acknowledgement reminders (LinkedIncidentService.open); back as the acting organisation, links the two.
   */
  async send(
    actor: Actor,
    id: string,
    delayReasons: string | null,
    confirm: boolean | null | undefined,
  ): Promise<PartnerNotificationType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.access.loadPartner(tx, chainActor, id, true);
      const now = this.clock.now();
      if (delayReasons)
        checkPrivacy(
          [freeText('delayReasons', 'Redenen voor de vertraging', 'Reasons for the delay', delayReasons)],
          confirm,
        );
      const reachable = await this.mail.reachable(tx, n.partnerOrganisationId);
      const sent = sendNotification(
        l.chain,
        n,
        { delayReasons, contactReachable: reachable },
        chainActor,
        l.participation,
        now,
      );
      if (!sent.ok) throw refusal(sent);
      await this.chains.updatePartner(tx, sent.value);
      const linkedIncidentId = await this.chains.inTenantOf(tx, l.chain.id, n.partnerOrganisationId, (ptx) =>
        this.linked.open(ptx, actor, l.chain, { ...n, ...sent.value }, now),
      );
      const linked = { ...n, ...sent.value, linkedIncidentId };
      await this.chains.updatePartner(tx, linked);
      return presentPartner(l.chain, linked, viewerOf(l), this.clock);
    });
  }
}
