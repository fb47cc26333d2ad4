import type { LocalisedText } from '../text/localised-text';
import { findIdentities, IDENTITY_KINDS, type IdentityKind } from './privacy-guard-detectors';

/**
 * The privacy guard (issue 14 item 7): before free text is saved, the API (and the portal, inline) checks it for
 * what looks like a client identity and answers with warnings; saving then needs an explicit confirmation. A
 * warning names the field and the kind of data and where it is, and **never repeats the value**: the warning
 * itself is shown, logged and sent back over the network, and must not become the leak it warns about.
 *
 * What is looked for and why is described in `privacy-guard-detectors.ts`.
 */

/** Changes when the detectors change, so a stored confirmation can say which guard the user confirmed against. */
export const PRIVACY_GUARD_VERSION = '2026-11-1';

/** One free-text field to check. `label` is how a person knows the field; by default its name is used. */
export interface FreeTextField {
  /** The field's path as the API names it, e.g. `input.cause.description`. */
  field: string;
  label?: LocalisedText;
  text: string | null | undefined;
}

export interface PrivacyWarning {
  field: string;
  kind: IdentityKind;
  /** How many were found of this kind in this field. */
  count: number;
  /** Where each starts: 1-based positions in characters (code points), for a person and for highlighting. */
  positions: number[];
  message: LocalisedText;
}

const KIND_TEXT: Readonly<Record<IdentityKind, LocalisedText>> = {
  bsn: { nl: 'een burgerservicenummer (BSN)', en: 'a citizen service number (BSN)' },
  'email-address': { nl: 'een e-mailadres', en: 'an e-mail address' },
  'phone-number': { nl: 'een telefoonnummer', en: 'a phone number' },
  iban: { nl: 'een bankrekeningnummer (IBAN)', en: 'a bank account number (IBAN)' },
  'date-of-birth': { nl: 'een geboortedatum', en: 'a date of birth' },
  date: { nl: 'een volledige datum, mogelijk een geboortedatum', en: 'a full date, possibly a date of birth' },
};

const KIND_TEXT_PLURAL: Readonly<Record<IdentityKind, LocalisedText>> = {
  bsn: { nl: 'burgerservicenummers (BSN)', en: 'citizen service numbers (BSN)' },
  'email-address': { nl: 'e-mailadressen', en: 'e-mail addresses' },
  'phone-number': { nl: 'telefoonnummers', en: 'phone numbers' },
  iban: { nl: 'bankrekeningnummers (IBAN)', en: 'bank account numbers (IBAN)' },
  'date-of-birth': { nl: 'geboortedatums', en: 'dates of birth' },
  date: { nl: 'volledige datums, mogelijk geboortedatums', en: 'full dates, possibly dates of birth' },
};

/** The kind in words, for a list or a heading in the portal. */
export function identityKindText(kind: IdentityKind): LocalisedText {
  return KIND_TEXT[kind];
}

/** Warnings for a set of free-text fields: one per field and kind, fields in the given order, kinds in a fixed order. */
export function privacyWarnings(fields: readonly FreeTextField[]): PrivacyWarning[] {
  const warnings: PrivacyWarning[] = [];
  for (const { field, label, text } of fields) {
    if (!text) continue;
    const findings = findIdentities(text);
    for (const kind of IDENTITY_KINDS) {
      const positions = findings.filter((f) => f.kind === kind).map((f) => f.start + 1);
      if (positions.length === 0) continue;
      const subject = label ?? { nl: `Het veld "${field}"`, en: `The field "${field}"` };
      warnings.push({
        field,
        kind,
        count: positions.length,
        positions,
        message: warningText(subject, kind, positions),
      });
    }
  }
  return warnings;
}

/** Whether any field has a warning: the API's shortcut before it asks for a confirmation. */
export function hasPrivacyWarnings(fields: readonly FreeTextField[]): boolean {
  return privacyWarnings(fields).length > 0;
}

function warningText(subject: LocalisedText, kind: IdentityKind, positions: readonly number[]): LocalisedText {
  const many = positions.length > 1;
  const what = many ? KIND_TEXT_PLURAL[kind] : KIND_TEXT[kind];
  const where = {
    nl: `${many ? 'op de posities' : 'op positie'} ${list(positions, 'en')}`,
    en: `${many ? 'at positions' : 'at position'} ${list(positions, 'and')}`,
  };
  // A full date is most likely the incident's own date: say where that belongs instead of only "remove it".
  const dateHint =
    kind === 'date'
      ? {
          nl: ' Gaat het om een datum van het incident, vul die dan in bij de datumvelden van het formulier.',
          en: " If it is a date of the incident, enter it in the form's date fields instead.",
        }
      : { nl: '', en: '' };
  return {
    nl:
      `${subject.nl} lijkt ${what.nl} te bevatten (${where.nl}). Deze toepassing bewaart geen gegevens waarmee een ` +
      `cliënt te herkennen is: haal ${many ? 'ze' : 'het'} weg, of bevestig dat het geen gegevens van een cliënt ` +
      `zijn.${dateHint.nl}`,
    en:
      `${subject.en} seems to contain ${what.en} (${where.en}). This application stores no data by which a client ` +
      `can be recognised: remove ${many ? 'them' : 'it'}, or confirm that ${many ? 'they are' : 'it is'} not a ` +
      `client's data.${dateHint.en}`,
  };
}

function list(positions: readonly number[], and: string): string {
  if (positions.length === 1) return String(positions[0]);
  return `${positions.slice(0, -1).join(', ')} ${and} ${positions[positions.length - 1]}`;
}
