import type { ErrorCode } from '@babyconnect/contracts';

/** A message in both languages the product speaks. Dutch is the default. */
export interface Text {
  nl: string;
  en: string;
}

export interface FieldProblem {
  /** The input field, as the client named it (e.g. `contactEmail`). */
  field: string;
  message: Text;
}

/**
 * The only error type services throw on purpose. It carries a stable code and a readable message in both
 * languages; the GraphQL layer picks the language of the request and never exposes anything else.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly fields: FieldProblem[] = [],
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

export const errors = {
  unauthenticated: (reason: Text) =>
    new ApiError('UNAUTHENTICATED', {
      nl: `Niet aangemeld: ${reason.nl}. Meld u opnieuw aan.`,
      en: `Not signed in: ${reason.en}. Please sign in again.`,
    }),
  /** Not "sign in again": the realm keys could not be fetched, so no token can be checked right now. */
  signInUnavailable: () =>
    new ApiError('SERVICE_UNAVAILABLE', {
      nl: 'De aanmelddienst is tijdelijk niet bereikbaar. Probeer het over enkele minuten opnieuw.',
      en: 'The sign-in service is temporarily unreachable. Please try again in a few minutes.',
    }),
  forbidden: (text?: Text) =>
    new ApiError(
      'FORBIDDEN',
      text ?? {
        nl: 'U heeft voor deze organisatie geen recht op deze handeling.',
        en: 'You are not allowed to do this for this organisation.',
      },
    ),
  notAMember: () =>
    new ApiError('FORBIDDEN', {
      nl: 'U bent geen lid van de gekozen organisatie. Kies een organisatie waarvoor u werkt.',
      en: 'You are not a member of the chosen organisation. Choose an organisation you work for.',
    }),
  organisationRequired: () =>
    new ApiError('ORGANISATION_REQUIRED', {
      nl: 'U werkt voor meerdere organisaties: kies eerst voor welke organisatie u nu werkt.',
      en: 'You work for several organisations: first choose which organisation you are acting for.',
    }),
  notFound: (what: Text) =>
    new ApiError('NOT_FOUND', { nl: `${what.nl} is niet gevonden.`, en: `${what.en} was not found.` }),
  invalidInput: (fields: FieldProblem[]) =>
    new ApiError(
      'BAD_USER_INPUT',
      {
        nl: `De invoer is niet in orde: ${fields.map((f) => f.message.nl).join(' ')}`,
        en: `The input is not valid: ${fields.map((f) => f.message.en).join(' ')}`,
      },
      fields,
    ),
  conflict: (text: Text) => new ApiError('CONFLICT', text),
};
