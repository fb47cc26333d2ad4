import { registerTexts, type Texts } from '../texts';

/** Dutch texts of reporting a breach (`report.*`, pages/report). */
export const REPORT_NL = {
  'report.title': 'Datalek melden',
  'report.intro':
    'Meld het meteen, ook als u twijfelt. Het kost minder dan een minuut; de privacyfunctionaris van {organisation} neemt het daarna over.',
  'report.notAllowed': 'U hebt in deze organisatie geen rol waarmee u een datalek kunt melden.',
  'report.restored': 'Concept hersteld (bewaard {at}). Controleer het en verstuur het.',
  'report.discard': 'Concept weggooien',
  'report.notKept':
    'Deze browser bewaart geen concept (opslag geblokkeerd of vol): verstuur de melding voordat u de pagina sluit.',
  'report.whatHappened': 'Wat is er gebeurd?',
  'report.whatHappenedHint': 'Kort en feitelijk. Geen namen, BSN of andere gegevens van cliënten.',
  'report.discoveredAt': 'Ontdekt op (datum en tijd)',
  'report.discoveredAtHint': 'Nederlandse tijd. Staat op nu; pas aan als u het eerder ontdekte.',
  'report.now': 'Nu',
  'report.stillOngoing': 'Is het nog gaande?',
  'report.otherOrganisations': 'Kunnen er gegevens van andere organisaties bij betrokken zijn?',
  'report.otherOrganisationsHint': 'Bijvoorbeeld van het ziekenhuis, de kraamzorg of een andere praktijk in de keten.',
  'report.howDiscovered': 'Hoe is het ontdekt?',
  'report.optional': 'Niet verplicht.',
  'report.exercise': 'Dit is een oefening',
  'report.exerciseHint':
    'Een oefening doorloopt het hele protocol, maar telt nooit mee in het register of richting de AP.',
  'report.privacyWarning':
    '{field}: lijkt {kind} te bevatten (positie {positions}). Haal het weg, of bevestig hieronder dat het geen gegevens van een cliënt zijn.',
  'report.privacyWarningMany':
    '{field}: lijkt {kind} te bevatten (posities {positions}). Haal het weg, of bevestig hieronder dat het geen gegevens van een cliënt zijn.',
  'report.privacyAnnounce': 'Privacywaarschuwing bij {field}.',
  'report.confirmPrivacy': 'Ik bevestig dat dit geen gegevens van een cliënt zijn',
  'report.confirmPrivacyMissing': 'Haal de gegevens weg of vink deze bevestiging aan om te versturen.',
  'report.send': 'Melding versturen',
  'report.sending': 'Bezig met versturen…',
  'report.retry': 'Opnieuw versturen',
  'report.error.required': 'Vul dit in.',
  'report.error.choose': 'Kies ja, nee of onbekend.',
  'report.error.dateTime': 'Vul een geldige datum en tijd in.',
  'report.error.future': 'Dit tijdstip ligt in de toekomst.',
  'report.error.tooEarly': 'Dit tijdstip ligt vóór 2016; controleer het jaartal.',
  'report.error.tooLong': 'Te lang: {length} tekens, hoogstens {max}.',
  'report.error.character': 'Bevat een onzichtbaar of stuurteken ({code}) op positie {position}; haal het weg.',
  'report.failure.offline':
    'Geen verbinding. Uw melding is bewaard op dit apparaat; verstuur haar opnieuw zodra u weer verbinding hebt.',
  'report.failure.unavailable':
    'Het platform is even niet bereikbaar. Uw melding is bewaard op dit apparaat; probeer het over een paar minuten opnieuw. Haast? Bel uw privacyfunctionaris.',
  'report.failure.session':
    'Uw sessie is verlopen. Uw melding is bewaard op dit apparaat: log opnieuw in en open Datalek melden, dan staat alles er nog.',
  'report.failure.forbidden': 'U kunt voor deze organisatie geen datalek melden.',
  'report.failure.input': 'Controleer de gemarkeerde velden.',
  'report.failure.privacy':
    'De tekst lijkt gegevens van een cliënt te bevatten. Haal ze weg, of bevestig dat het geen gegevens van een cliënt zijn.',
  'report.failure.other': 'Versturen is niet gelukt. Uw melding is bewaard op dit apparaat; probeer het opnieuw.',
  'report.done.title': 'Melding ontvangen',
  'report.done.reference': 'Kenmerk:',
  'report.done.exercise': 'Oefening',
  'report.done.discovered': 'Ontdekt op',
  'report.done.deadline': 'Uiterlijk melden bij de AP (als dat nodig is)',
  'report.done.stage': 'Status',
  'report.done.next': 'Wat gebeurt er nu?',
  'report.done.next1':
    'De privacyfunctionaris ziet uw melding in het overzicht Datalekken en beoordeelt of het een datalek is.',
  'report.done.next2':
    'Is het nog gaande? Beperk de schade als dat kan (vraag bijvoorbeeld de ontvanger een verkeerd verstuurd bericht te verwijderen) en overleg met de privacyfunctionaris.',
  'report.done.next3': 'Noem het kenmerk als u erover belt of mailt. De status volgt u onder Datalekken.',
  'report.done.open': 'Melding openen',
  'report.done.mine': 'Naar uw meldingen',
  'report.done.another': 'Nog een melding doen',
  // Issue 17 item 1: the chain situation, answered with the report (optional).
  'report.chain.question': 'Welke situatie is het? (optioneel)',
  'report.chain.hint': 'Weet u het niet zeker? Sla dit over: de privacyfunctionaris legt het later vast.',
  'report.chain.A': 'Het lek is bij HINQ (bijvoorbeeld in de viewer) of u meldt het aan HINQ.',
  'report.chain.B': 'Alleen gegevens van uw eigen organisatie; het blijft intern.',
  'report.chain.C': 'Gegevens van andere organisaties kunnen betrokken zijn; HINQ wordt direct ingelicht.',
  'report.chain.clear': 'Keuze wissen',
  'report.chain.doneChain':
    'HINQ is direct ingelicht (situatie {scenario}). De privacyfunctionaris bepaalt met HINQ welke partners binnen 24 uur worden geïnformeerd.',
  'report.chain.doneInternal': 'Vastgelegd als situatie B: het datalek blijft intern. Later alsnog C kiezen kan.',
} as const;

