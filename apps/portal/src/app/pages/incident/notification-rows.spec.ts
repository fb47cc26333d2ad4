import { EN as SHELL_EN } from '../../shared/i18n/en';
import { NL as SHELL_NL, type TranslationKey } from '../../shared/i18n/nl';
import { INCIDENT_EN, INCIDENT_NL } from '../../shared/i18n/texts/incident';
import type { Lang } from '../../shared/i18n/translation.service';
import { type IncidentNotification, notificationRows } from './notification-rows';

// The shell's texts and this page's (shared/i18n/texts.ts).
const NL: Readonly<Record<string, string>> = { ...SHELL_NL, ...INCIDENT_NL };
const EN: Readonly<Record<string, string>> = { ...SHELL_EN, ...INCIDENT_EN };

const translate =
  (lang: Lang) =>
  (key: TranslationKey, params?: Readonly<Record<string, string | number>>): string =>
    ((lang === 'en' ? EN : NL)[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => String(params?.[name] ?? m));

function mail(overrides: Partial<IncidentNotification> = {}): IncidentNotification {
  return {
    id: 'n-1',
    event: 'BREACH_REPORTED',
    recipientRole: 'DPO',
    recipientAddress: 'f***@de-wieg.example.org',
    status: 'QUEUED',
    attempts: 0,
    createdAt: '2026-03-29T00:59:00.000Z',
    sentAt: null,
    nextAttemptAt: null,
    lastFailure: null,
    ...overrides,
  };
}

describe('notification rows', () => {
  it('names a queued mail: what about, to whom (role and masked address), when it was queued', () => {
    const [row] = notificationRows([mail()], 'nl', translate('nl'));
    expect(row).toMatchObject({
      eventText: 'datalek gemeld',
      statusText: 'in de wachtrij',
      to: 'FG (f***@de-wieg.example.org)',
      at: '2026-03-29T00:59:00.000Z',
      when: 'klaargezet 29-03-2026 01:59',
      attempts: null,
      next: null,
      failure: null,
    });
  });

  it('shows a sent mail with the time it was sent, in English on request', () => {
    const [row] = notificationRows(
      [mail({ status: 'SENT', attempts: 1, sentAt: '2026-03-29T01:00:05.000Z', recipientRole: 'PRIVACY_OFFICER' })],
      'en',
      translate('en'),
    );
    expect(row).toMatchObject({
      eventText: 'breach reported',
      statusText: 'sent',
      to: 'privacy officer (f***@de-wieg.example.org)',
      when: 'sent 29/03/2026 03:00',
      attempts: null,
    });
  });

  it('explains a failing mail: attempts, the next attempt and the readable reason', () => {
    const failure = { reason: 'connection', text: { nl: 'De mailserver was niet bereikbaar.', en: 'Unreachable.' } };
    const [retrying, dead] = notificationRows(
      [
        mail({ status: 'RETRYING', attempts: 2, nextAttemptAt: '2026-03-29T01:10:00.000Z', lastFailure: failure }),
        mail({ id: 'n-2', status: 'DEAD', attempts: 5, recipientAddress: null, lastFailure: failure }),
      ],
      'nl',
      translate('nl'),
    );
    expect(retrying).toMatchObject({
      statusText: 'mislukt, wordt opnieuw geprobeerd',
      attempts: 'pogingen: 2',
      next: 'volgende poging 29-03-2026 03:10',
      failure: 'De mailserver was niet bereikbaar.',
    });
    expect(dead).toMatchObject({ statusText: 'onbestelbaar', to: 'FG (niemand bereikbaar)', next: null });
  });

  it('shows an event or status of a newer API as it came', () => {
    const [row] = notificationRows([mail({ event: 'SOMETHING_NEW' as never })], 'nl', translate('nl'));
    expect(row?.eventText).toBe('SOMETHING_NEW');
  });
});
