import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app';

// The schema is the contract with the portal (its types are generated from this file). Review a diff here as an
// API change. After an intended change: UPDATE_SCHEMA=1 npx jest -c apps/api/jest.config.cjs schema
const SCHEMA_FILE = join(__dirname, '../schema.graphql');

describe('the GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('matches the committed apps/api/schema.graphql', () => {
    const current = `${printSchema(t.app.get(GraphQLSchemaHost).schema)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, current);
    expect(current).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
