import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Authenticator } from './authenticator';
import { PUBLIC_ROUTE } from './public-route.decorator';
import type { ScopedRequest } from './request-scope';

/**
 * First global guard: every GraphQL field needs a verified access token. REST routes are refused unless marked
 * public (only health checks are). Fails closed: anything unexpected is a refusal. The access-log plugin has
 * usually authenticated the request already; this shares that result.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    if (context.getType<string>() !== 'graphql') return false;
    const req = GqlExecutionContext.create(context).getContext<{ req: ScopedRequest }>().req;
    await this.authenticator.actorOf(req);
    return true;
  }
}
