// A summary to the FG when a decision of the protocol is recorded (assessment, AP notification, data subjects,
// closure). The decision is one of the workflow's fixed outcomes, worded here (decision-labels.ts) — never the
// reasoning someone typed, which is free text and may hold client details.
import { defineTemplate } from './template';

export const decisionRecorded = defineTemplate({
  name: 'decision-recorded',
  fields: {
    organisationName: 'text',
    reference: 'reference',
    /** A fixed label from decision-labels.ts in the recipient's language, e.g. "Melden bij de AP: ja". */
    decision: 'text',
    deadline: 'instant',
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Besluit vastgelegd bij {{reference}} – {{organisationName}}',
      text: [
        'Bij datalek {{reference}} van {{organisationName}} is een besluit vastgelegd:',
        '',
        '{{decision}}',
        '',
        'Uiterste termijn melding Autoriteit Persoonsgegevens: {{deadline}}',
        '',
        'De afwegingen en uw eventuele advies vindt u in het datalekportaal:',
        '{{portalUrl}}',
        '',
        'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
      ].join('\n'),
      html: [
        '<p>Bij datalek <strong>{{reference}}</strong> van <strong>{{organisationName}}</strong> is een besluit vastgelegd:</p>',
        '<p><strong>{{decision}}</strong></p>',
        '<p>Uiterste termijn melding Autoriteit Persoonsgegevens: <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">Bekijk de afwegingen en geef advies in het datalekportaal</a></p>',
        '<p style="color: #6b7280;">Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'Decision recorded for {{reference}} – {{organisationName}}',
      text: [
        'A decision was recorded for data breach {{reference}} of {{organisationName}}:',
        '',
        '{{decision}}',
        '',
        'Deadline for notifying the Dutch Data Protection Authority (AP): {{deadline}}',
        '',
        'The considerations, and room for your advice, are in the data breach portal:',
        '{{portalUrl}}',
        '',
        'This e-mail deliberately contains no details of the breach or of clients.',
      ].join('\n'),
      html: [
        '<p>A decision was recorded for data breach <strong>{{reference}}</strong> of <strong>{{organisationName}}</strong>:</p>',
        '<p><strong>{{decision}}</strong></p>',
        '<p>Deadline for notifying the Dutch Data Protection Authority (AP): <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">Review the considerations and advise in the data breach portal</a></p>',
        '<p style="color: #6b7280;">This e-mail deliberately contains no details of the breach or of clients.</p>',
      ].join('\n'),
    },
  },
});
