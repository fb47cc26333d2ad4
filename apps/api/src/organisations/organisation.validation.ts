import { isOrganisationKind, type ContactRole, type OrganisationKind } from '@babyconnect/domain';
import { errors, type FieldProblem } from '../errors/api-error';
import type { ContactData, OrganisationData } from './organisations.repository';

const ALIAS = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, nl: string, en: string): void {
    this.list.push({ field, message: { nl, en } });
  }
  throwIfAny(): void {
    if (this.list.length) throw errors.invalidInput(this.list);
  }
}

function checkAlias(p: Problems, alias: string | null): void {
  if (!alias || !ALIAS.test(alias)) {
    p.add(
      'alias',
      'De sleutel (alias) bestaat uit kleine letters, cijfers en streepjes, begint met een letter of cijfer en is hoogstens 63 tekens.',
      'The alias consists of lower-case letters, digits and hyphens, starts with a letter or digit and has at most 63 characters.',
    );
  }
}

function checkName(p: Problems, name: string | null): void {
  if (!name || name.length < 2 || name.length > 200) {
    p.add(
      'name',
      'De naam van de organisatie is verplicht (2 tot 200 tekens).',
      'The organisation name is required (2 to 200 characters).',
    );
  }
}

function checkContact(p: Problems, role: ContactRole | null, name: string | null, email: string | null): void {
  if (email && !EMAIL.test(email)) {
    p.add('contactEmail', `"${email}" is geen geldig e-mailadres.`, `"${email}" is not a valid e-mail address.`);
  }
  if ((role === null) !== (email === null)) {
    p.add(
      role === null ? 'contactRole' : 'contactEmail',
      'Geef bij een contactpersoon zowel de rol (FG of privacycontactpersoon) als het e-mailadres op.',
      'For a contact, give both the role (DPO or privacy contact) and the e-mail address.',
    );
  }
  if (name !== null && (name.length < 2 || name.length > 200)) {
    p.add(
      'contactName',
      'De naam van de contactpersoon is 2 tot 200 tekens.',
      'The contact name has 2 to 200 characters.',
    );
  }
}

function checkKind(p: Problems, kind: unknown): kind is OrganisationKind {
  if (!isOrganisationKind(kind)) {
    p.add('kind', 'Kies het soort organisatie.', 'Choose the kind of organisation.');
    return false;
  }
  return true;
}

export function validateNewOrganisation(input: {
  alias: string;
  name: string;
  kind: OrganisationKind;
  contactRole?: ContactRole | null;
  contactName?: string | null;
  contactEmail?: string | null;
}): OrganisationData {
  const p = new Problems();
  const data: OrganisationData = {
    alias: text(input.alias) ?? '',
    name: text(input.name) ?? '',
    kind: input.kind,
    contactRole: input.contactRole ?? null,
    contactName: text(input.contactName),
    contactEmail: text(input.contactEmail)?.toLowerCase() ?? null,
  };
  checkAlias(p, data.alias);
  checkName(p, data.name);
  checkKind(p, data.kind);
  checkContact(p, data.contactRole, data.contactName, data.contactEmail);
  p.throwIfAny();
  return data;
}

/** Validates a change against the organisation as it would be afterwards. */
export function validateOrganisationChange(
  current: OrganisationData,
  input: { [K in keyof OrganisationData]?: OrganisationData[K] | null | undefined },
): Partial<OrganisationData> {
  const change: Partial<OrganisationData> = {};
  if (input.alias !== undefined && input.alias !== null) change.alias = text(input.alias) ?? '';
  if (input.name !== undefined && input.name !== null) change.name = text(input.name) ?? '';
  if (input.kind !== undefined && input.kind !== null) change.kind = input.kind;
  if (input.contactRole !== undefined) change.contactRole = input.contactRole;
  if (input.contactName !== undefined) change.contactName = text(input.contactName);
  if (input.contactEmail !== undefined) change.contactEmail = text(input.contactEmail)?.toLowerCase() ?? null;
  const after = { ...current, ...change };
  const p = new Problems();
  if (change.alias !== undefined) checkAlias(p, after.alias);
  if (change.name !== undefined) checkName(p, after.name);
  if (change.kind !== undefined) checkKind(p, after.kind);
  checkContact(p, after.contactRole, after.contactName, after.contactEmail);
  if (Object.keys(change).length === 0) p.add('input', 'Er is niets om te wijzigen.', 'There is nothing to change.');
  p.throwIfAny();
  return change;
}

export function validateContact(input: {
  contactRole: ContactRole;
  contactName?: string | null;
  contactEmail: string;
}): ContactData {
  const p = new Problems();
  const data = {
    contactRole: input.contactRole,
    contactName: text(input.contactName),
    contactEmail: text(input.contactEmail)?.toLowerCase() ?? null,
  };
  if (!data.contactEmail)
    p.add(
      'contactEmail',
      'Het e-mailadres van de contactpersoon is verplicht.',
      'The contact e-mail address is required.',
    );
  checkContact(p, data.contactRole, data.contactName, data.contactEmail);
  p.throwIfAny();
  return { contactRole: data.contactRole, contactName: data.contactName, contactEmail: data.contactEmail! };
}
