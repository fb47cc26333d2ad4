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

/** Human label of a role; an unknown role (newer API) is shown as sent. */
export function roleLabel(role: string, lang: Lang): string {
  return lookup(ROLE_LABELS[lang], role);
}

/** Human label of an organisation kind; an unknown kind is shown as sent. */
export function kindLabel(kind: string, lang: Lang): string {
  return lookup(KIND_LABELS[lang], kind);
}

function lookup(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}
