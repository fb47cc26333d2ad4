import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_CONFIG, jwksUrl } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { PermissionGuard } from '../permissions/permission.guard';
import { ActorService } from './actor.service';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { MembershipsRepository } from './memberships.repository';
import { RoleDirectoryRepository } from './role-directory.repository';
import { TokenVerifier } from './token-verifier';
import { UsersRepository } from './users.repository';

/**
 * Identity: verified tokens, people, their organisations, and the two global guards every GraphQL field passes
 * (authenticate, then check the operation's permission). Depends on no feature.
 */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        new TokenVerifier({ issuer: config.OIDC_ISSUER_URL, audience: config.OIDC_AUDIENCE, jwksUrl: jwksUrl(config) }),
    },
    UsersRepository,
    MembershipsRepository,
    RoleDirectoryRepository,
    ActorService,
    Authenticator,
    // Order matters: authenticate, then check the operation's permission.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [Authenticator, MembershipsRepository],
})
export class AuthModule {}
