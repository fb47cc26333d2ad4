import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ORGANISATION_ROLES, defineAbilityFor, type AbilityContext } from '@babyconnect/contracts';
import { OPERATION_PERMISSION, type OperationPermission } from '../src/permissions/operation.decorator';
import { startTestApp, type TestApp } from './support/test-app';

// That every operation also has a cross-organisation test is checked by tenancy-isolation.e2e.spec.ts itself
// (its table must have an entry for each operation of apps/api/schema.graphql).

describe('who may call which operation', () => {
  let t: TestApp;
  let declared: Map<string, OperationPermission | undefined>;
  let schemaOperations: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const schema = t.app.get(GraphQLSchemaHost).schema;
    schemaOperations = [schema.getQueryType(), schema.getMutationType()]
      .flatMap((type) => (type ? Object.keys(type.getFields()) : []))
      .sort();
    declared = new Map();
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const prototype = wrapper.metatype?.prototype as Record<string, unknown> | undefined;
        if (!prototype || !wrapper.instance) continue;
        for (const key of Object.getOwnPropertyNames(prototype)) {
          // Descriptors, not property access: some framework classes have getters with side effects.
          const method = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
          if (typeof method !== 'function') continue;
          const kind = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
          if (kind !== 'Query' && kind !== 'Mutation') continue;
          const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
          declared.set(name, Reflect.getMetadata(OPERATION_PERMISSION, method) as OperationPermission | undefined);
        }
      }
    }
  });
  afterAll(() => t.close());

  it('declares a permission on every query and mutation of the schema', () => {
    expect([...declared.keys()].sort()).toEqual(schemaOperations);
    expect(schemaOperations.filter((name) => !declared.get(name))).toEqual([]);
  });

  // Review a diff of this snapshot as a permission change.
  it('grants these operations per role of the acting organisation', () => {
    const contexts: Record<string, AbilityContext> = {
      'no organisation chosen': { roles: [], platformAdmin: false },
      'platform-admin': { roles: [], platformAdmin: true },
      ...Object.fromEntries(ORGANISATION_ROLES.map((role) => [role, { roles: [role], platformAdmin: false }])),
    };
    const table = Object.fromEntries(
      schemaOperations.map((operation) => {
        const permission = declared.get(operation)!;
        const who = Object.entries(contexts)
          .filter(([, context]) => defineAbilityFor(context).can(permission.action, permission.subject))
          .map(([name]) => name);
        return [`${operation} (${permission.action} ${permission.subject})`, who];
      }),
    );
    expect(table).toMatchSnapshot();
  });
});
