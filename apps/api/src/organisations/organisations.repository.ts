import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, Not } from 'typeorm';
import type { ContactRole, OrganisationDetails } from '@babyconnect/domain';
import type { PlatformAdminTransaction, SharedTransaction, TenantTransaction } from '../database/tenancy';
import { OrganisationEntity } from './organisation.entity';

/** What the directory stores about an organisation: the domain's shape (libs/domain identity/). */
export type OrganisationData = OrganisationDetails;

export interface ContactData {
  contactRole: ContactRole;
  contactName: string | null;
  contactEmail: string;
}

/** The only code that speaks SQL about organisations. */
@Injectable()
export class OrganisationsRepository {
  /** The chain's directory: readable by every member (no breach data in it). */
  list(tx: SharedTransaction | TenantTransaction | PlatformAdminTransaction): Promise<OrganisationEntity[]> {
    return tx.manager.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
  }

  /** The directory without HINQ and without organisations that left the chain at or before `now`. */
  listPartnerCandidates(tx: SharedTransaction | TenantTransaction, now: Date): Promise<OrganisationEntity[]> {
    const notHinq = Not('HINQ' as const);
    return tx.manager.getRepository(OrganisationEntity).find({
      where: [
        { kind: notHinq, leftChainAt: IsNull() },
        { kind: notHinq, leftChainAt: MoreThan(now) },
      ],
      order: { name: 'ASC' },
    });
  }

  findById(
    tx: SharedTransaction | TenantTransaction | PlatformAdminTransaction,
    id: string,
  ): Promise<OrganisationEntity | null> {
    return tx.manager.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /**
   * Whether anybody has acted for the organisation (from its access-log chain, through a database function: the
   * platform admin reads no log).
   */
  async hasMembers(tx: PlatformAdminTransaction, id: string): Promise<boolean> {
    const rows: { has: boolean }[] = await tx.manager.query('SELECT organisation_has_members($1) AS has', [id]);
    return rows[0]?.has === true;
  }

  findByAlias(tx: PlatformAdminTransaction, alias: string): Promise<OrganisationEntity | null> {
    return tx.manager.getRepository(OrganisationEntity).findOneBy({ alias });
  }

  findHinq(tx: PlatformAdminTransaction): Promise<OrganisationEntity | null> {
    return tx.manager.getRepository(OrganisationEntity).findOneBy({ kind: 'HINQ' });
  }

  async create(tx: PlatformAdminTransaction, data: OrganisationData): Promise<OrganisationEntity> {
    const repo = tx.manager.getRepository(OrganisationEntity);
    return repo.save(repo.create(data));
  }

  /** Returns null when the organisation does not exist. */
  async update(
    tx: PlatformAdminTransaction,
    id: string,
    data: Partial<OrganisationData>,
  ): Promise<OrganisationEntity | null> {
    const repo = tx.manager.getRepository(OrganisationEntity);
    const result = await repo.update({ id }, { ...data, updatedAt: () => 'now()' });
    return result.affected ? repo.findOneByOrFail({ id }) : null;
  }

  /** Sets or clears the moment the organisation left the chain; null when the organisation does not exist. */
  async setLeftChainAt(tx: PlatformAdminTransaction, id: string, at: Date | null): Promise<OrganisationEntity | null> {
    const repo = tx.manager.getRepository(OrganisationEntity);
    const result = await repo.update({ id }, { leftChainAt: at, updatedAt: () => 'now()' });
    return result.affected ? repo.findOneByOrFail({ id }) : null;
  }

  /** Edits the contact of the transaction's own organisation; the tenant comes from the transaction, never the caller. */
  async updateOwnContact(tx: TenantTransaction, data: ContactData): Promise<OrganisationEntity> {
    const repo = tx.manager.getRepository(OrganisationEntity);
    await repo.update({ id: tx.organisationId }, { ...data, updatedAt: () => 'now()' });
    return repo.findOneByOrFail({ id: tx.organisationId });
  }
}
