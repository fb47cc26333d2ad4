import { breachReported } from './breach-reported';
import { defineTemplate, renderMail, TemplateDataError, type TemplateData } from './template';

const data: TemplateData<typeof breachReported.fields> = {
  organisationName: 'Verloskundigenpraktijk De Wieg',
  reference: 'DL-2026-0042',
  deadline: new Date('2026-10-26T10:00:00Z'),
  portalUrl: 'https://datalek.babyconnect.example.org/meldingen/DL-2026-0042',
};

describe('renderMail: breach-reported', () => {
  it('renders Dutch with reference, Amsterdam deadline and link', () => {
    const mail = renderMail(breachReported, 'nl', data);

    expect(mail.subject).toBe('Nieuwe datalekmelding DL-2026-0042 – Verloskundigenpraktijk De Wieg');
    expect(mail.text).toContain('Referentie: DL-2026-0042');
    // 72 h after 2026-10-23T10:00Z (12:00 CEST) is 11:00 CET: summer time ended in between.
    expect(mail.text).toContain('maandag 26 oktober 2026 om 11:00 CET');
    expect(mail.text).toContain('https://datalek.babyconnect.example.org/meldingen/DL-2026-0042');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('<a href="https://datalek.babyconnect.example.org/meldingen/DL-2026-0042">');
  });

  it('renders English', () => {
    const mail = renderMail(breachReported, 'en', data);

    expect(mail.subject).toBe('New data breach report DL-2026-0042 – Verloskundigenpraktijk De Wieg');
    expect(mail.text).toContain('Monday, 26 October 2026 at 11:00 CET');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('tells the two 02:30s apart on the night summer time ends', () => {
    // 2026-10-25: at 01:00Z clocks go from 03:00 CEST back to 02:00 CET.
    const at = (iso: string, locale: 'nl' | 'en') =>
      renderMail(breachReported, locale, { ...data, deadline: new Date(iso) }).text;

    expect(at('2026-10-25T00:30:00Z', 'nl')).toContain('zondag 25 oktober 2026 om 02:30 CEST');
    expect(at('2026-10-25T01:30:00Z', 'nl')).toContain('zondag 25 oktober 2026 om 02:30 CET');
    expect(at('2026-10-25T01:30:00Z', 'en')).toContain('Sunday, 25 October 2026 at 02:30 CET');
    // And the spring change: 01:30Z on 29 March is already summer time.
    expect(at('2026-03-29T01:30:00Z', 'nl')).toContain('zondag 29 maart 2026 om 03:30 CEST');
  });

  it('escapes every value in the HTML, and leaves the plain text literal', () => {
    const evil = '<script>alert("x")</script> & Co\'s';
    const mail = renderMail(breachReported, 'nl', {
      ...data,
      organisationName: evil,
      portalUrl: 'https://datalek.example.org/m?a=1&b="2"',
    });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s');
    expect(mail.html).toContain('<title>Nieuwe datalekmelding DL-2026-0042 – &lt;script&gt;');
    expect(mail.html).toContain('href="https://datalek.example.org/m?a=1&amp;b=%222%22"');
    expect(mail.text).toContain(evil);
  });

  it('does not expand placeholders inside values', () => {
    const mail = renderMail(breachReported, 'nl', { ...data, organisationName: 'De {{reference}} Wieg' });
    expect(mail.text).toContain('bij De {{reference}} Wieg.');
  });

  it('keeps a text value on one line, because it also goes into the subject', () => {
    const mail = renderMail(breachReported, 'nl', { ...data, organisationName: 'De Wieg\r\nBcc: x@evil.example' });
    expect(mail.subject).toBe('Nieuwe datalekmelding DL-2026-0042 – De Wieg Bcc: x@evil.example');
  });

  it('removes bidi overrides and zero-width characters from a name, so the subject reads as it is', () => {
    const mail = renderMail(breachReported, 'nl', { ...data, organisationName: 'De \u202eWieg\u202c\u200b\u2066' });
    expect(mail.subject).toBe('Nieuwe datalekmelding DL-2026-0042 – De Wieg');
    expect(mail.html).not.toMatch(/[\u202a-\u202e\u200b\u2066-\u2069]/u);
  });

  it('measures a name in code points, as the API does: 200 emoji fit, 201 do not', () => {
    expect(renderMail(breachReported, 'nl', { ...data, organisationName: '🍼'.repeat(200) }).subject).toContain('🍼');
    expect(() => renderMail(breachReported, 'nl', { ...data, organisationName: '🍼'.repeat(201) })).toThrow(
      /field organisationName must be 1–200 characters/,
    );
  });
});

describe('renderMail: the data guard', () => {
  it('refuses a data key the template does not declare', () => {
    const withClient = { ...data, clientName: 'Jansen' } as TemplateData<typeof breachReported.fields>;

    expect(() => renderMail(breachReported, 'nl', withClient)).toThrow(TemplateDataError);
    expect(() => renderMail(breachReported, 'nl', withClient)).toThrow(/refuses undeclared field\(s\) clientName/);
  });

  it('refuses a missing field', () => {
    const { portalUrl: _omitted, ...rest } = data;
    expect(() => renderMail(breachReported, 'nl', rest as typeof data)).toThrow(/missing field portalUrl/);
  });

  it.each([
    ['reference', { reference: 'Jansen 12-03-1990' }],
    ['deadline', { deadline: new Date('not a date') }],
    ['deadline', { deadline: '2026-10-26T10:00:00Z' as unknown as Date }],
    ['portalUrl', { portalUrl: 'javascript:alert(1)' }],
    ['portalUrl', { portalUrl: 'https://user:pw@datalek.example.org/' }],
    ['organisationName', { organisationName: 'x'.repeat(201) }],
    ['organisationName', { organisationName: '  ' }],
  ])('refuses a bad %s', (field, override) => {
    expect(() => renderMail(breachReported, 'nl', { ...data, ...override })).toThrow(new RegExp(`field ${field} `));
  });

  it('refuses to define a template whose placeholder is not a declared field', () => {
    const content = { subject: 'Melding {{reference}}', text: '{{clientName}}', html: '' };
    expect(() =>
      defineTemplate({ name: 'sloppy', fields: { reference: 'reference' }, content: { nl: content, en: content } }),
    ).toThrow(/placeholder \{\{clientName\}\} is not a declared field/);
  });
});
