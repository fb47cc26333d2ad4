import type { LocalisedText } from '../text/localised-text';
import type { ContactRole, OrganisationKind } from '../identity/organisation-kind';
import { isUnintelligibleToRecipients } from '../breach/checklist';
import type { BreachIncident } from '../breach/incident';
import { CATEGORY, GROUP, KIND } from '../breach/risk-words';
import { deadlineAfter, AP_NOTIFICATION_HOURS } from '../time/deadlines';
import { isLateApNotification } from '../time/notification-clock';
import type { ApFollowUp, ApWithdrawal, DataSubjectCommunication } from './records';
import {
  approximately,
  both,
  CAUSE,
  EXEMPTION,
  listOf,
  SPECIAL_CATEGORIES,
  SUBJECT_OUTCOME,
  when,
  YES_NO,
  type Lang,
} from './words';
import { likelyConsequences } from './consequences';

/**
 * The answers the AP's web form ("Meldformulier datalekken") asks for, in the form's own sections and order,
 * generated from the incident: GDPR art. 33(3) in full — (a) the nature of the breach with the categories and
 * approximate numbers of persons and records, (b) the FG's contact details, (c) the likely consequences, (d) the
 * measures taken or proposed — plus what the form asks beside it (dates, still ongoing, informing the data
 * subjects, cross-border). The AP has no API: the privacy officer copies each answer into the form.
 *
 * An answer the incident does not (yet) hold is `null`, never a guess: the portal marks it and the text export
 * says "nog niet bekend". Art. 33(4) allows the missing information to follow in a follow-up notification.
 */

export interface RegisterOrganisation {
  name: string;
  kind: OrganisationKind;
  contactRole: ContactRole | null;
  contactName: string | null;
  contactEmail: string | null;
}

export interface ApAnswer {
  key: string;
  question: LocalisedText;
  /** null: not known yet — to be supplemented (art. 33(4)). */
  answer: LocalisedText | null;
}

export interface ApAnswerSection {
  key: string;
  title: LocalisedText;
  answers: ApAnswer[];
}

export interface ApAnswersInput {
  reference: string;
  incident: BreachIncident;
  organisation: RegisterOrganisation;
  followUps: readonly ApFollowUp[];
  withdrawal: ApWithdrawal | null;
  communications: readonly DataSubjectCommunication[];
  /** The moment the answers are prepared: the notification date when it is not recorded yet. */
  now: Date;
}

export const MISSING_ANSWER: LocalisedText = {
  nl: '[nog niet bekend — aanvullen in een vervolgmelding (AVG art. 33 lid 4)]',
  en: '[not yet known — to be supplemented in a follow-up notification (GDPR art. 33(4))]',
};

const ORGANISATION_KIND: Readonly<Record<OrganisationKind, LocalisedText>> = {
  MIDWIFERY_PRACTICE: { nl: 'zorg: verloskundigenpraktijk', en: 'healthcare: midwifery practice' },
  HOSPITAL: { nl: 'zorg: ziekenhuis', en: 'healthcare: hospital' },
  MATERNITY_CARE: { nl: 'zorg: kraamzorgorganisatie', en: 'healthcare: maternity care' },
  HINQ: {
    nl: 'zorg-ICT: verwerker voor de geboortezorgketen',
    en: 'healthcare IT: processor for the birth-care chain',
  },
};

function q(key: string, nl: string, en: string, answer: LocalisedText | null): ApAnswer {
  return { key, question: both(nl, en), answer };
}

function text(value: string | null | undefined): LocalisedText | null {
  const trimmed = value?.trim();
  return trimmed ? both(trimmed, trimmed) : null;
}

