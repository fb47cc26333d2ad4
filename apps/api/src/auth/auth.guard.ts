import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACTING_ORGANISATION_HEADER } from '@babyconnect/contracts';
import { errors } from '../errors/api-error';
import { requestContext } from '../logging/request-context';
import { ActorService } from './actor.service';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { scopeOf, type ScopedRequest } from './request-scope';
import { TokenRejected, TokenVerifier } from './token-verifier';

/**
 * First global guard: every GraphQL field needs a verified access token. REST routes are refused unless marked
 * public (only health checks are). Fails closed: anything unexpected is a refusal.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly actors: ActorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    if (context.getType<string>() !== 'graphql') return false;
    const req = GqlExecutionContext.create(context).getContext<{ req: ScopedRequest }>().req;
    const scope = scopeOf(req);
    scope.actor ??= this.authenticate(req);
    const actor = await scope.actor;
    scope.resolvedActor = actor;
    return true;
  }

  private async authenticate(req: ScopedRequest) {
    const header = req.header('authorization')?.trim() ?? '';
    if (!header) {
      throw errors.unauthenticated({ nl: 'er is geen toegangstoken meegestuurd', en: 'no access token was sent' });
    }
    // Something was sent, so "no token" would mislead whoever debugs the client: say the header is malformed.
    // The scheme is case-insensitive (RFC 7235); the token itself is not.
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(header);
    if (!match?.[1]) {
      throw errors.unauthenticated({
        nl: 'de Authorization-header bevat geen geldig Bearer-token',
        en: 'the Authorization header does not carry a valid Bearer token',
      });
    }
    let token;
    try {
      token = await this.verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      if (error.kind === 'unavailable') {
        // Once per request (the actor promise is shared by its fields); the detail names the endpoint, not the token.
        this.logger.warn(`Sign-in service unavailable: realm keys could not be fetched from ${error.detail}`);
        throw errors.signInUnavailable();
      }
      throw errors.unauthenticated(error.reason);
    }
    const identity = await this.actors.identify(token);
    // Known from here on, also if acting for the requested organisation is refused: the access log names who tried.
    scopeOf(req).identity = identity;
    const ctx = req.context ?? requestContext.getStore();
    if (ctx) ctx.userId = identity.user.id;
    const actor = this.actors.actFor(identity, req.header(ACTING_ORGANISATION_HEADER));
    if (ctx) ctx.organisationId = actor.acting?.organisationId;
    return actor;
  }
}
