import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrganisationKind } from '@babyconnect/domain';

export interface MemberOrganisation {
  id: string;
  alias: string;
  name: string;
  kind: OrganisationKind;
}

/** How long an instance keeps the directory when nothing tells it of a change (another instance's edit). */
const DIRECTORY_TTL_MS = 30_000;

/**
 * Which organisation an identity-provider group alias stands for. The token says the groups; this maps them to
 * organisations from memory, reloaded when an organisation changes on this instance (`invalidate`, called after
 * the change commits) and at most every 30 seconds otherwise. The directory is small (the chain's partners).
 * Auth's own reader of the organisations table: no dependency on the organisations feature.
 */
@Injectable()
export class MembershipsRepository {
  private directory: { byAlias: Promise<Map<string, MemberOrganisation>>; until: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async byAliases(aliases: readonly string[]): Promise<MemberOrganisation[]> {
    if (aliases.length === 0) return [];
    const byAlias = await this.load();
    return aliases.map((alias) => byAlias.get(alias)).filter((o): o is MemberOrganisation => o !== undefined);
  }

  /** Whether an organisation with this id exists (for recording whom a refused attempt targeted). */
  async exists(id: string): Promise<boolean> {
    return [...(await this.load()).values()].some((o) => o.id === id);
  }

  /** HINQ, the chain's coordinator (the one organisation of kind HINQ), or null when the chain has none yet. */
  async hinq(): Promise<MemberOrganisation | null> {
    return [...(await this.load()).values()].find((o) => o.kind === 'HINQ') ?? null;
  }

  invalidate(): void {
    this.directory = null;
  }

  private load(): Promise<Map<string, MemberOrganisation>> {
    if (this.directory && this.directory.until > Date.now()) return this.directory.byAlias;
    const byAlias = this.dataSource
      .query(`SELECT id::text AS id, alias, name, kind FROM organisations`)
      .then((rows: MemberOrganisation[]) => new Map(rows.map((o) => [o.alias, o])));
    const entry = { byAlias, until: Date.now() + DIRECTORY_TTL_MS };
    this.directory = entry;
    byAlias.catch(() => {
      if (this.directory === entry) this.directory = null;
    });
    return byAlias;
  }
}
