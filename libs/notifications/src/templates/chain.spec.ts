import { renderNotification, type NotificationPayload } from './notification';

const base: Omit<NotificationPayload, 'event'> = {
  incidentId: '00000000-0000-4000-8000-000000000001',
  organisationName: 'Verloskundigenpraktijk De Wieg',
  reference: 'DL-2026-0007',
  exercise: false,
  deadline: '2026-10-26T21:40:00.000Z',
  partnerDeadline: '2026-10-24T21:40:00.000Z',
  portalUrl: 'https://datalek.example.org/keten/partnermeldingen/abc',
  partnerName: 'Ziekenhuis Zuiderhaven',
};

describe('chain mails', () => {
  it.each([
    [
      'chain-incident-declared',
      /^Ketenincident DL-2026-0007 – Verloskundigenpraktijk De Wieg/,
      'zaterdag 24 oktober 2026 om 23:40 CEST',
    ],
    [
      'partner-informed',
      /^Ketenmelding van Verloskundigenpraktijk De Wieg \(DL-2026-0007\)/,
      'bevestig daar de ontvangst',
    ],
    ['partner-unreachable', /Ziekenhuis Zuiderhaven is niet bereikbaar/, 'de termijn loopt door'],
    ['partner-inform-reminder', /^Herinnering: partners/, '24 uur na ontdekking'],
    ['partner-inform-overdue', /^Termijn verstreken: partners/, 'redenen voor de vertraging'],
    ['partner-ack-reminder', /^Herinnering: bevestig de ontvangst/, 'vanaf het verzenden'],
    ['partner-ack-escalation', /^Escalatie: Ziekenhuis Zuiderhaven/, 'Neem contact op'],
  ] as const)('%s: subject, link, the fixed words, and no breach content', (event, subject, words) => {
    const mail = renderNotification({ ...base, event }, 'nl');
    expect(mail.subject).toMatch(subject);
    expect(mail.text).toContain(base.portalUrl);
    expect(mail.text.toLowerCase()).toContain(words.toLowerCase());
    expect(mail.html).toContain(`href="${base.portalUrl}"`);
    expect(mail.text).toContain('bewust geen gegevens over het datalek');
    const en = renderNotification({ ...base, event, exercise: true }, 'en');
    expect(en.subject).toMatch(/^EXERCISE: /);
    expect(en.text).toContain('deliberately contains no details');
  });

  it('refuses a partner name that is not a short single-line name', () => {
    expect(() =>
      renderNotification({ ...base, event: 'partner-unreachable', partnerName: 'x'.repeat(201) }, 'nl'),
    ).toThrow(/partnerName/);
  });
});
