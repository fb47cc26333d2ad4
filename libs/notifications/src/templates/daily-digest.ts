// The FG's optional daily digest (issue 16 item 4): the organisation's open breaches by reference and AP deadline,
// soonest first — no content of any breach. Opt-in per person in the portal ("Mijn berichten").
import { defineTemplate } from './template';

export const dailyDigest = defineTemplate({
  name: 'daily-digest',
  fields: {
    organisationName: 'text',
    count: 'count',
    incidents: 'deadlines',
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Dagoverzicht datalekken – {{organisationName}}: {{count}} open',
      text: [
        'Open datalekken van {{organisationName}} vandaag: {{count}}.',
        '',
        '{{incidents}}',
        '',
        'Datalekportaal:',
        '{{portalUrl}}',
        '',
        'U ontvangt dit overzicht omdat u het dagoverzicht hebt aangezet onder "Mijn berichten" in het portaal.',
        'Deze e-mail bevat bewust geen gegevens over de datalekken of over cliënten.',
      ].join('\n'),
      html: [
        '<p>Open datalekken van <strong>{{organisationName}}</strong> vandaag: <strong>{{count}}</strong>.</p>',
        '<p style="white-space: pre-line;">{{incidents}}</p>',
        '<p><a href="{{portalUrl}}">Naar de datalekken in het datalekportaal</a></p>',
        '<p style="color: #6b7280;">U ontvangt dit overzicht omdat u het dagoverzicht hebt aangezet onder "Mijn berichten" in het portaal. Deze e-mail bevat bewust geen gegevens over de datalekken of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'Daily data breach digest – {{organisationName}}: {{count}} open',
      text: [
        'Open data breaches of {{organisationName}} today: {{count}}.',
        '',
        '{{incidents}}',
        '',
        'Data breach portal:',
        '{{portalUrl}}',
        '',
        'You receive this digest because you turned it on under "My messages" in the portal.',
        'This e-mail deliberately contains no details of the breaches or of clients.',
      ].join('\n'),
      html: [
        '<p>Open data breaches of <strong>{{organisationName}}</strong> today: <strong>{{count}}</strong>.</p>',
        '<p style="white-space: pre-line;">{{incidents}}</p>',
        '<p><a href="{{portalUrl}}">To the breaches in the data breach portal</a></p>',
        '<p style="color: #6b7280;">You receive this digest because you turned it on under "My messages" in the portal. This e-mail deliberately contains no details of the breaches or of clients.</p>',
      ].join('\n'),
    },
  },
});
