// Who the benchmark acts as: the FG (dpo) of each demo organisation, the demo user who is FG in one organisation
// and employee in another, and FGs of extra organisations created through the API for scenario d. Tokens come
// from the dev identity provider through the real code + PKCE flow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDirectory } from '../dev-idp/realm.ts';
import { accessToken, graphql } from './http.ts';

export interface Tenant {
  username: string;
  alias: string;
  organisationId: string;
  token: string;
}

export interface ExtraOrganisation {
  alias: string;
  name: string;
  fg: { id: string; username: string; password: string };
}

const PASSWORD = 'demo';

export function extraOrganisations(count: number): ExtraOrganisation[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return {
      alias: `bench-org-${n}`,
      name: `Benchmarkorganisatie ${n}`,
      fg: { id: `b3e0c000-0000-4000-8000-0000000000${n}`, username: `bench-org-${n}-fg`, password: PASSWORD },
    };
  });
}

/** The extra FGs in the identity provider's user-file format (a Keycloak partial import). */
export function extraUsers(organisations: ExtraOrganisation[]): unknown[] {
  return organisations.map((org) => ({
    id: org.fg.id,
    username: org.fg.username,
    enabled: true,
    email: `${org.fg.username}@example.org`,
    emailVerified: true,
    firstName: 'Bench',
    lastName: `FG ${org.alias}`,
    credentials: [{ type: 'password', value: org.fg.password, temporary: false }],
    groups: [`/orgs/${org.alias}/dpo`],
  }));
}

export interface Tenants {
  /** The FG of each demo organisation, in the demo file's order. */
  demoFgs: Tenant[];
  /** FG in one organisation and member of another: must name the organisation it acts for. */
  multiFg: Tenant | undefined;
  extraFgs: Tenant[];
  /** Why extra organisations are missing, if they are. */
  extraProblem?: string;
}

export async function loadTenants(
  rootDir: string,
  apiUrl: string,
  issuer: string,
  extras: ExtraOrganisation[],
): Promise<Tenants> {
  const demo = JSON.parse(readFileSync(join(rootDir, 'infra/demo/organisations.json'), 'utf8')) as {
    organisations: { id: string; alias: string }[];
  };
  const idByAlias = new Map(demo.organisations.map((org) => [org.alias, org.id]));
  const directory = loadDirectory([join(rootDir, 'infra/keycloak/babyconnect-demo.json')]);
  const dpoAlias = (groups: string[]): string | undefined =>
    groups.map((group) => /^\/orgs\/([^/]+)\/dpo$/.exec(group)?.[1]).find(Boolean);

  const demoFgs: Tenant[] = [];
  let multiFg: Tenant | undefined;
  for (const user of directory.users) {
    const alias = dpoAlias(user.groups);
    const organisationId = alias && idByAlias.get(alias);
    if (!alias || !organisationId) continue;
    const tenant = {
      username: user.username,
      alias,
      organisationId,
      token: await accessToken(issuer, user.username, user.password),
    };
    if (user.groups.length === 1) demoFgs.push(tenant);
    else multiFg ??= tenant;
  }

  const extraFgs: Tenant[] = [];
  let extraProblem: string | undefined;
  if (extras.length) {
    try {
      const admin = await accessToken(issuer, 'beheerder', directory.findByUsername('beheerder')!.password);
      for (const org of extras) {
        const created = await graphql<{ createOrganisation: { id: string } }>(
          apiUrl,
          admin,
          'mutation Create($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
          {
            input: {
              alias: org.alias,
              name: org.name,
              kind: 'MATERNITY_CARE',
              contactRole: 'DPO',
              contactName: `FG ${org.alias}`,
              contactEmail: `fg@${org.alias}.example.org`,
            },
          },
        );
        extraFgs.push({
          username: org.fg.username,
          alias: org.alias,
          organisationId: created.createOrganisation.id,
          token: await accessToken(issuer, org.fg.username, org.fg.password),
        });
      }
    } catch (error) {
      extraProblem = `extra organisations could not be created: ${(error as Error).message}`;
    }
  }
  return { demoFgs, multiFg, extraFgs, extraProblem };
}
