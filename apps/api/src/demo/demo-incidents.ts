import type { BreachChecklist, IncidentCommand, ReportBreachInput } from '@babyconnect/domain';

/**
 * The fictional demo incidents that `npm start` seeds (README, "Demo"), so a newcomer sees a living product: one
 * incident in each state the workflow and its 72-hour clock know. Every text is invented, names no person and holds
 * nothing the privacy guard would warn about (demo-incidents.e2e.spec.ts checks each string).
 *
 * Each incident is a script for the domain's own workflow: the report (step 1) and then the commands a person
 * would give through the portal, each with who gives it and when. Times are hours before the moment of the first
 * seed, so the clocks stand where the table in the README says whenever the demo is started for the first time.
 */

/** A command without its version (the seed adds the incident's) and without the advice (the seed computes it). */
type Unversioned = IncidentCommand extends infer C ? (C extends unknown ? Omit<C, 'version'> : never) : never;
export type DemoCommand = Unversioned extends infer C ? (C extends { advice: unknown } ? Omit<C, 'advice'> : C) : never;

export interface DemoStep {
  /** Hours before the seed's "now". */
  hoursAgo: number;
  /** A demo user (infra/keycloak/babyconnect-demo.json) acting in the incident's organisation. */
  as: string;
  command: DemoCommand;
}

export interface DemoIncident {
  /** Fixed: the marker that makes the seed idempotent (an incident with this id exists → it is left alone). */
  id: string;
  /** The organisation's alias (infra/demo/organisations.json). */
  organisation: string;
  /** What the README says about it. */
  summary: string;
  report: { hoursAgo: number; as: string; input: ReportBreachInput };
  steps: DemoStep[];
}

const HOUR_MS = 3_600_000;

