import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and what a log line is about. Identifiers only: never client data, never token contents. */
export interface RequestContext {
  requestId: string;
  userId?: string;
  organisationId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
