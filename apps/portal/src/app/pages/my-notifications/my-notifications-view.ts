import type { MyNotificationSettingsQuery } from '../../shared/api/generated/graphql';
import type { TranslationKey } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/translation.service';
import { kindLabel, roleLabel } from '../../shared/labels/labels';
import { incidentLabel } from '../../shared/labels/incident-labels';
import '../../shared/i18n/texts/notifications';

export type MySettings = MyNotificationSettingsQuery['myNotificationSettings'];
type Translate = (key: TranslationKey, params?: Readonly<Record<string, string | number>>) => string;

/** One organisation's part of "what you get": per role, the events by name. */
export interface OrganisationSubscriptionsView {
  readonly organisationId: string;
  readonly organisation: string;
  readonly kind: string;
  readonly roles: readonly {
    readonly role: string;
    readonly events: readonly string[];
    readonly note: string | null;
  }[];
}

/** Groups the subscriptions by organisation, in the order the API gave them; event names in the page's language. */
export function subscriptionViews(settings: MySettings, lang: Lang, t: Translate): OrganisationSubscriptionsView[] {
  const byOrganisation = new Map<string, OrganisationSubscriptionsView>();
  for (const s of settings.subscriptions) {
    const view = byOrganisation.get(s.organisationId) ?? {
      organisationId: s.organisationId,
      organisation: s.organisationName,
      kind: kindLabel(s.organisationKind, lang),
      roles: [],
    };
    byOrganisation.set(s.organisationId, {
      ...view,
      roles: [
        ...view.roles,
        {
          role: t('notify.asRole', { role: roleLabel(s.role, lang) }),
          events: s.events.map((event) => incidentLabel('NotificationEvent', event, lang)),
          note: s.chainOnly ? t('notify.chainOnly') : null,
        },
      ],
    });
  }
  return [...byOrganisation.values()];
}
