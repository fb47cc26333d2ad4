import { renderNotification, type NotificationPayload } from './notification';

const digest: NotificationPayload = {
  event: 'daily-digest',
  incidentId: '',
  organisationName: 'Verloskundigenpraktijk De Wieg',
  reference: 'digest-2026-10-26',
  exercise: false,
  deadline: '2026-10-26T00:00:00.000Z',
  portalUrl: 'https://datalek.example.org/meldingen',
  openIncidents: [
    { reference: 'DL-2026-0042', deadline: '2026-10-26T10:00:00.000Z', exercise: false },
    { reference: 'DL-2026-0043', deadline: '2026-10-27T10:00:00.000Z', exercise: true },
  ],
};

describe('daily digest', () => {
  it('lists the open incidents by reference and Amsterdam deadline, in Dutch', () => {
    const mail = renderNotification(digest, 'nl');
    expect(mail.subject).toBe('Dagoverzicht datalekken – Verloskundigenpraktijk De Wieg: 2 open');
    expect(mail.text).toContain('DL-2026-0042 – termijn AP: maandag 26 oktober 2026 om 11:00 CET');
    expect(mail.text).toContain('DL-2026-0043 (OEFENING) – termijn AP: dinsdag 27 oktober 2026 om 11:00 CET');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.attachments).toEqual([]);
  });

  it('in English for a person who chose English', () => {
    const mail = renderNotification(digest, 'en');
    expect(mail.subject).toBe('Daily data breach digest – Verloskundigenpraktijk De Wieg: 2 open');
    expect(mail.text).toContain('DL-2026-0043 (EXERCISE) – AP deadline: Tuesday, 27 October 2026 at 11:00 CET');
  });

  it('refuses anything in the list that is not a reference (free text cannot ride along)', () => {
    const sneaky = {
      ...digest,
      openIncidents: [{ reference: 'Mevrouw Jansen', deadline: '2026-10-26T10:00:00.000Z', exercise: false }],
    };
    expect(() => renderNotification(sneaky, 'nl')).toThrow('invalid reference');
    const html = { ...digest, openIncidents: [{ reference: '<b>DL-2026-0042</b>', deadline: 'x', exercise: false }] };
    expect(() => renderNotification(html, 'nl')).toThrow();
  });
});
