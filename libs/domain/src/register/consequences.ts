import type { LocalisedText } from '../text/localised-text';
import type { BreachIncident } from '../breach/incident';
import { both } from './words';

/**
 * The likely consequences and the advice to data subjects as the protocol's step 5/6 words them, derived from the
 * checklist (kind of breach, categories of data, the recipient). A starting text the privacy officer checks and
 * edits: the register keeps what was finally written at closing (`closure.consequences`), which wins over this.
 */
export function likelyConsequences(incident: BreachIncident): LocalisedText | null {
  const c = incident.checklist;
  if (c.kinds.length === 0 && c.dataCategories.length === 0) return null;
  const nl: string[] = [];
  const en: string[] = [];
  const cats = new Set(c.dataCategories);
  if (c.kinds.includes('confidentiality')) {
    nl.push(
      'Onbevoegden hebben (mogelijk) kennisgenomen van de gegevens; de privacy van de betrokkenen is geschonden.',
    );
    en.push('Unauthorised persons (may) have seen the data; the privacy of the data subjects was breached.');
    if (cats.has('health')) {
      nl.push('Omdat het gezondheidsgegevens zijn, kan dit leiden tot schaamte, stigmatisering of psychisch leed.');
      en.push('Because it is health data, this may lead to embarrassment, stigmatisation or psychological distress.');
    }
    if (cats.has('identification-number') || cats.has('financial')) {
      nl.push('Met het BSN of financiële gegevens is identiteitsfraude of financiële schade mogelijk.');
      en.push('With the BSN or financial data, identity fraud or financial loss is possible.');
    }
    if (cats.has('contact') || cats.has('name-address')) {
      nl.push('De betrokkenen kunnen phishingberichten of ongewenst contact ontvangen.');
      en.push('The data subjects may receive phishing messages or unwanted contact.');
    }
    if (cats.has('credentials')) {
      nl.push('Met de inloggegevens kan toegang tot andere gegevens worden verkregen.');
      en.push('The login credentials may be used to gain access to other data.');
    }
    if (c.recipients.maliceLikely === 'yes') {
      nl.push('Kwade opzet is waarschijnlijk, wat de kans op misbruik vergroot.');
      en.push('Malice is likely, which increases the chance of misuse.');
    }
    if (c.recipients.professionalSecrecy === 'yes' && c.recipients.deletionConfirmed === 'yes') {
      nl.push(
        'De ontvanger heeft een beroepsgeheim en heeft bevestigd de gegevens te hebben verwijderd; dat beperkt de gevolgen.',
      );
      en.push(
        'The recipient is bound by professional secrecy and confirmed deleting the data; that limits the consequences.',
      );
    }
  }
  if (c.kinds.includes('integrity')) {
    nl.push('Gegevens zijn mogelijk onjuist gewijzigd; zorg op basis van onjuiste gegevens kan schade toebrengen.');
    en.push('Data may have been altered incorrectly; care based on incorrect data may cause harm.');
  }
  if (c.kinds.includes('availability')) {
    nl.push('Gegevens waren (tijdelijk) niet beschikbaar, wat de zorgverlening kan vertragen.');
    en.push('Data was (temporarily) unavailable, which may delay care.');
  }
  if (nl.length === 0) return null;
  return both(nl.join(' '), en.join(' '));
}

/** What data subjects can do themselves (protocol step 6: change passwords, watch for fraud), by data category. */
export function selfHelpAdvice(incident: BreachIncident): LocalisedText[] {
  const cats = new Set(incident.checklist.dataCategories);
  const advice: LocalisedText[] = [];
  if (cats.has('credentials')) {
    advice.push(
      both(
        'Wijzig uw wachtwoord, ook bij andere diensten waar u hetzelfde wachtwoord gebruikt.',
        'Change your password, also for other services where you use the same password.',
      ),
    );
  }
  if (cats.has('contact') || cats.has('name-address') || cats.has('credentials')) {
    advice.push(
      both(
        'Wees alert op e-mails, sms-berichten of telefoontjes die naar dit voorval verwijzen of om gegevens vragen. Wij vragen u nooit om wachtwoorden of codes.',
        'Be alert to e-mails, text messages or calls that refer to this incident or ask for data. We never ask you for passwords or codes.',
      ),
    );
  }
  if (cats.has('identification-number') || cats.has('financial')) {
    advice.push(
      both(
        'Controleer uw bankafschriften en wees alert op fraude met uw identiteit. Bij vermoeden van misbruik van uw BSN kunt u terecht bij het Centraal Meldpunt Identiteitsfraude.',
        'Check your bank statements and watch for identity fraud. If you suspect misuse of your BSN, contact the Dutch central identity-fraud office (Centraal Meldpunt Identiteitsfraude).',
      ),
    );
  }
  advice.push(
    both(
      'Heeft u vragen of merkt u iets vreemds op? Neem dan contact met ons op via de gegevens hieronder.',
      'Do you have questions or notice anything unusual? Please contact us using the details below.',
    ),
  );
  return advice;
}
