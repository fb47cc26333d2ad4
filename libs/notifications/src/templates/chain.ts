// The chain's mails (issue 17): HINQ told of a chain incident, a partner informed, a partner without a reachable
// contact, the 24-hour clock's reminder and overdue, and the acknowledgement's reminder and escalation. Like every
// mail here: organisation names, the reference, deadlines and a link — never what happened or whom it concerns.
import type { Locale } from './locale';
import { defineTemplate, type TemplateContent } from './template';

const FOOTER = {
  nl: 'Deze e-mail bevat bewust geen gegevens over het datalek of over cliënten.',
  en: 'This e-mail deliberately contains no details of the breach or of clients.',
} as const;
const LINK = { nl: 'Naar het datalekportaal', en: 'To the data breach portal' } as const;

/** Text and HTML from the same lines, so the two never say different things. */
function body(locale: Locale, subject: string, lines: readonly string[]): TemplateContent {
  return {
    subject,
    text: [...lines, '', `${LINK[locale]}:`, '{{portalUrl}}', '', FOOTER[locale]].join('\n'),
    html: [
      ...lines.filter((line) => line !== '').map((line) => `<p>${line}</p>`),
      `<p><a href="{{portalUrl}}">${LINK[locale]}</a></p>`,
      `<p style="color: #6b7280;">${FOOTER[locale]}</p>`,
    ].join('\n'),
  };
}

export const chainIncidentDeclared = defineTemplate({
  name: 'chain-incident-declared',
  fields: { organisationName: 'text', reference: 'reference', partnerDeadline: 'instant', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Ketenincident {{reference}} – {{organisationName}}: bepaal welke partners geïnformeerd worden', [
      '{{organisationName}} heeft datalek {{reference}} tot ketenincident verklaard: gegevens van andere organisaties in de keten kunnen betrokken zijn.',
      'Bepaal samen met de melder welke partners geïnformeerd moeten worden. Elke partner moet uiterlijk {{partnerDeadline}} geïnformeerd zijn (24 uur na ontdekking).',
    ]),
    en: body('en', 'Chain incident {{reference}} – {{organisationName}}: decide which partners to inform', [
      '{{organisationName}} declared breach {{reference}} a chain incident: data of other organisations in the chain may be involved.',
      'Decide with the reporter which partners must be informed. Each partner must be informed by {{partnerDeadline}} (24 hours after discovery).',
    ]),
  },
});

export const partnerInformed = defineTemplate({
  name: 'partner-informed',
  fields: { organisationName: 'text', reference: 'reference', deadline: 'instant', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Ketenmelding van {{organisationName}} ({{reference}}): bevestig de ontvangst', [
      '{{organisationName}} informeert uw organisatie, volgens de regionale samenwerkingsovereenkomst, over een datalek ({{reference}}) waarbij gegevens van uw organisatie betrokken kunnen zijn.',
      'Lees de melding in het portaal en bevestig daar de ontvangst. In uw eigen organisatie staat een gekoppeld datalek klaar: uw organisatie beslist zelf over een melding aan de Autoriteit Persoonsgegevens.',
      'Uw eigen termijn van 72 uur loopt vanaf uw bevestiging van ontvangst; zolang u niet bevestigt, vanaf het verzenden van deze melding (nu uiterlijk {{deadline}}).',
    ]),
    en: body('en', 'Chain notification from {{organisationName}} ({{reference}}): acknowledge receipt', [
      '{{organisationName}} informs your organisation, under the regional agreement, of a data breach ({{reference}}) that may involve data of your organisation.',
      'Read the notification in the portal and acknowledge receipt there. A linked breach is waiting in your own organisation: your organisation decides itself on notifying the Dutch Data Protection Authority (AP).',
      'Your own 72 hours run from your acknowledgement; until you acknowledge, from the sending of this notification (now by {{deadline}}).',
    ]),
  },
});

