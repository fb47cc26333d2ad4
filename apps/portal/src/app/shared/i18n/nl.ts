import type { ACCESS_LOG_NL } from './texts/access-log';
import type { CHAIN_NL } from './texts/chain';
import type { DASHBOARD_NL } from './texts/dashboard';
import type { INCIDENT_NL } from './texts/incident';
import type { NOTIFICATIONS_NL } from './texts/notifications';
import type { REGISTER_NL } from './texts/register';
import type { REPORT_NL } from './texts/report';
import type { VIEWER_ALERTS_NL } from './texts/viewer-alerts';
import type { VIEWER_LOG_NL } from './texts/viewer-log';

/**
 * Dutch texts of the shell (the default language): what the first page shows before any page loads. Keys are
 * shared with en.ts; the compiler checks both. The pages' texts are in `texts/<feature>.ts`, which load with the
 * pages that import them (see `texts.ts`); a key added here works everywhere too, but loads with the shell.
 */
export const NL = {
  'app.name': 'Babyconnect Datalekken',
  'app.skipToContent': 'Direct naar de inhoud',
  'app.loading': 'Bezig met laden…',
  'app.notLoggedIn': 'U bent niet ingelogd.',
  'app.loggedOutElsewhere':
    'U bent uitgelogd in een ander tabblad van deze browser. Log opnieuw in om verder te werken.',
  'app.sessionEnded': 'Uw sessie is beëindigd. Log opnieuw in om verder te werken.',
  'app.login': 'Inloggen',
  'app.logout': 'Uitloggen',
  'app.mainNav': 'Hoofdmenu',
  'user.loggedInAs': 'Ingelogd als',
  'lang.label': 'Taal',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',
  'org.switcher': 'Organisatie kiezen',
  'org.acting': 'Werkt voor',
  'org.none': 'Geen organisatie gekozen',
  'org.choose': 'Kies organisatie',
  'org.choosePrompt': 'U heeft rollen bij meerdere organisaties. Kies voor welke organisatie u nu werkt.',
  'org.noMemberships': 'U heeft nog geen rol bij een organisatie. Neem contact op met de beheerder.',
  'org.chosen': 'Organisatie gekozen: {name}',
  'home.title': 'Welkom',
  'home.who': 'Wie bent u',
  'home.name': 'Naam',
  'home.email': 'E-mail',
  'home.username': 'Gebruikersnaam',
  'home.platformAdmin': 'beheerder',
  'home.acting': 'Huidige organisatie',
  'home.roles': 'Rollen',
  'home.kind': 'Soort',
  'home.memberships': 'Uw organisaties',
  'home.noRoles': 'geen rollen',
  'home.retry': 'Opnieuw proberen',
  'home.meError': 'Uw gegevens konden niet worden opgehaald.',
  'report.draftWaiting': 'U hebt een melding die nog niet is verstuurd.',
  'report.draftContinue': 'Verder met melden',
  'dashboard.titleOwn': 'Uw meldingen',
  'health.title': 'Status van het systeem',
  'health.api': 'API bereikbaar',
  'health.database': 'Database',
  'health.migrations': 'Migraties',
  'health.yes': 'ja',
  'health.no': 'nee',
  'health.ok': 'OK',
  'health.error': 'fout',
  'health.pending': 'openstaand',
  'health.upToDate': 'bijgewerkt',
  'health.unknown': 'onbekend',
  'health.checking': 'Bezig met controleren…',
  'health.recheck': 'Opnieuw controleren',
  'health.allOk': 'Alles werkt.',
  'health.problem': 'Er is een probleem met de API.',
  'error.network': 'De API is niet bereikbaar. Probeer het later opnieuw.',
  'error.http': 'De API gaf een onverwacht antwoord (HTTP {status}).',
  'nav.home': 'Start',
  'nav.accessLog': 'Toegangslogboek',
  'nav.report': 'Datalek melden',
  'nav.dashboard': 'Datalekken',
  'nav.myNotifications': 'Mijn berichten',
  'nav.deadLetters': 'Onbestelbare berichten',
  'chain.nav.list': 'Keten',
  'chain.nav.figures': 'Ketencijfers',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.back': 'Naar de startpagina',
  'nav.register': 'Datalekregister',
  'alerts.nav': 'Signalen',
} as const;

/** A key of the shell's dictionary (this file and en.ts). */
export type ShellKey = keyof typeof NL;
export type Dictionary = Readonly<Record<ShellKey, string>>;

/**
 * Every key, the shell's and the pages' (one line per file in `texts/`), so the compiler checks each `t('…')`
 * wherever it is. Which page texts are loaded when is checked by texts.spec.ts.
 */
export type TranslationKey =
  | ShellKey
  | keyof typeof ACCESS_LOG_NL
  | keyof typeof CHAIN_NL
  | keyof typeof DASHBOARD_NL
  | keyof typeof INCIDENT_NL
  | keyof typeof NOTIFICATIONS_NL
  | keyof typeof REGISTER_NL
  | keyof typeof REPORT_NL
  | keyof typeof VIEWER_ALERTS_NL
  | keyof typeof VIEWER_LOG_NL;
