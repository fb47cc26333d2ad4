import { EN as SHELL_EN } from '../../shared/i18n/en';
import { NL as SHELL_NL, type TranslationKey } from '../../shared/i18n/nl';
import { NOTIFICATIONS_EN, NOTIFICATIONS_NL } from '../../shared/i18n/texts/notifications';
import { type MySettings, subscriptionViews } from './my-notifications-view';

// The shell's texts and this page's (shared/i18n/texts.ts).
const NL: Readonly<Record<string, string>> = { ...SHELL_NL, ...NOTIFICATIONS_NL };
const EN: Readonly<Record<string, string>> = { ...SHELL_EN, ...NOTIFICATIONS_EN };

const translate =
  (dictionary: Readonly<Record<string, string>>) =>
  (key: TranslationKey, params?: Readonly<Record<string, string | number>>) =>
    (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

const settings: MySettings = {
  address: 'hinq-fg@example.org',
  locale: 'NL',
  dailyDigest: true,
  dailyDigestAvailable: true,
  digestHour: 7,
  subscriptions: [
    {
      organisationId: 'h',
      organisationName: 'HINQ',
      organisationKind: 'HINQ',
      role: 'dpo',
      events: ['BREACH_REPORTED', 'DAILY_DIGEST'],
      chainOnly: false,
    },
    {
      organisationId: 'h',
      organisationName: 'HINQ',
      organisationKind: 'HINQ',
      role: 'dpo',
      events: ['OTHER_ORGANISATIONS_INVOLVED', 'DEADLINE_OVERDUE'],
      chainOnly: true,
    },
  ],
};

describe('what a person gets, grouped for "Mijn berichten"', () => {
  it('groups roles per organisation and names each event in the page language', () => {
    const [hinq, ...rest] = subscriptionViews(settings, 'nl', translate(NL));
    expect(rest).toEqual([]);
    expect(hinq!.organisation).toBe('HINQ');
    expect(hinq!.roles).toHaveLength(2);
    expect(hinq!.roles[0]!.events).toEqual(['datalek gemeld', 'dagoverzicht van open datalekken']);
    expect(hinq!.roles[0]!.note).toBeNull();
    expect(hinq!.roles[1]!.note).toBe('alleen als andere organisaties betrokken kunnen zijn');
    const [english] = subscriptionViews(settings, 'en', translate(EN));
    expect(english!.roles[1]!.events).toEqual(['other organisations possibly involved', 'AP deadline overdue']);
  });

  it('shows an unknown event (a newer API) as sent rather than hiding it', () => {
    const newer = {
      ...settings,
      subscriptions: [{ ...settings.subscriptions[0]!, events: ['SOMETHING_NEW' as never] }],
    };
    expect(subscriptionViews(newer, 'nl', translate(NL))[0]!.roles[0]!.events).toEqual(['SOMETHING_NEW']);
  });
});