export function apNotificationAnswers(input: ApAnswersInput): ApAnswerSection[] {
  const { incident, organisation, reference } = input;
  const c = incident.checklist;
  const notification = incident.apNotification;
  const notifiedAt = notification?.submittedAt ?? null;
  const late = isLateApNotification(incident.report.discoveredAt, notifiedAt ?? input.now);
  const deadline = deadlineAfter(incident.report.discoveredAt, AP_NOTIFICATION_HOURS);

  const contactKind =
    organisation.contactRole === 'DPO'
      ? both('functionaris gegevensbescherming (FG)', 'data protection officer (DPO)')
      : organisation.contactRole === 'PRIVACY_CONTACT'
        ? both('privacycontactpersoon (geen FG aangesteld)', 'privacy contact (no DPO appointed)')
        : null;
  const contact =
    organisation.contactName && organisation.contactEmail && contactKind
      ? both(
          `${organisation.contactName}, ${contactKind.nl}, ${organisation.contactEmail}`,
          `${organisation.contactName}, ${contactKind.en}, ${organisation.contactEmail}`,
        )
      : null;

  const summary =
    incident.report.whatHappened.trim() + (c.cause.description?.trim() ? `\n${c.cause.description.trim()}` : '');
  const special = c.dataCategories.filter((cat) => SPECIAL_CATEGORIES.includes(cat));
  const ordinary = c.dataCategories.filter((cat) => !SPECIAL_CATEGORIES.includes(cat));
  const unintelligible = isUnintelligibleToRecipients(c.unintelligible);

  const sections: ApAnswerSection[] = [
    {
      key: 'organisation',
      title: both('Contactgegevens', 'Contact details'),
      answers: [
        q('organisation.name', 'Naam van de organisatie', 'Name of the organisation', text(organisation.name)),
        q('organisation.sector', 'Sector', 'Sector', ORGANISATION_KIND[organisation.kind]),
        q(
          'organisation.contact',
          'Contactpersoon voor deze melding: de functionaris gegevensbescherming (naam, functie, e-mail)',
          'Contact person for this notification: the data protection officer (name, role, e-mail)',
          contact,
        ),
        q(
          'organisation.reference',
          'Eigen kenmerk van de melding',
          'Own reference of the notification',
          both(reference, reference),
        ),
      ],
    },
    {
      key: 'breach',
      title: both('Gegevens over het datalek', 'About the breach'),
      answers: [
        q('breach.summary', 'Samenvatting van het incident', 'Summary of the incident', text(summary)),
        q(
          'breach.kind',
          'Soort inbreuk (vertrouwelijkheid, integriteit, beschikbaarheid)',
          'Kind of breach (confidentiality, integrity, availability)',
          c.kinds.length ? listOf(c.kinds.map((k) => KIND[k])) : null,
        ),
        q('breach.cause', 'Oorzaak', 'Cause', c.cause.category === 'unknown' ? null : CAUSE[c.cause.category]),
        q('breach.startedAt', 'Begin van het datalek', 'Start of the breach', c.startedAt ? when(c.startedAt) : null),
        q('breach.discoveredAt', 'Ontdekt op', 'Discovered on', when(incident.report.discoveredAt)),
        q('breach.notifiedAt', 'Gemeld aan de AP op', 'Notified to the AP on', notifiedAt ? when(notifiedAt) : null),
        q(
          'breach.late',
          'Later dan 72 uur na de ontdekking gemeld? Zo ja: redenen voor de vertraging (art. 33 lid 1)',
          'Notified later than 72 hours after discovery? If so: reasons for the delay (art. 33(1))',
          lateAnswer(late, deadline, notification?.delayReasons ?? null),
        ),
        q(
          'breach.ongoing',
          'Is het datalek nog gaande?',
          'Is the breach still ongoing?',
          c.stillOngoing === 'unknown' ? null : YES_NO[c.stillOngoing],
        ),
        q(
          'breach.howDiscovered',
          'Hoe is het ontdekt?',
          'How was it discovered?',
          text(c.howDiscovered ?? incident.report.howDiscovered),
        ),
      ],
    },
    {
      key: 'personal-data',
      title: both('Betrokken persoonsgegevens', 'The personal data involved'),
      answers: [
        q(
          'data.categories',
          'Soorten persoonsgegevens',
          'Categories of personal data',
          ordinary.length
            ? listOf(ordinary.map((x) => CATEGORY[x]))
            : c.dataCategories.length
              ? both('geen andere dan de bijzondere hieronder', 'none besides the special categories below')
              : null,
        ),
        q(
          'data.special',
          'Bijzondere persoonsgegevens of BSN',
          'Special categories of personal data or BSN',
          c.dataCategories.length === 0 ? null : special.length ? listOf(special.map((x) => CATEGORY[x])) : YES_NO.no,
        ),
        q(
          'data.persons',
          'Aantal betrokken personen (bij benadering)',
          'Number of persons affected (approximately)',
          approximately(c.persons),
        ),
        q(
          'data.records',
          'Aantal betrokken gegevensrecords (bij benadering)',
          'Number of records affected (approximately)',
          approximately(c.records),
        ),
        q(
          'data.groups',
          'Groepen betrokkenen',
          'Groups of data subjects',
          c.groups.length ? listOf(c.groups.map((g) => GROUP[g])) : null,
        ),
        q(
          'data.unintelligible',
          'Waren de gegevens versleuteld of anders onbegrijpelijk voor onbevoegden?',
          'Was the data encrypted or otherwise unintelligible to unauthorised persons?',
          unintelligible === 'unknown' ? null : YES_NO[unintelligible],
        ),
      ],
    },
    {
      key: 'consequences',
      title: both('Gevolgen', 'Consequences'),
      answers: [
        q(
          'consequences.likely',
          'Waarschijnlijke gevolgen voor de betrokkenen',
          'Likely consequences for the data subjects',
          incident.closure?.consequences ? text(incident.closure.consequences) : likelyConsequences(incident),
        ),
      ],
    },
    {
      key: 'measures',
      title: both('Maatregelen', 'Measures'),
      answers: [
        q(
          'measures.taken',
          'Genomen maatregelen om het datalek te stoppen en de gevolgen te beperken',
          'Measures taken to stop the breach and limit its consequences',
          lines(incident.containment.measures.filter((m) => m.status === 'done').map((m) => m.description)),
        ),
        q(
          'measures.planned',
          'Voorgenomen maatregelen',
          'Measures proposed',
          lines([
            ...incident.containment.measures
              .filter((m) => m.status === 'planned' || m.status === 'in-progress')
              .map((m) => m.description),
            ...incident.improvementActions
              .filter((a) => a.status !== 'dropped' && a.status !== 'done')
              .map((a) => a.description),
          ]),
        ),
      ],
    },
    {
      key: 'data-subjects',
      title: both('Informeren van betrokkenen', 'Informing the data subjects'),
      answers: [
        q(
          'subjects.decision',
          'Worden of zijn de betrokkenen geïnformeerd?',
          'Will the data subjects be, or have they been, informed?',
          subjectsAnswer(incident, input.communications),
        ),
      ],
    },
    {
      key: 'cross-border',
      title: both('Grensoverschrijdend', 'Cross-border'),
      answers: [
        q(
          'crossBorder.answer',
          'Gaat het om betrokkenen in andere EU-landen (grensoverschrijdende verwerking)?',
          'Does it concern data subjects in other EU countries (cross-border processing)?',
          // The chain is a Dutch regional birth-care network: its organisations process only in the Netherlands.
          both(
            'Nee. De organisatie is alleen in Nederland gevestigd en verwerkt de gegevens alleen in Nederland.',
            'No. The organisation is established only in the Netherlands and processes the data only there.',
          ),
        ),
        q(
          'crossBorder.chain',
          'Zijn gegevens van andere organisaties betrokken (bijvoorbeeld via de Babyconnect-viewer)?',
          'Is data of other organisations involved (for example through the Babyconnect viewer)?',
          incident.report.otherOrganisationsInvolved === 'unknown'
            ? null
            : YES_NO[incident.report.otherOrganisationsInvolved],
        ),
      ],
    },
  ];
  const followUp = followUpSection(input.followUps, input.withdrawal, notification?.apReference ?? null);
  if (followUp) sections.push(followUp);
  return sections;
}