/** Fixed measure ids (the portal makes random ones): the same script gives the same incident. */
const measure = (n: number) => `6d0c1a7e-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The demo incidents, oldest report first (so references rise with time, as they would have). */
export function demoIncidents(now: Date): DemoIncident[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  const list: DemoIncident[] = [
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000009',
      organisation: 'vp-het-nest',
      summary: 'Closed and registered; the AP was not notified, as the risk advice said (the protocol’s own example).',
      report: {
        hoursAgo: 479.5,
        as: 'nest-medewerker',
        input: {
          whatHappened:
            'Een overdrachtsverslag is per abuis naar een gynaecoloog van een ander ziekenhuis gemaild in plaats van naar de behandelend gynaecoloog.',
          discoveredAt: ago(480),
          stillOngoing: 'no',
          howDiscovered: 'De gynaecoloog die het verslag kreeg, belde de praktijk dezelfde middag.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 478,
          as: 'nest-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning: 'Gezondheidsgegevens van een cliënte en haar kind zijn bij een onbevoegde ontvanger gekomen.',
          },
        },
        {
          hoursAgo: 477,
          as: 'nest-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(91),
            description: 'De ontvanger gevraagd het verslag te verwijderen en dat schriftelijk te bevestigen.',
            owner: 'Privacyfunctionaris',
            dueAt: ago(470),
          },
        },
        {
          hoursAgo: 476,
          as: 'nest-privacy',
          command: {
            type: 'update-checklist',
            answers: checklist({
              kinds: ['confidentiality'],
              cause: { category: 'misdirected-email', description: 'Verkeerde naam gekozen in het adresboek.' },
              stillOngoing: 'no',
              dataCategories: ['name-address', 'health'],
              records: { kind: 'exact', value: 1 },
              persons: { kind: 'exact', value: 2 },
              groups: ['clients', 'newborns'],
              recipients: {
                count: { kind: 'exact', value: 1 },
                known: 'yes',
                maliceLikely: 'no',
                professionalSecrecy: 'yes',
                deletionConfirmed: 'yes',
              },
              unintelligible: { encrypted: 'no', encryptionStateOfTheArt: 'no', keyCompromised: 'no' },
            }),
          },
        },
        {
          hoursAgo: 475.5,
          as: 'nest-privacy',
          command: { type: 'update-containment-measure', measureId: measure(91), status: 'done' },
        },
        { hoursAgo: 475, as: 'nest-privacy', command: { type: 'complete-overview' } },
        { hoursAgo: 474.5, as: 'nest-privacy', command: { type: 'complete-containment' } },
        {
          hoursAgo: 474,
          as: 'nest-fg',
          command: {
            type: 'record-dpo-advice',
            text: 'Eens met registreren zonder melding: de ontvanger heeft een beroepsgeheim en heeft de verwijdering bevestigd.',
          },
        },
        {
          hoursAgo: 473,
          as: 'nest-privacy',
          command: {
            type: 'decide-ap-notification',
            notify: false,
            reasoning:
              'Eén ontvanger met een beroepsgeheim, die de verwijdering heeft bevestigd: naar verwachting geen risico. Alleen registreren.',
          },
        },
        {
          hoursAgo: 472.5,
          as: 'nest-privacy',
          command: {
            type: 'decide-data-subjects',
            outcome: 'not-inform',
            reasoning: 'Geen risico voor de cliënte: de gegevens zijn bij een zorgverlener gebleven en verwijderd.',
          },
        },
        {
          hoursAgo: 472,
          as: 'nest-privacy',
          command: {
            type: 'close',
            consequences: 'Geen gevolgen bekend: het verslag is bij de ontvanger verwijderd.',
            recurrencePrevention:
              'Adresboek opgeschoond; verslagen aan andere zorgverleners gaan voortaan via het beveiligde zorgnetwerk.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000006',
      organisation: 'vp-de-wieg',
      summary: 'Closed and registered: the AP notified in time, the clients informed.',
      report: {
        hoursAgo: 287.5,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Een USB-stick met een export van de cliëntenlijst van dit kwartaal is kwijtgeraakt. De stick was niet versleuteld.',
          discoveredAt: ago(288),
          stillOngoing: 'unknown',
          howDiscovered: 'Bij het maken van de kwartaalrapportage lag de stick niet meer in de kluis.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 287,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning: 'Onversleutelde gezondheidsgegevens van veel cliënten zijn mogelijk in handen van onbevoegden.',
          },
        },
        {
          hoursAgo: 286,
          as: 'wieg-privacy',
          command: {
            type: 'update-checklist',
            answers: checklist({
              kinds: ['confidentiality', 'availability'],
              cause: {
                category: 'lost-device',
                description: 'Onversleutelde USB-stick buiten de kluis bewaard en kwijtgeraakt.',
              },
              stillOngoing: 'no',
              dataCategories: ['name-address', 'contact', 'date-of-birth', 'health'],
              records: { kind: 'range', min: 150, max: 200 },
              persons: { kind: 'range', min: 150, max: 200 },
              groups: ['clients', 'newborns'],
              recipients: {
                count: { kind: 'unknown' },
                known: 'no',
                maliceLikely: 'unknown',
                professionalSecrecy: 'no',
                deletionConfirmed: 'no',
              },
              unintelligible: { encrypted: 'no', encryptionStateOfTheArt: 'no', keyCompromised: 'unknown' },
            }),
          },
        },
        { hoursAgo: 285, as: 'wieg-privacy', command: { type: 'complete-overview' } },
        {
          hoursAgo: 284,
          as: 'wieg-fg',
          command: {
            type: 'record-dpo-advice',
            text: 'Advies: melden bij de AP en de cliënten informeren. Het gaat om gezondheidsgegevens van veel cliënten en pasgeborenen.',
          },
        },
        {
          hoursAgo: 283,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(61),
            description: 'Praktijk en auto’s doorzocht; de stick is niet gevonden.',
            owner: 'Praktijkmanager',
            dueAt: ago(270),
          },
        },
        {
          hoursAgo: 282,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(62),
            description: 'Alle USB-sticks vervangen door versleutelde exemplaren.',
            owner: 'ICT-leverancier',
            dueAt: ago(240),
          },
        },
        {
          hoursAgo: 279,
          as: 'wieg-privacy',
          command: {
            type: 'decide-ap-notification',
            notify: true,
            reasoning: 'Gezondheidsgegevens van cliënten en pasgeborenen, onversleuteld, ontvanger onbekend: melden.',
          },
        },
        {
          hoursAgo: 268,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(61), status: 'done' },
        },
        {
          hoursAgo: 266,
          as: 'wieg-privacy',
          command: {
            type: 'record-ap-notification',
            submittedAt: ago(266),
            apReference: 'DEMO-AP-0001',
          },
        },
        {
          hoursAgo: 265,
          as: 'wieg-privacy',
          command: {
            type: 'decide-data-subjects',
            outcome: 'inform',
            reasoning: 'Cliënten kunnen zelf alert zijn op misbruik; een brief aan elke cliënt is goed te doen.',
          },
        },
        {
          hoursAgo: 241,
          as: 'wieg-privacy',
          command: {
            type: 'record-data-subjects-informed',
            informedAt: ago(242),
          },
        },
        {
          hoursAgo: 240,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(62), status: 'done' },
        },
        { hoursAgo: 239, as: 'wieg-privacy', command: { type: 'complete-containment' } },
        {
          hoursAgo: 200,
          as: 'wieg-privacy',
          command: {
            type: 'close',
            consequences: 'Geen misbruik bekend. De cliënten zijn per brief geïnformeerd; enkelen belden met vragen.',
            recurrencePrevention:
              'Alleen nog versleutelde USB-sticks; exports van de cliëntenlijst staan alleen op de beveiligde schijf.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000005',
      organisation: 'vp-de-wieg',
      summary: 'Overdue: a breach, its overview still open, and the 72 hours passed without a notification.',
      report: {
        hoursAgo: 79.5,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Een map met uitgeprinte echoverslagen is bij het oud papier beland in plaats van in de container voor vertrouwelijk papier.',
          discoveredAt: ago(80),
          stillOngoing: 'unknown',
          howDiscovered: 'De map lag naast de papierbak bij de achteringang.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 74,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning: 'Echoverslagen zijn gezondheidsgegevens; het is onduidelijk of iemand de map heeft ingezien.',
          },
        },
        {
          hoursAgo: 73,
          as: 'wieg-privacy',
          command: {
            type: 'update-checklist',
            answers: {
              kinds: ['confidentiality'],
              cause: {
                category: 'improper-disposal',
                description: 'Vertrouwelijk papier bij het gewone oud papier gezet.',
              },
              dataCategories: ['name-address', 'health'],
              groups: ['clients'],
            },
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000007',
      organisation: 'vp-de-wieg',
      summary: 'A near miss (bijna-incident): caught before anything left the practice; no AP clock.',
      report: {
        hoursAgo: 70,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Een verslag stond klaar om naar een verkeerde huisartsenpraktijk te worden gemaild. Een collega zag de fout vóór het versturen.',
          discoveredAt: ago(70.5),
          stillOngoing: 'no',
          howDiscovered: 'Controle door een collega volgens het vier-ogenprincipe.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 52,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'near-miss',
            reasoning:
              'Het verslag is nooit verstuurd: er zijn geen persoonsgegevens bij een onbevoegde gekomen. Vastgelegd als bijna-incident om van te leren.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000004',
      organisation: 'vp-de-wieg',
      summary: 'Due soon: the AP decision is taken (notify), the notification itself not yet recorded.',
      report: {
        hoursAgo: 63,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Een collega heeft haar inloggegevens van het cliëntdossier ingevuld op een nagemaakte inlogpagina uit een phishingmail.',
          discoveredAt: ago(64),
          stillOngoing: 'yes',
          howDiscovered: 'De leverancier van het cliëntdossier meldde een inlogpoging vanuit het buitenland.',
          otherOrganisationsInvolved: 'unknown',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 62,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning: 'Een onbekende kon met geldige inloggegevens dossiers van cliënten inzien.',
          },
        },
        {
          hoursAgo: 61.5,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(41),
            description: 'Account geblokkeerd en wachtwoord opnieuw ingesteld.',
            owner: 'ICT-leverancier',
            dueAt: ago(60),
          },
        },
        {
          hoursAgo: 61,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(41), status: 'done' },
        },
        {
          hoursAgo: 60,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(42),
            description: 'Inloggeschiedenis laten uitzoeken: welke dossiers zijn ingezien.',
            owner: 'ICT-leverancier',
            dueAt: ago(-12),
          },
        },
        {
          hoursAgo: 59,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(42), status: 'in-progress' },
        },
        {
          hoursAgo: 50,
          as: 'wieg-privacy',
          command: {
            type: 'update-checklist',
            answers: checklist({
              kinds: ['confidentiality'],
              cause: {
                category: 'hacking-malware-phishing',
                description: 'Inloggegevens buitgemaakt met een nagemaakte inlogpagina.',
              },
              startedAt: ago(66),
              stillOngoing: 'no',
              dataCategories: ['name-address', 'date-of-birth', 'identification-number', 'health'],
              records: { kind: 'range', min: 100, max: 250 },
              persons: { kind: 'range', min: 100, max: 250 },
              groups: ['clients', 'newborns', 'partners-relatives'],
              recipients: {
                count: { kind: 'unknown' },
                known: 'no',
                maliceLikely: 'yes',
                professionalSecrecy: 'no',
                deletionConfirmed: 'no',
              },
              unintelligible: { encrypted: 'no', encryptionStateOfTheArt: 'no', keyCompromised: 'yes' },
            }),
          },
        },
        { hoursAgo: 48, as: 'wieg-privacy', command: { type: 'complete-overview' } },
        {
          hoursAgo: 40,
          as: 'wieg-fg',
          command: {
            type: 'record-dpo-advice',
            text: 'Advies: vandaag nog melden bij de AP; de aanvulling over de ingeziene dossiers kan later volgen.',
          },
        },
        {
          hoursAgo: 20,
          as: 'wieg-privacy',
          command: {
            type: 'decide-ap-notification',
            notify: true,
            reasoning:
              'Gezondheidsgegevens en burgerservicenummers bij een kwaadwillende: hoog risico. Melden bij de AP.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000003',
      organisation: 'vp-de-wieg',
      summary: 'In response: containment under way, the FG consulted, the risk advice waiting for a decision.',
      report: {
        hoursAgo: 40,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'De dienstmobiel van de praktijk is uit een geparkeerde auto gestolen. Op de telefoon staat de app van het cliëntdossier.',
          discoveredAt: ago(41),
          stillOngoing: 'unknown',
          howDiscovered: 'Bij terugkomst bij de auto bleek een ruit ingeslagen.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 39,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning: 'Een onbekende dief heeft mogelijk toegang tot gezondheidsgegevens in de app.',
          },
        },
        {
          hoursAgo: 38.5,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(31),
            description: 'Telefoon op afstand gewist via het beheerportaal.',
            owner: 'ICT-leverancier',
            dueAt: ago(36),
          },
        },
        {
          hoursAgo: 37,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(31), status: 'done' },
        },
        {
          hoursAgo: 36.5,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(32),
            description: 'Wachtwoord van het cliëntdossier gewijzigd en alle sessies afgemeld.',
            owner: 'Privacyfunctionaris',
            dueAt: ago(-6),
          },
        },
        {
          hoursAgo: 36,
          as: 'wieg-privacy',
          command: { type: 'update-containment-measure', measureId: measure(32), status: 'in-progress' },
        },
        {
          hoursAgo: 35.5,
          as: 'wieg-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(33),
            description: 'Aangifte doen bij de politie.',
            owner: 'Praktijkhouder',
            dueAt: ago(-24),
          },
        },
        {
          hoursAgo: 35,
          as: 'wieg-privacy',
          command: {
            type: 'update-checklist',
            answers: checklist({
              kinds: ['confidentiality', 'availability'],
              cause: {
                category: 'stolen-device',
                description: 'Telefoon gestolen uit een auto; het toestel was beveiligd met een pincode.',
              },
              startedAt: ago(43),
              stillOngoing: 'no',
              dataCategories: ['name-address', 'contact', 'health'],
              records: { kind: 'range', min: 40, max: 60 },
              persons: { kind: 'range', min: 40, max: 60 },
              groups: ['clients', 'newborns'],
              recipients: {
                count: { kind: 'exact', value: 1 },
                known: 'no',
                maliceLikely: 'yes',
                professionalSecrecy: 'no',
                deletionConfirmed: 'no',
              },
              unintelligible: { encrypted: 'yes', encryptionStateOfTheArt: 'yes', keyCompromised: 'unknown' },
            }),
          },
        },
        { hoursAgo: 34, as: 'wieg-privacy', command: { type: 'complete-overview' } },
        {
          hoursAgo: 30,
          as: 'wieg-fg',
          command: {
            type: 'record-dpo-advice',
            text: 'Het toestel was versleuteld, maar of de pincode bekend was is onzeker. Bij twijfel melden.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000002',
      organisation: 'vp-de-wieg',
      summary: 'Overview (step 3) under way: the checklist partly filled in, the rest still unknown.',
      report: {
        hoursAgo: 30,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Een uitnodiging voor de zwangerschapscursus is naar alle deelnemers gestuurd met de adressen zichtbaar in het aan-veld in plaats van in bcc.',
          discoveredAt: ago(30.5),
          stillOngoing: 'no',
          howDiscovered: 'Een deelnemer wees ons erop in een antwoord aan iedereen.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [
        {
          hoursAgo: 28,
          as: 'wieg-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning:
              'De deelnemers zien van elkaar dat zij zwanger zijn en hoe zij te bereiken zijn: gezondheidsgegevens bij onbevoegden.',
          },
        },
        {
          hoursAgo: 27,
          as: 'wieg-privacy',
          command: {
            type: 'update-checklist',
            answers: {
              kinds: ['confidentiality'],
              cause: {
                category: 'misdirected-email',
                description: 'Adressen in het aan-veld gezet in plaats van in bcc.',
              },
              dataCategories: ['contact', 'health'],
              groups: ['clients'],
              persons: { kind: 'range', min: 20, max: 30 },
            },
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000008',
      organisation: 'vp-het-nest',
      summary: 'An exercise (oefening): runs on the real clock, never counted in the register or for the AP.',
      report: {
        hoursAgo: 2,
        as: 'nest-medewerker',
        input: {
          whatHappened:
            'OEFENING: op de praktijkcomputer staat een melding dat alle bestanden versleuteld zijn en dat er losgeld betaald moet worden.',
          discoveredAt: ago(2.5),
          stillOngoing: 'yes',
          howDiscovered: 'Oefenscenario van de privacyfunctionaris, gestart in het teamoverleg.',
          otherOrganisationsInvolved: 'unknown',
          exercise: true,
        },
      },
      steps: [
        {
          hoursAgo: 1.5,
          as: 'nest-privacy',
          command: {
            type: 'add-containment-measure',
            measureId: measure(81),
            description: 'Computer van het netwerk gehaald.',
            owner: 'Praktijkmanager',
            dueAt: ago(1),
          },
        },
        {
          hoursAgo: 1.25,
          as: 'nest-privacy',
          command: { type: 'update-containment-measure', measureId: measure(81), status: 'done' },
        },
        {
          hoursAgo: 1,
          as: 'nest-privacy',
          command: {
            type: 'assess',
            conclusion: 'breach',
            reasoning:
              'Oefening: gijzelsoftware raakt de beschikbaarheid van het cliëntdossier en mogelijk de vertrouwelijkheid.',
          },
        },
      ],
    },
    {
      id: '6d0c1a7e-1f3d-4c55-9a41-000000000001',
      organisation: 'vp-de-wieg',
      summary: 'Just reported by an employee: waiting for the privacy officer, the clock running.',
      report: {
        hoursAgo: 4.75,
        as: 'wieg-medewerker',
        input: {
          whatHappened:
            'Na de avonddienst is de papieren overdrachtsmap niet meer te vinden. Mogelijk is hij bij een huisbezoek of in de auto blijven liggen.',
          discoveredAt: ago(5),
          stillOngoing: 'unknown',
          howDiscovered: 'De collega van de ochtenddienst miste de map bij de overdracht.',
          otherOrganisationsInvolved: 'no',
          exercise: false,
        },
      },
      steps: [],
    },
  ];
  return list.sort((a, b) => b.report.hoursAgo - a.report.hoursAgo);
}

/**
 * A complete step-3 answer set, typed in full so a scenario cannot leave a question out by accident. How it was
 * discovered stays the reporter's answer; a start left out is "not known" (null).
 */
function checklist(
  answers: Omit<BreachChecklist, 'howDiscovered' | 'startedAt'> & { startedAt?: Date },
): Partial<BreachChecklist> {
  return { startedAt: null, ...answers };
}
