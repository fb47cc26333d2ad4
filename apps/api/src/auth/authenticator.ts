import { Inject, Injectable, Logger } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { ACTING_ORGANISATION_HEADER } from '@babyconnect/contracts';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { ApiError, errors } from '../errors/api-error';
import type { Actor } from './actor';
import { ActorService } from './actor.service';
import { MembershipsRepository } from './memberships.repository';
import { scopeOf, type ScopedRequest } from './request-scope';
import { TokenRejected, TokenVerifier } from './token-verifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is asking, once per request: the verified token, the person, and the organisation they act for. Runs for
 * every GraphQL operation before execution (the access-log plugin calls it, so also `{ __typename }`, which has
 * no resolver for a guard to run on), and again cheaply from the guards (the promise is shared).
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly actors: ActorService,
    private readonly organisations: MembershipsRepository,
    /** The request's log context: who asked, on every later line of the request and on its request line. */
    private readonly requestLog: PinoLogger,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The request's actor; rejects with UNAUTHENTICATED, FORBIDDEN or SERVICE_UNAVAILABLE. */
  actorOf(req: ScopedRequest): Promise<Actor> {
    const scope = scopeOf(req);
    if (!scope.actor) {
      scope.actor = this.authenticate(req).then((actor) => (scope.resolvedActor = actor));
      // Observed here so that a refusal is never an unhandled rejection, whoever awaits it later.
      scope.actor.catch(() => undefined);
    }
    return scope.actor;
  }

  private async authenticate(req: ScopedRequest): Promise<Actor> {
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
        this.logger.warn(`Sign-in service unavailable: realm keys could not be fetched from ${error.detail}`);
        throw errors.signInUnavailable();
      }
      throw errors.unauthenticated(error.reason);
    }
    // HINQ's systems (client credentials of the push client) are no person: their scopes decide, never groups. A
    // person's token (the portal's) is never read this way, whatever scopes it carries.
    if (token.azp === this.config.VIEWER_LOG_PUSH_CLIENT_ID) {
      const hinq = await this.organisations.hinq();
      if (!hinq) throw errors.forbidden();
      const machine = await this.actors.machine(token, hinq);
      scopeOf(req).identity = { user: machine.user, memberships: machine.memberships, platformAdmin: false };
      this.requestLog.assign({ userId: machine.user.id, organisationId: hinq.id });
      return machine;
    }
    const identity = await this.actors.identify(token);
    // Known from here on, also if acting for the requested organisation is refused: the access log names who tried.
    const scope = scopeOf(req);
    scope.identity = identity;
    this.requestLog.assign({ userId: identity.user.id });
    const requested = req.header(ACTING_ORGANISATION_HEADER)?.trim();
    try {
      const actor = this.actors.actFor(identity, requested);
      if (actor.acting) this.requestLog.assign({ organisationId: actor.acting.organisationId });
      return actor;
    } catch (error) {
      // A signed-in person naming an organisation they do not belong to: that organisation's FG must see the
      // attempt, so the row goes into its chain (only for an organisation that exists).
      if (
        error instanceof ApiError &&
        requested &&
        UUID.test(requested) &&
        (await this.organisations.exists(requested))
      )
        scope.targetOrganisationId = requested.toLowerCase();
      throw error;
    }
  }
}
