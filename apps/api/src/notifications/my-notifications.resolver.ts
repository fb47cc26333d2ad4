import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { MyNotificationSettingsInput, MyNotificationSettingsType } from './my-notifications.type';
import { MyNotificationsService } from './my-notifications.service';

@Resolver()
export class MyNotificationsResolver {
  constructor(private readonly service: MyNotificationsService) {}

  @Query(() => MyNotificationSettingsType, {
    description:
      'Iedereen, voor zichzelf: welke e-mails ik krijg (per organisatie en rol), op welk adres, in welke taal, en het dagoverzicht.',
  })
  @Operation('read', 'Me')
  myNotificationSettings(@CurrentActor() actor: Actor): Promise<MyNotificationSettingsType> {
    return this.service.get(actor);
  }

  @Mutation(() => MyNotificationSettingsType, {
    description: 'Iedereen, voor zichzelf: de taal van mijn e-mails en het dagoverzicht (FG) aan of uit.',
  })
  @Operation('update', 'Me')
  updateMyNotificationSettings(
    @Args('input') input: MyNotificationSettingsInput,
    @CurrentActor() actor: Actor,
  ): Promise<MyNotificationSettingsType> {
    return this.service.update(actor, input);
  }
}
