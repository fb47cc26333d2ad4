import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { PUBLIC_ROUTE } from '../auth/public-route.decorator';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { errors } from '../errors/api-error';
import { OPERATION_PERMISSION, type OperationPermission } from './operation.decorator';
import { requirePermission } from './require-permission';

/** Second global guard: the operation's declared permission against the acting organisation's abilities. */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    if (context.getType<string>() !== 'graphql') return false;
    const permission = this.reflector.get<OperationPermission | undefined>(OPERATION_PERMISSION, context.getHandler());
    if (!permission) {
      this.logger.error(`Operation ${context.getHandler().name} declares no permission; refused`);
      throw errors.forbidden();
    }
    const req = GqlExecutionContext.create(context).getContext<{ req: ScopedRequest }>().req;
    const actor = await scopeOf(req).actor;
    if (!actor) throw errors.forbidden();
    requirePermission(actor, permission.action, permission.subject);
    return true;
  }
}
