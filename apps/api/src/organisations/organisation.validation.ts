// The organisation rules live in the domain (libs/domain/src/identity/organisation-details.ts), shared with the
// mailer; this adapter only turns a refusal into the API's input error.
import {
  validateContact as checkContact,
  validateNewOrganisation as checkNewOrganisation,
  validateOrganisationChange as checkOrganisationChange,
  type Checked,
} from '@babyconnect/domain';
import { errors } from '../errors/api-error';
import type { ContactData, OrganisationData } from './organisations.repository';

function orThrow<T>(checked: Checked<T>): T {
  if (!checked.ok) throw errors.invalidInput(checked.problems);
  return checked.value;
}

export function validateNewOrganisation(input: Parameters<typeof checkNewOrganisation>[0]): OrganisationData {
  return orThrow(checkNewOrganisation(input));
}

/** Validates a change against the organisation as it would be afterwards. */
export function validateOrganisationChange(
  current: OrganisationData,
  input: Parameters<typeof checkOrganisationChange>[1],
): Partial<OrganisationData> {
  return orThrow(checkOrganisationChange(current, input));
}

export function validateContact(input: Parameters<typeof checkContact>[0]): ContactData {
  return orThrow(checkContact(input));
}
