import { Module, type INestApplication } from '@nestjs/common';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { App } from 'supertest/types';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { Operation } from '../src/permissions/operation.decorator';
import { ORG, gql } from './support/gql';
import { PORTAL_ORIGIN, issuer } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { tokenFor } from './support/tokens';

// An operation that forgets `@Operation` must be refused, whoever asks: the permission guard fails closed. This
// builds the real AppModule (its global AuthGuard and PermissionGuard, error filter and access log) plus one
// test-only resolver, and asks it with real tokens of the most privileged people there are.
// What would make this file fail: in PermissionGuard, `if (!permission) return true` answers the resolver's data
// (calls > 0, data not null); deleting the branch makes `permission.action` a TypeError, i.e.
// INTERNAL_SERVER_ERROR instead of FORBIDDEN; dropping the PermissionGuard from APP_GUARD answers the data too.

const calls = { unannotatedSecret: 0, unannotatedChange: 0, annotatedControl: 0 };

@Resolver()
class ProbeResolver {
  @Query(() => String, { nullable: true })
  unannotatedSecret(): string {
    calls.unannotatedSecret++;
    return 'geheim';
  }

  @Mutation(() => String, { nullable: true })
  unannotatedChange(): string {
    calls.unannotatedChange++;
    return 'gewijzigd';
  }

  /** The same kind of field with a declaration: shows the app, the token and the resolver work. */
  @Query(() => String, { nullable: true })
  @Operation('read', 'Me')
  annotatedControl(): string {
    calls.annotatedControl++;
    return 'open';
  }
}

/** Collects the API's error lines, so the test can see the guard tell the operator. */
class CollectingLogger {
  readonly errors: string[] = [];
  readonly pino = createLogger('error', {
    write: (line: string) => void this.errors.push(String((JSON.parse(line) as { msg?: unknown }).msg)),
  });
}

describe('an operation without @Operation', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: App;
  const logger = new CollectingLogger();

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.appUrl,
      OIDC_ISSUER_URL: issuer(),
      PORTAL_ORIGIN,
      METRICS_PORT: '0',
      RATE_LIMIT_REFUSALS: '1000000',
    });
    // The API exactly as production builds it, plus the probe resolver under the same global guards.
    @Module({ providers: [ProbeResolver] })
    class ProbeModule {}
    app = await createApp(config, logger.pino, [ProbeModule]);
    await app.init();
    http = app.getHttpServer() as App;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  // The platform admin, and a DPO both implied and naming their organisation: no role opens an undeclared field.
  const askers = [
    { username: 'beheerder', organisationId: undefined },
    { username: 'wieg-fg', organisationId: undefined },
    { username: 'wieg-fg', organisationId: ORG.wieg },
  ];

  it.each(askers)('is refused to $username (acting for $organisationId): FORBIDDEN, no data', async (asker) => {
    const token = await tokenFor(asker.username);
    const before = { ...calls };
    const refusedBefore = await refusalsNaming('unannotatedSecret');

    const query = await gql(http, { ...asker, token, query: '{ unannotatedSecret annotatedControl }' });
    expect(query.errors.map((e) => [e.extensions.code, e.message])).toEqual([
      ['FORBIDDEN', 'U heeft voor deze organisatie geen recht op deze handeling.'],
    ]);
    // The declared sibling answers in the same request: the refusal is the missing declaration, nothing else.
    expect(query.data).toEqual({ unannotatedSecret: null, annotatedControl: 'open' });

    const mutation = await gql(http, { ...asker, token, query: 'mutation { unannotatedChange }' });
    expect(mutation.code).toBe('FORBIDDEN');
    expect(mutation.data).toEqual({ unannotatedChange: null });

    expect(calls).toEqual({ ...before, annotatedControl: before.annotatedControl + 1 });
    // The refusal is in the access log, like every refusal.
    expect(await refusalsNaming('unannotatedSecret')).toBe(refusedBefore + 1);
    expect(logger.errors.filter((line) => line.includes('unannotatedSecret')).length).toBeGreaterThan(0);
  });

  it('is refused without a token before the permission is even looked at', async () => {
    const before = { ...calls };
    const res = await gql(http, { query: '{ unannotatedSecret }' });
    expect(res.code).toBe('UNAUTHENTICATED');
    // Refused before execution: no field runs at all.
    expect(res.data).toBeNull();
    expect(calls).toEqual(before);
  });

  /** Refused access-log rows that name the field anywhere (robust to how the row spells the operation). */
  async function refusalsNaming(field: string): Promise<number> {
    const rows = await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM access_log l WHERE l.result = 'refused' AND to_jsonb(l)::text LIKE $1`,
      [`%${field}%`],
    );
    return rows[0]?.n ?? 0;
  }
});