function lateAnswer(late: boolean, deadline: Date, delayReasons: string | null): LocalisedText | null {
  if (!late) {
    const d = when(deadline);
    return both(`Nee (binnen 72 uur; termijn ${d.nl})`, `No (within 72 hours; deadline ${d.en})`);
  }
  if (!delayReasons) return null;
  return both(`Ja. Redenen: ${delayReasons}`, `Yes. Reasons: ${delayReasons}`);
}

function lines(items: readonly string[]): LocalisedText | null {
  if (items.length === 0) return null;
  const text = items.map((item) => `- ${item}`).join('\n');
  return both(text, text);
}

function subjectsAnswer(
  incident: BreachIncident,
  communications: readonly DataSubjectCommunication[],
): LocalisedText | null {
  const decision = incident.dataSubjectDecision;
  if (!decision) return null;
  const parts: LocalisedText[] = [SUBJECT_OUTCOME[decision.outcome]];
  if (decision.exemption) parts.push(EXEMPTION[decision.exemption]);
  parts.push(both(`Overweging: ${decision.reasoning}`, `Consideration: ${decision.reasoning}`));
  const sent = communications[0]?.sentAt ?? incident.dataSubjectsInformedAt;
  if (sent) {
    const d = when(sent);
    parts.push(both(`Geïnformeerd op ${d.nl}.`, `Informed on ${d.en}.`));
  }
  return {
    nl: parts
      .map((p) => p.nl)
      .join('. ')
      .replace(/\.\./g, '.'),
    en: parts
      .map((p) => p.en)
      .join('. ')
      .replace(/\.\./g, '.'),
  };
}

