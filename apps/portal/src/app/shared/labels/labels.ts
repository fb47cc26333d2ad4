import type { ErrorCode } from '@babyconnect/contracts';
import type { OrganisationKind, Role } from '../api/api.types';
import type { Lang } from '../i18n/translation.service';

const ROLE_LABELS: Readonly<Record<Lang, Readonly<Record<Role, string>>>> = {
  nl: {
    employee: 'medewerker',
    'privacy-officer': 'privacyfunctionaris',
    dpo: 'functionaris gegevensbescherming (FG)',
    auditor: 'auditor',
    'hinq-coordinator': 'HINQ-coördinator',
  },
  en: {
    employee: 'employee',
    'privacy-officer': 'privacy officer',
    dpo: 'data protection officer (DPO)',
    auditor: 'auditor',
    'hinq-coordinator': 'HINQ coordinator',
  },
};

const KIND_LABELS: Readonly<Record<Lang, Readonly<Record<OrganisationKind, string>>>> = {
  nl: {
    MIDWIFERY_PRACTICE: 'verloskundigenpraktijk',
    HOSPITAL: 'ziekenhuis',
    MATERNITY_CARE: 'kraamzorgorganisatie',
    HINQ: 'HINQ',
  },
  en: {
    MIDWIFERY_PRACTICE: 'midwifery practice',
    HOSPITAL: 'hospital',
    MATERNITY_CARE: 'maternity care organisation',
    HINQ: 'HINQ',
  },
};

/** Outcomes of a request in the access log. */
const RESULT_LABELS: Readonly<Record<Lang, Readonly<Record<'allowed' | 'refused' | 'failed', string>>>> = {
  nl: { allowed: 'toegestaan', refused: 'geweigerd', failed: 'mislukt' },
  en: { allowed: 'allowed', refused: 'refused', failed: 'failed' },
};

/** Short words for the API's error codes (libs/contracts), as the access log gives them as the reason. */
const REASON_LABELS: Readonly<Record<Lang, Readonly<Record<ErrorCode, string>>>> = {
  nl: {
    UNAUTHENTICATED: 'niet ingelogd',
    FORBIDDEN: 'geen recht',
    ORGANISATION_REQUIRED: 'geen organisatie gekozen',
    NOT_FOUND: 'niet gevonden',
    BAD_USER_INPUT: 'ongeldige invoer',
    CONFLICT: 'conflict met bestaande gegevens',
    PRIVACY_CONFIRMATION_REQUIRED: 'mogelijk cliëntgegevens in de tekst; bevestiging nodig',
    SERVICE_UNAVAILABLE: 'tijdelijk niet beschikbaar',
    TOO_MANY_REQUESTS: 'te veel verzoeken',
    QUERY_TOO_COMPLEX: 'vraag te groot of te diep',
    GRAPHQL_PARSE_FAILED: 'onleesbare vraag',
    GRAPHQL_VALIDATION_FAILED: 'vraag past niet bij het schema',
    PAYLOAD_TOO_LARGE: 'verzoek te groot',
    BAD_REQUEST: 'onleesbaar verzoek',
    INTERNAL_SERVER_ERROR: 'interne fout',
  },
  en: {
    UNAUTHENTICATED: 'not logged in',
    FORBIDDEN: 'not permitted',
    ORGANISATION_REQUIRED: 'no organisation chosen',
    NOT_FOUND: 'not found',
    BAD_USER_INPUT: 'invalid input',
    CONFLICT: 'conflicts with existing data',
    PRIVACY_CONFIRMATION_REQUIRED: 'text may hold client data; confirmation needed',
    SERVICE_UNAVAILABLE: 'temporarily unavailable',
    TOO_MANY_REQUESTS: 'too many requests',
    QUERY_TOO_COMPLEX: 'query too large or too deep',
    GRAPHQL_PARSE_FAILED: 'unreadable query',
    GRAPHQL_VALIDATION_FAILED: 'query does not fit the schema',
    PAYLOAD_TOO_LARGE: 'request too large',
    BAD_REQUEST: 'unreadable request',
    INTERNAL_SERVER_ERROR: 'internal error',
  },
};

/** Human label of a role; an unknown role (newer API) is shown as sent. */
export function roleLabel(role: string, lang: Lang): string {
  return lookup(ROLE_LABELS[lang], role);
}

/** Human label of an organisation kind; an unknown kind is shown as sent. */
export function kindLabel(kind: string, lang: Lang): string {
  return lookup(KIND_LABELS[lang], kind);
}

/** Human label of an access-log result (allowed / refused / failed); an unknown one is shown as sent. */
export function resultLabel(result: string, lang: Lang): string {
  return lookup(RESULT_LABELS[lang], result);
}

/** Short human label of an error code given as a reason; `null` for a code this portal does not know. */
export function reasonLabel(code: string, lang: Lang): string | null {
  return Object.hasOwn(REASON_LABELS[lang], code) ? (REASON_LABELS[lang][code as ErrorCode] ?? null) : null;
}

function lookup(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}
