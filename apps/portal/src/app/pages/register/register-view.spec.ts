import {
  type ApAnswers,
  allText,
  instantOf,
  sectionsView,
  submissionMode,
} from '../ap-notification/ap-notification-view';
import { type LetterData, letterFileName, paragraphs, startingText } from '../letter/letter-view';
import { EMPTY_FORM, dayStart, exportFileName, exportQuery, toFilter } from './register-view';

describe('register view helpers', () => {
  it('turns Amsterdam calendar days into instants; "to" is inclusive (start of the next day), also across DST', () => {
    expect(dayStart('2026-03-02')?.toISOString()).toBe('2026-03-01T23:00:00.000Z'); // CET
    expect(dayStart('2026-07-01')?.toISOString()).toBe('2026-06-30T22:00:00.000Z'); // CEST
    // 25 October 2026: summer time ends; the next day starts at 23:00 UTC.
    expect(dayStart('2026-10-25', true)?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(dayStart('gisteren')).toBeNull();
  });

  it('builds one filter for the list and the exports; only what is set goes into the URL', () => {
    const filter = toFilter({ ...EMPTY_FORM, from: '2026-03-01', kind: 'CONFIDENTIALITY', late: 'yes' }, false);
    expect(filter).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: null,
      stage: null,
      kind: 'CONFIDENTIALITY',
      notified: null,
      late: true,
      nearMisses: false,
    });
    expect(exportQuery(filter, 'nl')).toBe('from=2026-02-28T23%3A00%3A00.000Z&kind=CONFIDENTIALITY&late=true&lang=nl');
    expect(exportQuery(toFilter({ ...EMPTY_FORM, notified: 'no' }, true), 'en')).toBe(
      'notified=false&nearMisses=true&lang=en',
    );
  });

  it('names downloads safely', () => {
    expect(exportFileName('xlsx', false, new Date('2026-03-02T10:00:00Z'), 'Verloskundigenpraktijk De Wieg')).toBe(
      'datalekregister-Verloskundigenpraktijk_De_Wieg-2026-03-02.xlsx',
    );
    expect(exportFileName('pdf', true, new Date('2026-03-02T10:00:00Z'), '../x')).toBe(
      'bijna-incidenten-___x-2026-03-02.pdf',
    );
  });
});

describe('AP answers view', () => {
  const answers = {
    incidentId: 'i',
    reference: 'DL-2026-0004',
    missing: ['data.persons'],
    textNl: 'alles nl',
    textEn: 'all en',
    decidedToNotify: true,
    sections: [
      {
        key: 'personal-data',
        title: { nl: 'Persoonsgegevens', en: 'Personal data' },
        answers: [
          { key: 'data.categories', question: { nl: 'Soorten', en: 'Kinds' }, answer: { nl: 'naam', en: 'name' } },
          { key: 'data.persons', question: { nl: 'Aantal', en: 'Number' }, answer: null },
        ],
      },
    ],
    submission: null,
    followUps: [],
    withdrawal: null,
    communications: [],
  } as unknown as ApAnswers;

  it('shows each answer in the chosen language and keeps a missing one missing', () => {
    expect(sectionsView(answers, 'en')[0]!.answers).toEqual([
      { key: 'data.categories', question: 'Kinds', answer: 'name' },
      { key: 'data.persons', question: 'Number', answer: null },
    ]);
    expect(allText(answers, 'nl')).toBe('alles nl');
  });

  it('an untouched time field means now to the second; a typed one its Amsterdam minute', () => {
    const now = new Date('2026-03-02T10:15:42Z');
    expect(instantOf('2026-03-02T11:15', '2026-03-02T11:15', () => now)).toBe(now);
    expect(instantOf('2026-03-02T11:10', '2026-03-02T11:15', () => now)?.toISOString()).toBe(
      '2026-03-02T10:10:00.000Z',
    );
  });

  it('offers to record the submission, then the reference, then nothing', () => {
    expect(submissionMode(answers)).toBe('record');
    const submitted = {
      ...answers,
      submission: { submittedAt: 'x', apReference: null, delayReasons: null, late: false, recordedAt: 'x' },
    };
    expect(submissionMode(submitted as ApAnswers)).toBe('add-reference');
    expect(
      submissionMode({ ...submitted, submission: { ...submitted.submission, apReference: 'M-1' } } as ApAnswers),
    ).toBe('recorded');
    expect(submissionMode({ ...answers, decidedToNotify: false } as ApAnswers)).toBe('not-decided');
  });
});

describe('letter view', () => {
  const data = {
    incidentId: 'i',
    reference: 'DL-2026-0001',
    draft: { language: 'NL', variant: 'LETTER', subject: 'Concept', body: 'a\n\nb' },
    versions: [
      { version: 3, language: 'EN', variant: 'LETTER', subject: 'v3', body: 'x', savedAt: 's', savedByName: null },
      { version: 2, language: 'NL', variant: 'LETTER', subject: 'v2', body: 'y', savedAt: 's', savedByName: null },
    ],
  } as unknown as LetterData;

  it('starts from the newest version of the same language and variant, else from the draft', () => {
    expect(startingText(data)).toEqual({ subject: 'v2', body: 'y', version: 2 });
    expect(startingText({ ...data, versions: [] })).toEqual({ subject: 'Concept', body: 'a\n\nb', version: null });
  });

  it('splits the preview into paragraphs on blank lines', () => {
    expect(paragraphs('Geachte heer, mevrouw,\n\nWat er is gebeurd:\n- regel\n\n\n')).toEqual([
      'Geachte heer, mevrouw,',
      'Wat er is gebeurd:\n- regel',
    ]);
  });
  it('names a downloaded letter after its own language and form, as the API does', () => {
    const letter = { language: 'NL', variant: 'LETTER' } as const;
    expect(letterFileName('DL-2026-0001', letter, null, 'pdf')).toBe('brief-betrokkenen-DL-2026-0001-concept.pdf');
    expect(letterFileName('DL-2026-0001', letter, 2, 'txt')).toBe('brief-betrokkenen-DL-2026-0001-v2.txt');
    const notice = { language: 'EN', variant: 'PUBLIC_COMMUNICATION' } as const;
    expect(letterFileName('DL-2026-0001', notice, null, 'txt')).toBe('public-communication-DL-2026-0001-draft.txt');
    expect(letterFileName('DL-2026-0001', notice, 3, 'pdf')).toBe('public-communication-DL-2026-0001-v3.pdf');
    expect(letterFileName('DL-2026-0001', { language: 'EN', variant: 'LETTER' }, null, 'pdf')).toBe(
      'letter-data-subjects-DL-2026-0001-draft.pdf',
    );
    expect(letterFileName('DL-2026-0001', { language: 'NL', variant: 'PUBLIC_COMMUNICATION' }, 1, 'pdf')).toBe(
      'publieke-mededeling-DL-2026-0001-v1.pdf',
    );
  });
});
