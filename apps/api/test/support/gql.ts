import request from 'supertest';
import type { App } from 'supertest/types';
import { ACTING_ORGANISATION_HEADER } from '@babyconnect/contracts';

export interface GqlCall {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  organisationId?: string;
  language?: string;
}

export interface GqlError {
  message: string;
  extensions: { code: string; fields?: { field: string; message: string }[] };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: GqlError[];
  /** The first error's code, or null. */
  code: string | null;
}

export async function gql<T = Record<string, unknown>>(http: App, call: GqlCall): Promise<GqlResult<T>> {
  const req = request(http).post('/graphql').set('content-type', 'application/json');
  if (call.token) req.set('authorization', `Bearer ${call.token}`);
  if (call.organisationId) req.set(ACTING_ORGANISATION_HEADER, call.organisationId);
  if (call.language) req.set('accept-language', call.language);
  const res = await req.send({ query: call.query, variables: call.variables ?? {} });
  const body = res.body as { data?: T | null; errors?: GqlError[] };
  const errors = body.errors ?? [];
  return { status: res.status, data: body.data ?? null, errors, code: errors[0]?.extensions.code ?? null };
}

/** The demo organisations' fixed ids (infra/demo/organisations.json). */
export const ORG = {
  wieg: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c01',
  nest: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c02',
  zuiderhaven: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c03',
  zonnedauw: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c04',
  hinq: '0b7a6c1e-1f3d-4c55-9a41-5f1d2a3b4c05',
} as const;
