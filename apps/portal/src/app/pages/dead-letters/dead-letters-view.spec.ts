import { EN as SHELL_EN } from '../../shared/i18n/en';
import { NL as SHELL_NL, type TranslationKey } from '../../shared/i18n/nl';
import { NOTIFICATIONS_EN, NOTIFICATIONS_NL } from '../../shared/i18n/texts/notifications';
import { type DeadLetter, deadLetterView } from './dead-letters-view';

// The shell's texts and this page's (shared/i18n/texts.ts).
const NL: Readonly<Record<string, string>> = { ...SHELL_NL, ...NOTIFICATIONS_NL };
const EN: Readonly<Record<string, string>> = { ...SHELL_EN, ...NOTIFICATIONS_EN };

const translate =
  (dictionary: Readonly<Record<string, string>>) =>
  (key: TranslationKey, params?: Readonly<Record<string, string | number>>) =>
    (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

const letter: DeadLetter = {
  id: 'a1',
  event: 'BREACH_REPORTED',
  recipientRole: 'PRIVACY_OFFICER',
  recipientAddress: 'w***@example.org',
  attempts: 1,
  createdAt: '2026-10-23T21:40:00.000Z',
  organisationName: 'Verloskundigenpraktijk De Wieg',
  reference: 'DL-2026-0042',
  lastFailure: {
    reason: 'rejected',
    text: { nl: 'Geweigerd door de mailserver (550).', en: 'Refused by the mail server (550).' },
  },
};

describe('a dead letter as the platform admin reads it', () => {
  it('says when, what, to whom and why, in Dutch time and the page language', () => {
    expect(deadLetterView(letter, 'nl', translate(NL))).toEqual({
      id: 'a1',
      when: '23-10-2026 23:40 CEST',
      reference: 'DL-2026-0042',
      organisation: 'Verloskundigenpraktijk De Wieg',
      event: 'datalek gemeld',
      to: 'w***@example.org',
      role: 'privacyfunctionaris',
      reason: 'Geweigerd door de mailserver (550).',
      attempts: '1 poging(en)',
      retryable: true,
    });
    expect(deadLetterView(letter, 'en', translate(EN)).reason).toBe('Refused by the mail server (550).');
  });

  it('offers no retry when nobody could be reached (no address): fixing the contact comes first', () => {
    const view = deadLetterView(
      { ...letter, recipientAddress: null, recipientRole: 'DPO', lastFailure: null },
      'nl',
      translate(NL),
    );
    expect(view).toMatchObject({ to: 'niemand bereikbaar', retryable: false, reason: '' });
  });
});
