import type { Request } from 'express';
import type { Actor, Identity } from './actor';

/** What one top-level GraphQL field leaves for the access log. */
export interface FieldAudit {
  objectIds: string[];
}

/**
 * Per-request state shared by the guards, the resolvers and the operation observer (access log, metrics).
 * The actor is resolved at most once per request, however many fields the operation has.
 */
export interface RequestScope {
  actor?: Promise<Actor>;
  /** The verified person, before the acting organisation is checked (so a refusal still names who tried). */
  identity?: Identity;
  /** Set once the actor promise settled successfully: the observer logs who acted. */
  resolvedActor?: Actor;
  fields: Map<string, FieldAudit>;
  /**
   * The organisation the request concerned without acting for it: the one a refused cross-tenant attempt named,
   * or the one a platform admin changed. The access-log row goes into its chain, so its FG sees it.
   */
  targetOrganisationId?: string;
  /**
   * Settles once the request's access-log row is written (or the answer withheld). Apollo runs the plugins'
   * willSendResponse hooks concurrently; the error response waits for this before it finalises the answer.
   */
  accessLogWritten?: Promise<void>;
}

export type ScopedRequest = Request & { scope?: RequestScope };

export function scopeOf(req: ScopedRequest): RequestScope {
  req.scope ??= { fields: new Map() };
  return req.scope;
}
