// Sent to the privacy officer and FG when someone reports a (suspected) breach. It says only that there is a
// report, its reference, the deadline and where to read it: everything else stays behind the portal's login.
import { defineTemplate } from './template';

export const breachReported = defineTemplate({
  name: 'breach-reported',
  fields: {
    organisationName: 'text',
    reference: 'reference',
    /** The AP deadline: 72 elapsed hours after discovery, computed by the caller. */
    deadline: 'instant',
    /** Deep link to the report in the portal. */
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Nieuwe datalekmelding {{reference}} – {{organisationName}}',
      text: [
        'Er is een nieuwe melding van een (mogelijk) datalek gedaan bij {{organisationName}}.',
        '',
        'Referentie: {{reference}}',
        'Uiterste termijn voor een eventuele melding aan de Autoriteit Persoonsgegevens: {{deadline}}',
        '',
        'Lees en beoordeel de melding in het datalekportaal:',
        '{{portalUrl}}',
        '',
        'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
      ].join('\n'),
      html: [
        '<p>Er is een nieuwe melding van een (mogelijk) datalek gedaan bij <strong>{{organisationName}}</strong>.</p>',
        '<p>Referentie: <strong>{{reference}}</strong><br>',
        'Uiterste termijn voor een eventuele melding aan de Autoriteit Persoonsgegevens: <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">Lees en beoordeel de melding in het datalekportaal</a></p>',
        '<p style="color: #6b7280;">Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'New data breach report {{reference}} – {{organisationName}}',
      text: [
        'A new report of a (possible) data breach was made at {{organisationName}}.',
        '',
        'Reference: {{reference}}',
        'Deadline for a possible notification to the Dutch Data Protection Authority (AP): {{deadline}}',
        '',
        'Read and assess the report in the data breach portal:',
        '{{portalUrl}}',
        '',
        'This e-mail deliberately contains no details of the breach or of clients.',
      ].join('\n'),
      html: [
        '<p>A new report of a (possible) data breach was made at <strong>{{organisationName}}</strong>.</p>',
        '<p>Reference: <strong>{{reference}}</strong><br>',
        'Deadline for a possible notification to the Dutch Data Protection Authority (AP): <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">Read and assess the report in the data breach portal</a></p>',
        '<p style="color: #6b7280;">This e-mail deliberately contains no details of the breach or of clients.</p>',
      ].join('\n'),
    },
  },
});
