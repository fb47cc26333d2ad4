import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { AccessLogService } from './access-log.service';
import { AccessLogAnchorType, AccessLogPageType } from './access-log.type';

@Resolver()
export class AccessLogResolver {
  constructor(private readonly service: AccessLogService) {}

  @Query(() => AccessLogPageType, {
    description: 'FG en auditor: het toegangslogboek van de eigen organisatie, nieuwste eerst.',
  })
  @Operation('read', 'AccessLog')
  accessLog(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
  ): Promise<AccessLogPageType> {
    return this.service.page(actor, first, after ?? null);
  }

  @Query(() => AccessLogAnchorType, {
    description:
      'FG en auditor: een ondertekend anker van de kop van het toegangslogboek, om buiten het systeem te bewaren.',
  })
  @Operation('read', 'AccessLog')
  accessLogAnchor(@CurrentActor() actor: Actor): Promise<AccessLogAnchorType> {
    return this.service.anchor(actor);
  }
}
