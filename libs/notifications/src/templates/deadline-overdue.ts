// Escalation to the FG once the 72 hours have passed without a recorded AP notification or a decision that none is
// needed. A late notification must state the reasons for the delay (GDPR art. 33(1)); the mail says so.
import { defineTemplate } from './template';

export const deadlineOverdue = defineTemplate({
  name: 'deadline-overdue',
  fields: {
    organisationName: 'text',
    reference: 'reference',
    deadline: 'instant',
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Termijn verstreken: {{reference}} – {{organisationName}} is niet binnen 72 uur gemeld',
      text: [
        'De termijn van 72 uur voor datalek {{reference}} van {{organisationName}} is verstreken op {{deadline}}.',
        'Er is geen melding aan de Autoriteit Persoonsgegevens vastgelegd en ook geen besluit dat melden niet nodig is.',
        '',
        'Een late melding moet de redenen voor de vertraging vermelden (AVG artikel 33 lid 1).',
        '',
        'Datalekportaal:',
        '{{portalUrl}}',
        '',
        'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
      ].join('\n'),
      html: [
        '<p>De termijn van 72 uur voor datalek <strong>{{reference}}</strong> van <strong>{{organisationName}}</strong> is verstreken op <strong>{{deadline}}</strong>.</p>',
        '<p>Er is geen melding aan de Autoriteit Persoonsgegevens vastgelegd en ook geen besluit dat melden niet nodig is.</p>',
        '<p>Een late melding moet de redenen voor de vertraging vermelden (AVG artikel 33 lid 1).</p>',
        '<p><a href="{{portalUrl}}">Naar het datalek in het datalekportaal</a></p>',
        '<p style="color: #6b7280;">Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'Deadline passed: {{reference}} – {{organisationName}} was not notified within 72 hours',
      text: [
        'The 72-hour deadline for data breach {{reference}} of {{organisationName}} passed on {{deadline}}.',
        'No notification to the Dutch Data Protection Authority (AP) has been recorded, nor a decision that none is needed.',
        '',
        'A late notification must state the reasons for the delay (GDPR article 33(1)).',
        '',
        'Data breach portal:',
        '{{portalUrl}}',
        '',
        'This e-mail deliberately contains no details of the breach or of clients.',
      ].join('\n'),
      html: [
        '<p>The 72-hour deadline for data breach <strong>{{reference}}</strong> of <strong>{{organisationName}}</strong> passed on <strong>{{deadline}}</strong>.</p>',
        '<p>No notification to the Dutch Data Protection Authority (AP) has been recorded, nor a decision that none is needed.</p>',
        '<p>A late notification must state the reasons for the delay (GDPR article 33(1)).</p>',
        '<p><a href="{{portalUrl}}">To the breach in the data breach portal</a></p>',
        '<p style="color: #6b7280;">This e-mail deliberately contains no details of the breach or of clients.</p>',
      ].join('\n'),
    },
  },
});
