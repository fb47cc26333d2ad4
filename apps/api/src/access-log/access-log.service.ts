import { Injectable } from '@nestjs/common';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { AnchorSigner } from './anchor';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogSealer } from './access-log.sealer';
import type { AccessLogAnchorType, AccessLogPageType } from './access-log.type';
import { GENESIS_HASH } from './hash-chain';

@Injectable()
export class AccessLogService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly log: AccessLogRepository,
    private readonly signer: AnchorSigner,
    private readonly sealer: AccessLogSealer,
  ) {}

  async page(actor: Actor, first: number, after: string | null): Promise<AccessLogPageType> {
    if (!Number.isInteger(first) || first < 1 || first > 500) {
      throw errors.invalidInput([
        {
          field: 'first',
          message: { nl: 'Vraag 1 tot 500 regels per pagina op.', en: 'Ask for 1 to 500 rows per page.' },
        },
      ]);
    }
    if (after !== null && !/^[1-9][0-9]{0,18}$/.test(after)) {
      throw errors.invalidInput([
        { field: 'after', message: { nl: 'De cursor is ongeldig.', en: 'The cursor is invalid.' } },
      ]);
    }
    // Every request that ended before this one is in the chain before it is read.
    await this.sealer.sealNow();
    const rows = await this.tenancy.asTenant(actingOrganisationId(actor), (tx) => this.log.page(tx, first + 1, after));
    const entries = rows.slice(0, first);
    return { entries, nextCursor: rows.length > first ? (entries.at(-1)?.seq ?? null) : null };
  }

  /**
   * The signed head of the acting organisation's chain, as it stands before this request's own row (which commits
   * with it). Kept outside the database, it shows later whether the chain was shortened or rewritten.
   */
  async anchor(actor: Actor): Promise<AccessLogAnchorType> {
    const organisation = actor.acting!;
    await this.sealer.sealNow();
    const head = await this.tenancy.asTenant(actingOrganisationId(actor), (tx) => this.log.head(tx));
    const signed = this.signer.sign({
      chainId: organisation.organisationId,
      organisationName: organisation.name,
      seq: head?.seq ?? '0',
      hash: head?.hash ?? GENESIS_HASH,
      headAt: head?.occurredAt ?? new Date(0).toISOString(),
      exportedAt: new Date().toISOString(),
    });
    return {
      seq: signed.seq,
      hash: signed.hash,
      headAt: signed.headAt,
      exportedAt: signed.exportedAt,
      keyId: signed.keyId,
      document: JSON.stringify(signed, null, 2),
      publicKey: this.signer.publicPem(),
    };
  }
}
