import { registerTexts, type Texts } from '../texts';

/** Dutch texts of the detection alerts (`alerts.*` but the shell's menu item, pages/viewer-alerts). */
export const VIEWER_ALERTS_NL = {
  'alerts.title': 'Signalen uit het kijklog',
  'alerts.intro':
    'De detectie op het kijklog van de viewer meldt zelf een vermoedelijk datalek bij de organisatie waarvan dossiers zijn geopend. Hier staat elk signaal met de regel, het venster en de tellingen; een privacyfunctionaris kan een signaal afwijzen met een reden.',
  'alerts.notAllowed':
    'U kunt de signalen niet inzien: dat kunnen de HINQ-coördinator en de privacyfunctionaris en FG van een organisatie.',
  'alerts.counts': '{open} open, {dismissed} afgewezen.',
  'alerts.timeZone': 'Tijden in Nederlandse tijd.',
  'alerts.refresh': 'Vernieuwen',
  'alerts.loadError': 'De signalen konden niet worden geladen.',
  'alerts.empty': 'Er zijn geen signalen.',
  'alerts.state.open': 'Open',
  'alerts.state.dismissed': 'Afgewezen',
  'alerts.organisation': 'Organisatie',
  'alerts.window': 'Venster',
  'alerts.account': 'Account (medewerker)',
  'alerts.accesses': 'Keer geopend',
  'alerts.records': 'Verschillende dossiers',
  'alerts.organisations': 'Verschillende organisaties',
  'alerts.raised': 'Gesignaleerd op',
  'alerts.incident': 'Gemeld datalek',
  'alerts.openIncident': 'Datalek {reference} openen',
  'alerts.incidentElsewhere': '{reference} (bij de organisatie zelf)',
  'alerts.incidentNotShown': 'Gemeld bij de organisatie zelf; niet in te zien voor u',
  'alerts.dismissedBy': 'Afgewezen door {name} op {when}.',
  'alerts.reason': 'Reden:',
  'alerts.dismiss.open': 'Afwijzen',
  'alerts.dismiss.reason': 'Reden van afwijzen (verplicht)',
  'alerts.dismiss.reasonHint':
    'De reden wordt bewaard, met wie en wanneer (hoogstens {max} tekens). Is het gemelde vermoedelijke datalek nog niet beoordeeld, dan wordt het met deze reden beoordeeld als "geen datalek" en afgesloten; een al beoordeeld datalek blijft zoals het is.',
  'alerts.dismiss.required': 'Vul een reden in.',
  'alerts.dismiss.tooLong': 'De reden is te lang (hoogstens {max} tekens).',
  'alerts.dismiss.submit': 'Afwijzen',
  'alerts.dismiss.cancel': 'Annuleren',
  'alerts.dismiss.done': 'Het signaal over {account} is afgewezen.',
  'alerts.dismiss.conflict': 'Dit signaal is intussen al afgewezen; hieronder staat door wie en waarom.',
  // The daily file of the viewer log on /signalen (HINQ's coordinator).
  'alerts.daily.title': 'Dagbestand van het kijklog aanbieden',
  'alerts.daily.intro':
    'Leveren de systemen van HINQ het kijklog niet zelf aan, bied dan hier de export van een dag aan. Het bestand wordt op dezelfde manier beoordeeld: elk signaal komt bij de organisatie waarvan dossiers zijn geopend en verschijnt in de lijst hieronder. Hetzelfde bestand nog eens aanbieden telt niets dubbel.',
  'alerts.daily.format': 'CSV in UTF-8, met als eerste regel precies:',
  'alerts.daily.file': 'Dagbestand (CSV)',
  'alerts.daily.fileHint':
    'Is het bestand te groot, splits de dag dan in meerdere bestanden (bijvoorbeeld per dagdeel) en bied ze na elkaar aan.',
  'alerts.daily.needFile': 'Kies een bestand.',
  'alerts.daily.submit': 'Aanbieden en beoordelen',
  'alerts.daily.cancel': 'Afbreken',
  'alerts.daily.judging': 'Verzonden; het kijklog wordt beoordeeld …',
  'alerts.daily.refused': 'Het bestand is geweigerd.',
  'alerts.daily.resultTitle': 'Uitkomst van {name}',
  'alerts.daily.repeated': 'Dit bestand is al eerder aangeboden; er is niets opnieuw geteld.',
  'alerts.daily.events': 'Beoordeelde inzages',
  'alerts.daily.rejected': 'Afgekeurde regels',
  'alerts.daily.alerts': 'Signalen in de vensters van dit bestand',
  'alerts.daily.byReason': 'Afgekeurd per reden:',
  'alerts.daily.alertsHint':
    'Een signaal dat al eerder was gegeven (door een ander bestand of de doorlopende aanlevering) telt mee, maar wordt niet opnieuw gemeld.',
  'alerts.daily.summary': '{events} inzages beoordeeld, {rejected} regels afgekeurd, {alerts} signalen.',
} as const;

