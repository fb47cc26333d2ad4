import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../auth/actor';
import { scopeOf, type FieldAudit, type ScopedRequest } from '../auth/request-scope';

function gql(context: ExecutionContext) {
  const gqlContext = GqlExecutionContext.create(context);
  return { req: gqlContext.getContext<{ req: ScopedRequest }>().req, info: gqlContext.getInfo<GraphQLResolveInfo>() };
}

/** The verified actor of this request (the guards have run, so it exists). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = scopeOf(gql(context).req).resolvedActor;
  if (!actor) throw new Error('CurrentActor used on an operation the auth guard did not run for');
  return actor;
});

/** Where a resolver records the ids of the objects it read or changed, for this field's access-log row. */
export interface AuditTrail {
  touched(...ids: string[]): void;
  /**
   * The organisation this operation changes without acting for it (a platform admin's change): the row goes into
   * that organisation's own chain, so its FG sees every change made to it.
   */
  concerns(organisationId: string): void;
}

export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditTrail => {
  const { req, info } = gql(context);
  const fields = scopeOf(req).fields;
  const key = String(info.path.key);
  const entry: FieldAudit = fields.get(key) ?? { objectIds: [] };
  fields.set(key, entry);
  return {
    touched: (...ids) => entry.objectIds.push(...ids),
    concerns: (organisationId) => {
      scopeOf(req).targetOrganisationId = organisationId;
    },
  };
});
