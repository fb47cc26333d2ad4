import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Tenancy } from '../database/tenancy';
import { AppClock } from '../time/app-clock';
import type { MyNotificationSettingsInput, MyNotificationSettingsType } from './my-notifications.type';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { PersonalSettingsRepository } from './personal-settings.repository';
import { subscriptionsFor } from './subscriptions';

/**
 * A person's own notification settings: which mails their roles bring, at which address, in which language, and
 * the FG's daily digest. Only ever the signed-in person's own row (the actor's user id; no id is taken as input).
 */
@Injectable()
export class MyNotificationsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly repository: PersonalSettingsRepository,
    private readonly clock: AppClock,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async get(actor: Actor): Promise<MyNotificationSettingsType> {
    const stored = await this.tenancy.shared((tx) => this.repository.find(tx.manager, actor.user.id));
    return this.present(actor, stored);
  }

  async update(actor: Actor, input: MyNotificationSettingsInput): Promise<MyNotificationSettingsType> {
    const stored = await this.tenancy.shared((tx) =>
      this.repository.save(
        tx.manager,
        actor.user.id,
        {
          ...(input.locale ? { locale: input.locale } : {}),
          ...(typeof input.dailyDigest === 'boolean' ? { dailyDigest: input.dailyDigest } : {}),
        },
        this.clock.now(),
      ),
    );
    return this.present(actor, stored);
  }

  private present(actor: Actor, stored: { locale: 'nl' | 'en'; dailyDigest: boolean }): MyNotificationSettingsType {
    const dpoSomewhere = actor.memberships.some((m) => m.roles.includes('dpo'));
    const dailyDigest = stored.dailyDigest && dpoSomewhere;
    return {
      address: actor.user.email,
      locale: stored.locale,
      dailyDigest,
      dailyDigestAvailable: dpoSomewhere,
      digestHour: this.settings.digestHour,
      subscriptions: actor.user.email
        ? actor.memberships.flatMap((m) =>
            subscriptionsFor(m.kind, m.roles, dailyDigest).map((s) => ({
              organisationId: m.organisationId,
              organisationName: m.name,
              organisationKind: m.kind,
              ...s,
            })),
          )
        : [],
    };
  }
}
