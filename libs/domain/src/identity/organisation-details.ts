import type { LocalisedText } from '../text/localised-text';
import { forbiddenCharacterText } from '../text/messages';
import { checkEmailAddress } from './email-address';
import { checkName, NAME_LENGTH } from './names';
import { isOrganisationAlias } from './organisation-alias';
import { isOrganisationKind, type ContactRole, type OrganisationKind } from './organisation-kind';

/** What the directory holds about an organisation (DOMAIN.md: who to contact, no breach data). */
export interface OrganisationDetails {
  alias: string;
  name: string;
  kind: OrganisationKind;
  contactRole: ContactRole | null;
  contactName: string | null;
  contactEmail: string | null;
}

export interface ContactDetails {
  contactRole: ContactRole;
  contactName: string | null;
  contactEmail: string;
}

/** One refused input field: the field as the client named it, and why, in both languages. */
export interface InputProblem {
  field: string;
  message: LocalisedText;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

type Maybe<T> = T | null | undefined;

const ORGANISATION_NAME = { nl: 'De naam van de organisatie', en: 'The organisation name' };
const CONTACT_NAME = { nl: 'De naam van de contactpersoon', en: 'The contact name' };
const { min, max } = NAME_LENGTH;

/** Trimmed text, null when nothing is left: an empty optional field means "none". */
function text(value: Maybe<string>): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

class Problems {
  readonly list: InputProblem[] = [];
  add(field: string, message: LocalisedText): void {
    this.list.push({ field, message });
  }
  result<T>(value: T): Checked<T> {
    return this.list.length ? { ok: false, problems: this.list } : { ok: true, value };
  }
}

/** Returns the normalised name, or the input as it was when it is refused (it is not stored then). */
function checkNameField(
  p: Problems,
  field: string,
  subject: LocalisedText,
  value: string | null,
  lengthText: LocalisedText,
): string | null {
  if (value === null) return null;
  const checked = checkName(value);
  if (checked.ok) return checked.name;
  p.add(field, checked.reason === 'character' ? forbiddenCharacterText(subject, checked.found) : lengthText);
  return value;
}

function checkAlias(p: Problems, alias: string | null): void {
  if (!isOrganisationAlias(alias)) {
    p.add('alias', {
      nl: 'De sleutel (alias) bestaat uit kleine letters, cijfers en streepjes, begint met een letter of cijfer en is hoogstens 63 tekens.',
      en: 'The alias consists of lower-case letters, digits and hyphens, starts with a letter or digit and has at most 63 characters.',
    });
  }
}

function checkOrganisationName(p: Problems, name: string | null): string {
  const length = {
    nl: `${ORGANISATION_NAME.nl} is verplicht (${min} tot ${max} tekens).`,
    en: `${ORGANISATION_NAME.en} is required (${min} to ${max} characters).`,
  };
  if (name === null) {
    p.add('name', length);
    return '';
  }
  return checkNameField(p, 'name', ORGANISATION_NAME, name, length) ?? '';
}

function checkContactName(p: Problems, name: string | null): string | null {
  return checkNameField(p, 'contactName', CONTACT_NAME, name, {
    nl: `${CONTACT_NAME.nl} is ${min} tot ${max} tekens.`,
    en: `${CONTACT_NAME.en} has ${min} to ${max} characters.`,
  });
}

function checkContactEmail(p: Problems, email: string | null): string | null {
  if (email === null) return null;
  const checked = checkEmailAddress(email);
  if (checked.ok) return checked.address;
  p.add('contactEmail', checked.problem);
  return email;
}

/** A contact is a role and an address together, or neither. */
function checkContactComplete(p: Problems, role: ContactRole | null, email: string | null): void {
  if ((role === null) !== (email === null)) {
    p.add(role === null ? 'contactRole' : 'contactEmail', {
      nl: 'Geef bij een contactpersoon zowel de rol (FG of privacycontactpersoon) als het e-mailadres op.',
      en: 'For a contact, give both the role (DPO or privacy contact) and the e-mail address.',
    });
  }
}

function checkKind(p: Problems, kind: unknown): void {
  if (!isOrganisationKind(kind)) {
    p.add('kind', { nl: 'Kies het soort organisatie.', en: 'Choose the kind of organisation.' });
  }
}

export function validateNewOrganisation(input: {
  alias: string;
  name: string;
  kind: OrganisationKind;
  contactRole?: Maybe<ContactRole>;
  contactName?: Maybe<string>;
  contactEmail?: Maybe<string>;
}): Checked<OrganisationDetails> {
  const p = new Problems();
  const alias = text(input.alias);
  checkAlias(p, alias);
  const name = checkOrganisationName(p, text(input.name));
  checkKind(p, input.kind);
  const contactRole = input.contactRole ?? null;
  const contactName = checkContactName(p, text(input.contactName));
  const contactEmail = checkContactEmail(p, text(input.contactEmail));
  checkContactComplete(p, contactRole, contactEmail);
  return p.result({ alias: alias ?? '', name, kind: input.kind, contactRole, contactName, contactEmail });
}

/**
 * Validates a change against the organisation as it would be afterwards. `undefined` leaves a field as it is; `null`
 * clears an optional field (and is ignored for a required one).
 */
export function validateOrganisationChange(
  current: OrganisationDetails,
  input: { [K in keyof OrganisationDetails]?: Maybe<OrganisationDetails[K]> },
): Checked<Partial<OrganisationDetails>> {
  const p = new Problems();
  const change: Partial<OrganisationDetails> = {};
  if (input.alias !== undefined && input.alias !== null) {
    change.alias = text(input.alias) ?? '';
    checkAlias(p, change.alias);
  }
  if (input.name !== undefined && input.name !== null) change.name = checkOrganisationName(p, text(input.name));
  if (input.kind !== undefined && input.kind !== null) {
    change.kind = input.kind;
    checkKind(p, change.kind);
  }
  if (input.contactRole !== undefined) change.contactRole = input.contactRole;
  if (input.contactName !== undefined) change.contactName = checkContactName(p, text(input.contactName));
  if (input.contactEmail !== undefined) change.contactEmail = checkContactEmail(p, text(input.contactEmail));
  const after = { ...current, ...change };
  checkContactComplete(p, after.contactRole, after.contactEmail);
  if (Object.keys(change).length === 0) {
    p.add('input', { nl: 'Er is niets om te wijzigen.', en: 'There is nothing to change.' });
  }
  return p.result(change);
}

/** The contact an organisation's own privacy officer or FG sets: role and address required, name optional. */
export function validateContact(input: {
  contactRole: ContactRole;
  contactName?: Maybe<string>;
  contactEmail: string;
}): Checked<ContactDetails> {
  const p = new Problems();
  const contactName = checkContactName(p, text(input.contactName));
  const contactEmail = checkContactEmail(p, text(input.contactEmail));
  if (contactEmail === null) {
    p.add('contactEmail', {
      nl: 'Het e-mailadres van de contactpersoon is verplicht.',
      en: 'The contact e-mail address is required.',
    });
  }
  checkContactComplete(p, input.contactRole, contactEmail);
  return p.result({ contactRole: input.contactRole, contactName, contactEmail: contactEmail ?? '' });
}
