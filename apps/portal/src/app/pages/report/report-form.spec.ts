import { FREE_TEXT_MAX } from '@babyconnect/domain';
import {
  type ReportValues,
  asksChainScenario,
  discoveredAtProblem,
  inlineWarnings,
  reportFieldOf,
  toReportInput,
  validateReport,
} from './report-form';

const NOW = new Date('2026-03-12T22:45:00Z'); // 23:45 in Amsterdam
const valid: ReportValues = {
  whatHappened: '  Verslag naar de verkeerde gynaecoloog gemaild.  ',
  discoveredAt: '2026-03-12T23:40',
  stillOngoing: 'NO',
  howDiscovered: '',
  otherOrganisationsInvolved: 'UNKNOWN',
  exercise: true,
};

describe('the report form', () => {
  it('accepts a complete report and builds the API input in UTC', () => {
    expect(validateReport(valid, NOW)).toEqual({});
    expect(toReportInput(valid, false)).toEqual({
      whatHappened: 'Verslag naar de verkeerde gynaecoloog gemaild.',
      discoveredAt: '2026-03-12T22:40:00.000Z',
      stillOngoing: 'NO',
      howDiscovered: null,
      otherOrganisationsInvolved: 'UNKNOWN',
      exercise: true,
    });
    expect(toReportInput(valid, true).confirmPrivacyWarnings).toBe(true);
  });

  it('sends the chain situation only while the question is asked (other organisations: yes or unknown)', () => {
    expect(toReportInput({ ...valid, chainScenario: 'C' }, false).chainScenario).toBe('C');
    expect(
      toReportInput({ ...valid, otherOrganisationsInvolved: 'YES', chainScenario: 'B' }, false).chainScenario,
    ).toBe('B');
    // Answered, then "no" chosen: the question went away, and so does the answer.
    expect(toReportInput({ ...valid, otherOrganisationsInvolved: 'NO', chainScenario: 'C' }, false)).not.toHaveProperty(
      'chainScenario',
    );
    expect(toReportInput({ ...valid, chainScenario: null }, false)).not.toHaveProperty('chainScenario');
    expect(asksChainScenario({ otherOrganisationsInvolved: 'UNKNOWN' })).toBe(true);
    expect(asksChainScenario({ otherOrganisationsInvolved: 'NO' })).toBe(false);
    expect(asksChainScenario({ otherOrganisationsInvolved: null })).toBe(false);
    expect(reportFieldOf('input.chainScenario')).toBe('chainScenario');
  });

  it('names each missing answer at its field', () => {
    const problems = validateReport(
      { ...valid, whatHappened: ' \n ', stillOngoing: null, otherOrganisationsInvolved: null, discoveredAt: '' },
      NOW,
    );
    expect(problems).toEqual({
      whatHappened: { key: 'report.error.required' },
      discoveredAt: { key: 'report.error.required' },
      stillOngoing: { key: 'report.error.choose' },
      otherOrganisationsInvolved: { key: 'report.error.choose' },
    });
  });

  it('refuses a discovery in the future (beyond the API’s five minutes of clock skew) or before 2016', () => {
    expect(discoveredAtProblem('2026-03-12T23:50', NOW)).toBeNull(); // 5 minutes ahead: a phone's clock
    expect(discoveredAtProblem('2026-03-12T23:51', NOW)).toEqual({ key: 'report.error.future' });
    expect(discoveredAtProblem('2015-12-31T23:59', NOW)).toEqual({ key: 'report.error.tooEarly' });
    expect(discoveredAtProblem('2026-02-30T10:00', NOW)).toEqual({ key: 'report.error.dateTime' });
  });

  it('refuses text the API would refuse: too long, or with control and invisible characters', () => {
    const long = validateReport({ ...valid, whatHappened: 'a'.repeat(FREE_TEXT_MAX + 1) }, NOW);
    expect(long.whatHappened).toEqual({
      key: 'report.error.tooLong',
      params: { length: FREE_TEXT_MAX + 1, max: FREE_TEXT_MAX },
    });
    expect(validateReport({ ...valid, whatHappened: 'a'.repeat(FREE_TEXT_MAX) }, NOW)).toEqual({});
    expect(validateReport({ ...valid, howDiscovered: 'belde\u202Eop' }, NOW).howDiscovered).toEqual({
      key: 'report.error.character',
      params: { position: 6, code: 'U+202E' },
    });
    expect(validateReport({ ...valid, whatHappened: 'regel een\nregel twee\tmet tab' }, NOW)).toEqual({});
  });

  it('warns while typing with the domain’s privacy guard, naming field, kind and position, never the value', () => {
    const warnings = inlineWarnings(
      { whatHappened: 'Mail ging naar j.jansen@example.org per ongeluk', howDiscovered: 'BSN 123456782' },
      'nl',
    );
    expect(warnings).toEqual([
      { field: 'whatHappened', kind: 'email-address', kindText: 'een e-mailadres', positions: [16] },
      { field: 'howDiscovered', kind: 'bsn', kindText: 'een burgerservicenummer (BSN)', positions: [5] },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('jansen');
    // A number that fails the 11-test is no BSN.
    expect(inlineWarnings({ whatHappened: 'Dossier 123456789', howDiscovered: '' }, 'nl')).toEqual([]);
  });

  it('maps the API’s field names to the form’s', () => {
    expect(reportFieldOf('whatHappened')).toBe('whatHappened');
    expect(reportFieldOf('input.discoveredAt')).toBe('discoveredAt');
    expect(reportFieldOf('actor')).toBeNull();
  });
});
