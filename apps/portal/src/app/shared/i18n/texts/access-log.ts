import { registerTexts, type Texts } from '../texts';

/** Dutch texts of the access log and its anchor (`accessLog.*`, `anchor.*`, pages/access-log). */
export const ACCESS_LOG_NL = {
  'accessLog.title': 'Toegangslogboek',
  'accessLog.intro':
    'Elk verzoek aan het platform voor {organisation}: wie, met welke rol, wat, wanneer en met welke uitkomst. Geweigerde pogingen staan er ook in. Nieuwste eerst.',
  'accessLog.notAllowed': 'U kunt het toegangslogboek van deze organisatie niet inzien.',
  'accessLog.notAllowedWho':
    'Alleen de functionaris gegevensbescherming (FG) en de auditor van een organisatie kunnen het toegangslogboek inzien.',
  'accessLog.rows': 'Regels',
  'accessLog.caption': 'Toegangslogboek van {organisation}, nieuwste eerst',
  'accessLog.timeZone': 'Tijden in Nederlandse tijd.',
  'accessLog.col.seq': 'Nr.',
  'accessLog.col.time': 'Tijd',
  'accessLog.col.who': 'Wie',
  'accessLog.col.roles': 'Rol',
  'accessLog.col.what': 'Wat',
  'accessLog.col.result': 'Resultaat',
  'accessLog.unknownUser': 'onbekend',
  'accessLog.noRole': 'geen rol',
  'accessLog.platformAdmin': 'platformbeheerder',
  'accessLog.outside': 'poging van buiten de organisatie',
  'accessLog.byPlatformAdmin': 'wijziging door de platformbeheerder',
  'accessLog.objects': 'Over: {ids}',
  'accessLog.empty': 'Er staan nog geen regels in het toegangslogboek.',
  'accessLog.older': 'Oudere regels',
  'accessLog.refresh': 'Vernieuwen',
  'accessLog.shownMore': '{count} regels getoond; er zijn oudere regels.',
  'accessLog.shownAll': 'Alle {count} regels getoond.',
  'accessLog.loadedOlder': '{count} oudere regels geladen.',
  'accessLog.loadError': 'Het toegangslogboek kon niet worden opgehaald.',
  'accessLog.retry': 'Opnieuw proberen',
  'anchor.title': 'Anker downloaden',
  'anchor.what':
    'Een anker legt de laatste regel van dit logboek vast (volgnummer, hash en tijd), ondertekend door het platform.',
  'anchor.why':
    'Bewaar het buiten dit systeem: dan is later aan te tonen of het logboek sindsdien is ingekort of herschreven, ook door wie de database beheert.',
  'anchor.download': 'Anker downloaden',
  'anchor.busy': 'Anker wordt gemaakt…',
  'anchor.saved': 'Anker van regel {seq} opgeslagen',
  'anchor.files': 'Twee bestanden: het anker en de publieke sleutel waarmee het te controleren is. Opnieuw opslaan:',
  'anchor.check': 'Later controleren (met beide bestanden, door wie het platform beheert):',
  'anchor.error': 'Het anker kon niet worden gemaakt.',
} as const;

/** English texts of the same keys (checked by the compiler). */
export const ACCESS_LOG_EN: Texts<typeof ACCESS_LOG_NL> = {
  'accessLog.title': 'Access log',
  'accessLog.intro':
    'Every request to the platform for {organisation}: who, in which role, what, when and with which outcome. Refused attempts are included. Newest first.',
  'accessLog.notAllowed': 'You cannot view the access log of this organisation.',
  'accessLog.notAllowedWho':
    "Only an organisation's data protection officer (DPO) and auditor can view the access log.",
  'accessLog.rows': 'Entries',
  'accessLog.caption': 'Access log of {organisation}, newest first',
  'accessLog.timeZone': 'Times in Dutch time (Europe/Amsterdam).',
  'accessLog.col.seq': 'No.',
  'accessLog.col.time': 'Time',
  'accessLog.col.who': 'Who',
  'accessLog.col.roles': 'Role',
  'accessLog.col.what': 'What',
  'accessLog.col.result': 'Result',
  'accessLog.unknownUser': 'unknown',
  'accessLog.noRole': 'no role',
  'accessLog.platformAdmin': 'platform administrator',
  'accessLog.outside': 'attempt from outside the organisation',
  'accessLog.byPlatformAdmin': 'change by the platform administrator',
  'accessLog.objects': 'About: {ids}',
  'accessLog.empty': 'The access log has no entries yet.',
  'accessLog.older': 'Older entries',
  'accessLog.refresh': 'Refresh',
  'accessLog.shownMore': '{count} entries shown; there are older entries.',
  'accessLog.shownAll': 'All {count} entries shown.',
  'accessLog.loadedOlder': '{count} older entries loaded.',
  'accessLog.loadError': 'The access log could not be loaded.',
  'accessLog.retry': 'Try again',
  'anchor.title': 'Download anchor',
  'anchor.what':
    'An anchor records the last entry of this log (sequence number, hash and time), signed by the platform.',
  'anchor.why':
    'Keep it outside this system: it then shows later whether the log was shortened or rewritten since, even by whoever runs the database.',
  'anchor.download': 'Download anchor',
  'anchor.busy': 'Making the anchor…',
  'anchor.saved': 'Anchor of entry {seq} saved',
  'anchor.files': 'Two files: the anchor and the public key that checks it. Save again:',
  'anchor.check': 'Check later (with both files, by whoever runs the platform):',
  'anchor.error': 'The anchor could not be made.',
};

registerTexts('access-log', ACCESS_LOG_NL, ACCESS_LOG_EN);