/** English texts of the same keys (checked by the compiler). */
export const REPORT_EN: Texts<typeof REPORT_NL> = {
  'report.title': 'Report a breach',
  'report.intro':
    "Report it at once, also when in doubt. It takes less than a minute; {organisation}'s privacy officer takes it from there.",
  'report.notAllowed': 'You hold no role in this organisation that lets you report a breach.',
  'report.restored': 'Draft restored (kept {at}). Check it and send it.',
  'report.discard': 'Discard draft',
  'report.notKept': 'This browser keeps no draft (storage blocked or full): send the report before closing the page.',
  'report.whatHappened': 'What happened?',
  'report.whatHappenedHint': "Short and factual. No names, BSN or other clients' data.",
  'report.discoveredAt': 'Discovered at (date and time)',
  'report.discoveredAtHint': 'Dutch time. Set to now; change it if you found out earlier.',
  'report.now': 'Now',
  'report.stillOngoing': 'Is it still going on?',
  'report.otherOrganisations': "Could other organisations' data be involved?",
  'report.otherOrganisationsHint': "For example the hospital's, the maternity care's or another practice of the chain.",
  'report.howDiscovered': 'How was it discovered?',
  'report.optional': 'Optional.',
  'report.exercise': 'This is an exercise',
  'report.exerciseHint': 'An exercise runs the whole protocol but never counts in the register or towards the AP.',
  'report.privacyWarning':
    "{field}: seems to contain {kind} (position {positions}). Remove it, or confirm below that it is not a client's data.",
  'report.privacyWarningMany':
    "{field}: seems to contain {kind} (positions {positions}). Remove it, or confirm below that it is not a client's data.",
  'report.privacyAnnounce': 'Privacy warning at {field}.',
  'report.confirmPrivacy': "I confirm that this is not a client's data",
  'report.confirmPrivacyMissing': 'Remove the data or tick this confirmation to send.',
  'report.send': 'Send report',
  'report.sending': 'Sending…',
  'report.retry': 'Send again',
  'report.error.required': 'Fill this in.',
  'report.error.choose': 'Choose yes, no or unknown.',
  'report.error.dateTime': 'Enter a valid date and time.',
  'report.error.future': 'This time is in the future.',
  'report.error.tooEarly': 'This time is before 2016; check the year.',
  'report.error.tooLong': 'Too long: {length} characters, at most {max}.',
  'report.error.character': 'Contains an invisible or control character ({code}) at position {position}; remove it.',
  'report.failure.offline':
    'No connection. Your report is kept on this device; send it again once you are back online.',
  'report.failure.unavailable':
    'The platform cannot be reached just now. Your report is kept on this device; try again in a few minutes. In a hurry? Call your privacy officer.',
  'report.failure.session':
    'Your session has expired. Your report is kept on this device: log in again and open Report a breach, and everything will still be there.',
  'report.failure.forbidden': 'You cannot report a breach for this organisation.',
  'report.failure.input': 'Check the marked fields.',
  'report.failure.privacy':
    "The text seems to contain a client's data. Remove it, or confirm that it is not a client's data.",
  'report.failure.other': 'Sending failed. Your report is kept on this device; try again.',
  'report.done.title': 'Report received',
  'report.done.reference': 'Reference:',
  'report.done.exercise': 'Exercise',
  'report.done.discovered': 'Discovered at',
  'report.done.deadline': 'Notify the AP by (if needed)',
  'report.done.stage': 'Status',
  'report.done.next': 'What happens next?',
  'report.done.next1':
    'The privacy officer sees your report in the Breaches overview and assesses whether it is a breach.',
  'report.done.next2':
    'Still going on? Limit the damage if you can (for example, ask the recipient to delete a misdirected message) and talk to the privacy officer.',
  'report.done.next3': 'Quote the reference when you call or write about it. You follow its status under Breaches.',
  'report.done.open': 'Open the report',
  'report.done.mine': 'To your reports',
  'report.done.another': 'Report another',
  // Issue 17 item 1: the chain situation, answered with the report (optional).
  'report.chain.question': 'Which situation is it? (optional)',
  'report.chain.hint': 'Not sure? Skip this: the privacy officer records it later.',
  'report.chain.A': 'The breach is at HINQ (for example in the viewer) or you report it to HINQ.',
  'report.chain.B': "Only your own organisation's data; it stays internal.",
  'report.chain.C': "Other organisations' data may be involved; HINQ is told at once.",
  'report.chain.clear': 'Clear the choice',
  'report.chain.doneChain':
    'HINQ has been told at once (situation {scenario}). The privacy officer decides with HINQ which partners are informed within 24 hours.',
  'report.chain.doneInternal': 'Recorded as situation B: the breach stays internal. Choosing C later is possible.',
};

registerTexts('report', REPORT_NL, REPORT_EN);
