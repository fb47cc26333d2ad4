import { Injectable } from '@nestjs/common';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { MembershipsRepository } from '../auth/memberships.repository';
import { Tenancy } from '../database/tenancy';
import { errors, type ApiError } from '../errors/api-error';
import { AppClock } from '../time/app-clock';
import type { OrganisationEntity } from './organisation.entity';
import type {
  CreateOrganisationInput,
  UpdateOrganisationContactInput,
  UpdateOrganisationInput,
} from './organisation.inputs';
import { validateContact, validateNewOrganisation, validateOrganisationChange } from './organisation.validation';
import { OrganisationsRepository } from './organisations.repository';

const ORGANISATION = { nl: 'De organisatie', en: 'The organisation' };

/** Use cases of the organisation directory and onboarding. Permissions are checked by the guards beforehand. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly organisations: OrganisationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly clock: AppClock,
  ) {}

  directory(): Promise<OrganisationEntity[]> {
    return this.tenancy.shared((tx) => this.organisations.list(tx));
  }

  /**
   * The directory as a partner picker offers it: the same rules as choosing (libs/domain chain/partners.ts) that do
   * not depend on the chain incident — no organisation that has left the chain by now, not HINQ — so no client
   * offers a choice the API would refuse.
   */
  partnerCandidates(): Promise<OrganisationEntity[]> {
    const now = this.clock.now();
    return this.tenancy.shared((tx) => this.organisations.listPartnerCandidates(tx, now));
  }

  async directoryEntry(id: string): Promise<OrganisationEntity> {
    const found = isUuid(id) ? await this.tenancy.shared((tx) => this.organisations.findById(tx, id)) : null;
    if (!found) throw errors.notFound(ORGANISATION);
    return found;
  }

  async create(input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const data = validateNewOrganisation(input);
    return this.tenancy.asPlatformAdmin(async (tx) => {
      await this.ensureUnique(tx, data.alias, data.kind, null);
      const created = await this.organisations.create(tx, data);
      this.tenancy.afterCommit(() => this.memberships.invalidate());
      return created;
    });
  }

  async update(id: string, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    if (!isUuid(id)) throw errors.notFound(ORGANISATION);
    return this.tenancy.asPlatformAdmin(async (tx) => {
      const current = await this.organisations.findById(tx, id);
      if (!current) throw errors.notFound(ORGANISATION);
      const change = validateOrganisationChange(current, input);
      if (change.alias !== undefined && change.alias !== current.alias && (await this.organisations.hasMembers(tx, id)))
        throw conflict(
          'alias',
          'De sleutel kan niet meer worden gewijzigd: er hebben al mensen namens deze organisatie gewerkt. Een nieuwe sleutel zou hun groepen aan een andere organisatie koppelen.',
          'The alias can no longer change: people have already acted for this organisation. A new alias would map their groups to another organisation.',
        );
      await this.ensureUnique(tx, change.alias, change.kind, id);
      const updated = await this.organisations.update(tx, id, change);
      if (!updated) throw errors.notFound(ORGANISATION);
      this.tenancy.afterCommit(() => this.memberships.invalidate());
      return updated;
    });
  }

  /**
   * The platform admin records that an organisation left the chain (issue 17): from `at` (default now; a planned
   * date may lie ahead) it can no longer be chosen as a partner of a chain incident. Partners already informed keep
   * their notifications and linked incidents. HINQ runs the chain and cannot leave it.
   */
  async markLeftChain(id: string, at: Date | null | undefined): Promise<OrganisationEntity> {
    if (!isUuid(id)) throw errors.notFound(ORGANISATION);
    const when = at ?? this.clock.now();
    if (Number.isNaN(when.getTime())) {
      throw errors.invalidInput([
        { field: 'at', message: { nl: 'Geen geldig tijdstip.', en: 'Not a valid instant.' } },
      ]);
    }
    return this.tenancy.asPlatformAdmin(async (tx) => {
      const current = await this.organisations.findById(tx, id);
      if (!current) throw errors.notFound(ORGANISATION);
      if (current.kind === 'HINQ')
        throw conflict(
          'id',
          'HINQ coördineert de keten en kan er niet uit stappen.',
          'HINQ coordinates the chain and cannot leave it.',
        );
      if (current.leftChainAt !== null)
        throw conflict(
          'id',
          'Deze organisatie is al uit de keten gestapt; maak dat eerst ongedaan om een ander moment vast te leggen.',
          'This organisation has already left the chain; undo that first to record another moment.',
        );
      return (await this.organisations.setLeftChainAt(tx, id, when))!;
    });
  }

  /** Undoes a departure (recorded by mistake, or the organisation rejoined): it can be chosen as a partner again. */
  async undoLeftChain(id: string): Promise<OrganisationEntity> {
    if (!isUuid(id)) throw errors.notFound(ORGANISATION);
    return this.tenancy.asPlatformAdmin(async (tx) => {
      const current = await this.organisations.findById(tx, id);
      if (!current) throw errors.notFound(ORGANISATION);
      if (current.leftChainAt === null)
        throw conflict(
          'id',
          'Deze organisatie is niet uit de keten gestapt.',
          'This organisation has not left the chain.',
        );
      return (await this.organisations.setLeftChainAt(tx, id, null))!;
    });
  }

  /**
   * A privacy officer or FG edits the contact of the organisation they act for. Another organisation's id answers
   * "not found", exactly as a non-existent one does.
   */
  async updateOwnContact(actor: Actor, input: UpdateOrganisationContactInput): Promise<OrganisationEntity> {
    const own = actingOrganisationId(actor);
    if (input.organisationId !== own) throw errors.notFound(ORGANISATION);
    const data = validateContact(input);
    return this.tenancy.asTenant(own, async (tx) => {
      const updated = await this.organisations.updateOwnContact(tx, data);
      this.tenancy.afterCommit(() => this.memberships.invalidate());
      return updated;
    });
  }

  private async ensureUnique(
    tx: Parameters<OrganisationsRepository['findByAlias']>[0],
    alias: string | undefined,
    kind: string | undefined,
    selfId: string | null,
  ): Promise<void> {
    if (alias !== undefined) {
      const other = await this.organisations.findByAlias(tx, alias);
      if (other && other.id !== selfId)
        throw conflict('alias', `De sleutel "${alias}" is al in gebruik.`, `The alias "${alias}" is already in use.`);
    }
    if (kind === 'HINQ') {
      const hinq = await this.organisations.findHinq(tx);
      if (hinq && hinq.id !== selfId)
        throw conflict(
          'kind',
          'Er is al een HINQ-organisatie; er kan er maar één zijn.',
          'There is already a HINQ organisation; there can be only one.',
        );
    }
  }
}

function conflict(field: string, nl: string, en: string): ApiError {
  const error = errors.conflict({ nl, en });
  error.fields.push({ field, message: { nl, en } });
  return error;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
