import { Injectable } from '@nestjs/common';
import { checkTimelineEntry } from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { checkPrivacy, refusal } from '../incidents/incidents.service';
import { AppClock } from '../time/app-clock';
import { ChainAccess } from './chain-access';
import { freeText } from './chain-free-text';
import { ChainRepository } from './chain.repository';
import type { ChainIncidentType } from './chain.type';

/**
 * The shared timeline (issue 17, item 5): the reporter, HINQ and every informed partner may post; what is posted is
 * seen by all of them and by nobody else (the chain tables' row-level security).
 */
@Injectable()
export class ChainTimelineService {
  constructor(
    private readonly access: ChainAccess,
    private readonly chains: ChainRepository,
    private readonly clock: AppClock,
  ) {}

  async post(
    actor: Actor,
    chainId: string,
    text: string,
    confirm: boolean | null | undefined,
  ): Promise<ChainIncidentType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const l = await this.access.load(tx, chainActor, chainId, false);
      const entry = checkTimelineEntry(chainActor, l.participation, text);
      if (!entry.ok) throw refusal(entry);
      checkPrivacy([freeText('text', 'Bericht op de tijdlijn', 'Timeline message', entry.value.text)], confirm);
      await this.chains.post(tx, l.chain, { ...entry.value, personId: actor.user.id, at: this.clock.now() });
      return this.access.present(l);
    });
  }
}