function followUpSection(
  followUps: readonly ApFollowUp[],
  withdrawal: ApWithdrawal | null,
  apReference: string | null,
): ApAnswerSection | null {
  if (followUps.length === 0 && !withdrawal) return null;
  const answers: ApAnswer[] = [];
  if (apReference)
    answers.push(
      q('followUp.apReference', 'Meldnummer van de AP', 'The AP’s reference number', both(apReference, apReference)),
    );
  followUps.forEach((f, i) => {
    const d = when(f.submittedAt);
    answers.push(
      q(
        `followUp.${i + 1}`,
        `Vervolgmelding ${i + 1} (art. 33 lid 4)`,
        `Follow-up notification ${i + 1} (art. 33(4))`,
        both(`${d.nl}: ${f.summary}`, `${d.en}: ${f.summary}`),
      ),
    );
  });
  if (withdrawal) {
    const d = when(withdrawal.withdrawnAt);
    answers.push(
      q(
        'followUp.withdrawal',
        'Intrekking van de melding',
        'Withdrawal of the notification',
        both(`Ingetrokken op ${d.nl}: ${withdrawal.reason}`, `Withdrawn on ${d.en}: ${withdrawal.reason}`),
      ),
    );
  }
  return { key: 'follow-up', title: both('Vervolgmelding en intrekking', 'Follow-up and withdrawal'), answers };
}

/** The whole as plain text, in the form's order: for copying at once and for the PDF. */
export function apAnswersText(sections: readonly ApAnswerSection[], lang: Lang): string {
  return sections
    .map((s) =>
      [
        `## ${s.title[lang]}`,
        ...s.answers.map((a) => `${a.question[lang]}\n${(a.answer ?? MISSING_ANSWER)[lang]}`),
      ].join('\n\n'),
    )
    .join('\n\n');
}

/** The keys of the answers that are still missing. */
export function missingApAnswers(sections: readonly ApAnswerSection[]): string[] {
  return sections.flatMap((s) => s.answers.filter((a) => a.answer === null).map((a) => a.key));
}
