// Sent at once to HINQ's coordinators and HINQ's FG when a reporter says data of other organisations may be involved
// (protocol situation C: contact HINQ at once and decide together which partners must be informed). Only the
// organisation, the reference and the two deadlines: whose data and how stays behind the portal's login.
import { defineTemplate } from './template';

export const otherOrganisationsInvolved = defineTemplate({
  name: 'other-organisations-involved',
  fields: {
    organisationName: 'text',
    reference: 'reference',
    /** 24 elapsed hours after discovery: partners whose data is involved must be informed by then. */
    partnerDeadline: 'instant',
    /** 72 elapsed hours after discovery: the reporting organisation's AP deadline. */
    deadline: 'instant',
    portalUrl: 'url',
  },
  content: {
    nl: {
      subject: 'Ketenmelding: mogelijk andere organisaties betrokken bij {{reference}} – {{organisationName}}',
      text: [
        '{{organisationName}} heeft een (mogelijk) datalek gemeld waarbij gegevens van andere organisaties in de keten betrokken kunnen zijn.',
        'Volgens het Protocol Datalekken neemt de melder direct contact op met HINQ om samen te bepalen welke partners geïnformeerd moeten worden.',
        '',
        'Referentie: {{reference}}',
        'Betrokken partners informeren uiterlijk: {{partnerDeadline}}',
        'Uiterste termijn melding Autoriteit Persoonsgegevens voor {{organisationName}}: {{deadline}}',
        '',
        'Datalekportaal:',
        '{{portalUrl}}',
        '',
        'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
      ].join('\n'),
      html: [
        '<p><strong>{{organisationName}}</strong> heeft een (mogelijk) datalek gemeld waarbij gegevens van andere organisaties in de keten betrokken kunnen zijn.</p>',
        '<p>Volgens het Protocol Datalekken neemt de melder direct contact op met HINQ om samen te bepalen welke partners geïnformeerd moeten worden.</p>',
        '<p>Referentie: <strong>{{reference}}</strong><br>',
        'Betrokken partners informeren uiterlijk: <strong>{{partnerDeadline}}</strong><br>',
        'Uiterste termijn melding Autoriteit Persoonsgegevens voor {{organisationName}}: <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">Naar het datalekportaal</a></p>',
        '<p style="color: #6b7280;">Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.</p>',
      ].join('\n'),
    },
    en: {
      subject: 'Chain report: other organisations possibly involved in {{reference}} – {{organisationName}}',
      text: [
        '{{organisationName}} reported a (possible) data breach in which data of other organisations in the chain may be involved.',
        'Under the Data Breach Protocol the reporter contacts HINQ at once to decide together which partners must be informed.',
        '',
        'Reference: {{reference}}',
        'Inform the partners involved by: {{partnerDeadline}}',
        'Deadline for notifying the Dutch Data Protection Authority (AP) for {{organisationName}}: {{deadline}}',
        '',
        'Data breach portal:',
        '{{portalUrl}}',
        '',
        'This e-mail deliberately contains no details of the breach or of clients.',
      ].join('\n'),
      html: [
        '<p><strong>{{organisationName}}</strong> reported a (possible) data breach in which data of other organisations in the chain may be involved.</p>',
        '<p>Under the Data Breach Protocol the reporter contacts HINQ at once to decide together which partners must be informed.</p>',
        '<p>Reference: <strong>{{reference}}</strong><br>',
        'Inform the partners involved by: <strong>{{partnerDeadline}}</strong><br>',
        'Deadline for notifying the Dutch Data Protection Authority (AP) for {{organisationName}}: <strong>{{deadline}}</strong></p>',
        '<p><a href="{{portalUrl}}">To the data breach portal</a></p>',
        '<p style="color: #6b7280;">This e-mail deliberately contains no details of the breach or of clients.</p>',
      ].join('\n'),
    },
  },
});
