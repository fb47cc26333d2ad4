// A reminder of the 72-hour AP deadline at a configured share of its time (default 50, 75, 90 and 100 %), while no
// AP notification is recorded and no decision says it is not needed.
import { defineTemplate } from './template';

export const deadlineReminder = defineTemplate({
  name: 'deadline-reminder',
  fields: {
    organisationName: 'text',
    reference: 'reference',
    /** How much of the 72 hours has elapsed at the planned moment of this reminder. */
    elapsed: 'percent',
    deadline: 'instant',
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Herinnering: {{elapsed}} van de 72 uur verstreken voor {{reference}} – {{organisationName}}',
      text: [
        'Voor datalek {{reference}} van {{organisationName}} is {{elapsed}} van de 72 uur verstreken en is nog geen melding aan de Autoriteit Persoonsgegevens vastgelegd.',
        '',
        'Uiterste termijn: {{deadline}}',
        '',
        'Beslis of het datalek gemeld moet worden (bij twijfel: melden) en leg het besluit vast in het datalekportaal:',
        '{{portalUrl}}',
        '',
        'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
      ].join('\n'),
      html: [
        '<p>Voor datalek <strong>{{reference}}</strong> van <strong>{{organisationName}}</strong> is <strong>{{elapsed}}</strong> van de 72 uur verstreken en is nog geen melding aan de Autoriteit Persoonsgegevens vastgelegd.</p>',
        '<p>Uiterste termijn: <strong>{{deadline}}</strong></p>',
        '<p>Beslis of het datalek gemeld moet worden (bij twijfel: melden) en <a href="{{portalUrl}}">leg het besluit vast in het datalekportaal</a>.</p>',
        '<p style="color: #6b7280;">Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'Reminder: {{elapsed}} of the 72 hours elapsed for {{reference}} – {{organisationName}}',
      text: [
        'For data breach {{reference}} of {{organisationName}}, {{elapsed}} of the 72 hours has elapsed and no notification to the Dutch Data Protection Authority (AP) has been recorded.',
        '',
        'Deadline: {{deadline}}',
        '',
        'Decide whether the breach must be notified (when in doubt, notify) and record the decision in the data breach portal:',
        '{{portalUrl}}',
        '',
        'This e-mail deliberately contains no details of the breach or of clients.',
      ].join('\n'),
      html: [
        '<p>For data breach <strong>{{reference}}</strong> of <strong>{{organisationName}}</strong>, <strong>{{elapsed}}</strong> of the 72 hours has elapsed and no notification to the Dutch Data Protection Authority (AP) has been recorded.</p>',
        '<p>Deadline: <strong>{{deadline}}</strong></p>',
        '<p>Decide whether the breach must be notified (when in doubt, notify) and <a href="{{portalUrl}}">record the decision in the data breach portal</a>.</p>',
        '<p style="color: #6b7280;">This e-mail deliberately contains no details of the breach or of clients.</p>',
      ].join('\n'),
    },
  },
});