/** English texts of the same keys (checked by the compiler). */
export const VIEWER_ALERTS_EN: Texts<typeof VIEWER_ALERTS_NL> = {
  'alerts.title': 'Alerts from the viewer log',
  'alerts.intro':
    "Detection on the viewer's access log reports a suspected breach by itself to the organisation whose records were opened. Each alert is listed here with its rule, window and counts; a privacy officer can dismiss an alert with a reason.",
  'alerts.notAllowed':
    "You cannot see the alerts: HINQ's coordinator and an organisation's privacy officer and DPO can.",
  'alerts.counts': '{open} open, {dismissed} dismissed.',
  'alerts.timeZone': 'Times in Dutch time.',
  'alerts.refresh': 'Refresh',
  'alerts.loadError': 'The alerts could not be loaded.',
  'alerts.empty': 'There are no alerts.',
  'alerts.state.open': 'Open',
  'alerts.state.dismissed': 'Dismissed',
  'alerts.organisation': 'Organisation',
  'alerts.window': 'Window',
  'alerts.account': 'Account (staff member)',
  'alerts.accesses': 'Times opened',
  'alerts.records': 'Distinct records',
  'alerts.organisations': 'Distinct organisations',
  'alerts.raised': 'Raised at',
  'alerts.incident': 'Reported breach',
  'alerts.openIncident': 'Open breach {reference}',
  'alerts.incidentElsewhere': '{reference} (at the organisation itself)',
  'alerts.incidentNotShown': 'Reported to the organisation itself; not visible to you',
  'alerts.dismissedBy': 'Dismissed by {name} on {when}.',
  'alerts.reason': 'Reason:',
  'alerts.dismiss.open': 'Dismiss',
  'alerts.dismiss.reason': 'Reason for dismissing (required)',
  'alerts.dismiss.reasonHint':
    'The reason is kept, with who and when (at most {max} characters). If the suspected breach it reported has not been assessed yet, it is assessed as "not a breach" with this reason and closed; a breach already assessed stays as it is.',
  'alerts.dismiss.required': 'Enter a reason.',
  'alerts.dismiss.tooLong': 'The reason is too long (at most {max} characters).',
  'alerts.dismiss.submit': 'Dismiss',
  'alerts.dismiss.cancel': 'Cancel',
  'alerts.dismiss.done': 'The alert about {account} has been dismissed.',
  'alerts.dismiss.conflict': 'This alert has been dismissed meanwhile; who did and why is shown below.',
  // The daily file of the viewer log on /signalen (HINQ's coordinator).
  'alerts.daily.title': 'Hand in a daily file of the viewer log',
  'alerts.daily.intro':
    "When HINQ's systems do not push the viewer log themselves, hand in a day's export here. The file is judged the same way: each alert goes to the organisation whose records were opened and appears in the list below. Handing in the same file again counts nothing twice.",
  'alerts.daily.format': 'CSV in UTF-8, with exactly this first line:',
  'alerts.daily.file': 'Daily file (CSV)',
  'alerts.daily.fileHint':
    'If the file is too large, split the day into several files (for instance per part of the day) and hand them in one after the other.',
  'alerts.daily.needFile': 'Choose a file.',
  'alerts.daily.submit': 'Hand in and judge',
  'alerts.daily.cancel': 'Cancel',
  'alerts.daily.judging': 'Sent; the viewer log is being judged …',
  'alerts.daily.refused': 'The file was refused.',
  'alerts.daily.resultTitle': 'Outcome of {name}',
  'alerts.daily.repeated': 'This file was handed in before; nothing was counted again.',
  'alerts.daily.events': 'Accesses judged',
  'alerts.daily.rejected': 'Lines rejected',
  'alerts.daily.alerts': "Alerts in this file's windows",
  'alerts.daily.byReason': 'Rejected per reason:',
  'alerts.daily.alertsHint':
    'An alert given before (by another file or the continuous push) is counted, but not reported again.',
  'alerts.daily.summary': '{events} accesses judged, {rejected} lines rejected, {alerts} alerts.',
};

registerTexts('viewer-alerts', VIEWER_ALERTS_NL, VIEWER_ALERTS_EN);