export const partnerUnreachable = defineTemplate({
  name: 'partner-unreachable',
  fields: {
    organisationName: 'text',
    partnerName: 'text',
    reference: 'reference',
    partnerDeadline: 'instant',
    portalUrl: 'url',
  },
  content: {
    nl: body('nl', 'Ketenincident {{reference}}: {{partnerName}} is niet bereikbaar', [
      '{{partnerName}} is gekozen om geïnformeerd te worden over ketenincident {{reference}} van {{organisationName}}, maar heeft geen bereikbare FG of privacycontactpersoon.',
      'De termijn loopt door: de partner moet uiterlijk {{partnerDeadline}} geïnformeerd zijn. Leg de contactpersoon vast of neem buiten het portaal contact op.',
    ]),
    en: body('en', 'Chain incident {{reference}}: {{partnerName}} cannot be reached', [
      '{{partnerName}} was chosen to be informed of chain incident {{reference}} of {{organisationName}}, but has no reachable DPO or privacy contact.',
      'The deadline keeps running: the partner must be informed by {{partnerDeadline}}. Record the contact, or get in touch outside the portal.',
    ]),
  },
});

export const partnerInformReminder = defineTemplate({
  name: 'partner-inform-reminder',
  fields: { organisationName: 'text', reference: 'reference', partnerDeadline: 'instant', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Herinnering: partners van ketenincident {{reference}} nog niet allemaal geïnformeerd', [
      'Bij ketenincident {{reference}} van {{organisationName}} zijn nog niet alle betrokken partners geïnformeerd (of er is nog geen partner gekozen).',
      'De 24 uur na ontdekking lopen af op {{partnerDeadline}}.',
    ]),
    en: body('en', 'Reminder: not every partner of chain incident {{reference}} has been informed', [
      'In chain incident {{reference}} of {{organisationName}} not every partner involved has been informed yet (or no partner has been chosen).',
      'The 24 hours after discovery end at {{partnerDeadline}}.',
    ]),
  },
});

export const partnerInformOverdue = defineTemplate({
  name: 'partner-inform-overdue',
  fields: { organisationName: 'text', reference: 'reference', partnerDeadline: 'instant', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Termijn verstreken: partners van ketenincident {{reference}} niet binnen 24 uur geïnformeerd', [
      'De 24 uur voor het informeren van de partners bij ketenincident {{reference}} van {{organisationName}} zijn verstreken op {{partnerDeadline}}.',
      'Informeer de overige partners zo snel mogelijk; bij het verzenden worden de redenen voor de vertraging gevraagd.',
    ]),
    en: body('en', 'Deadline passed: partners of chain incident {{reference}} not informed within 24 hours', [
      'The 24 hours to inform the partners in chain incident {{reference}} of {{organisationName}} ended at {{partnerDeadline}}.',
      'Inform the remaining partners as soon as possible; sending will ask for the reasons for the delay.',
    ]),
  },
});

export const partnerAckReminder = defineTemplate({
  name: 'partner-ack-reminder',
  fields: { organisationName: 'text', reference: 'reference', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Herinnering: bevestig de ontvangst van ketenmelding {{reference}} van {{organisationName}}', [
      'Uw organisatie is geïnformeerd over ketenincident {{reference}} van {{organisationName}}, maar de ontvangst is nog niet bevestigd.',
      'Bevestig de ontvangst in het portaal; zonder bevestiging loopt uw eigen termijn van 72 uur vanaf het verzenden.',
    ]),
    en: body('en', 'Reminder: acknowledge chain notification {{reference}} from {{organisationName}}', [
      'Your organisation was informed of chain incident {{reference}} of {{organisationName}}, but receipt has not been acknowledged.',
      'Acknowledge receipt in the portal; without it your own 72 hours run from the sending.',
    ]),
  },
});

export const partnerAckEscalation = defineTemplate({
  name: 'partner-ack-escalation',
  fields: { organisationName: 'text', partnerName: 'text', reference: 'reference', portalUrl: 'url' },
  content: {
    nl: body('nl', 'Escalatie: {{partnerName}} bevestigt ketenmelding {{reference}} niet', [
      '{{partnerName}} is geïnformeerd over ketenincident {{reference}} van {{organisationName}}, maar heeft de ontvangst na herinnering nog niet bevestigd.',
      'Neem contact op met de FG van {{partnerName}}. Haar eigen termijn van 72 uur loopt vanaf het verzenden.',
    ]),
    en: body('en', 'Escalation: {{partnerName}} does not acknowledge chain notification {{reference}}', [
      '{{partnerName}} was informed of chain incident {{reference}} of {{organisationName}}, but has not acknowledged receipt after a reminder.',
      "Contact {{partnerName}}'s DPO. Its own 72 hours run from the sending.",
    ]),
  },
});
