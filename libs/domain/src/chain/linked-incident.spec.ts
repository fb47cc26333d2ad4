import { FREE_TEXT_MAX } from '../breach/problems';
import { reportBreach } from '../breach/report';
import { fixedClock } from '../time/clock';
import { linkedIncidentReport } from './linked-incident';

const SENT = new Date('2026-03-29T09:15:00Z');
const CHAIN = { reference: 'DL-2026-0042', exercise: false };
const CONTENT = {
  nature: 'Een account keek zonder recht in dossiers via de viewer.',
  impact: 'Gegevens van uw cliënten kunnen zijn ingezien.',
  measures: 'Het account is geblokkeerd.',
  affectedRecords: 12,
};
const PARTNER_EMPLOYEE = { personId: 'p-sender', roles: ['employee'] as const };

describe('linkedIncidentReport: the report that opens an informed partner’s own incident', () => {
  it('carries the shared facts with the chain reference and the reporter, discovered at the sending', () => {
    const report = linkedIncidentReport(CHAIN, 'Verloskundigenpraktijk De Wieg', CONTENT, SENT);
    expect(report.whatHappened).toBe(
      [
        'Ketenmelding DL-2026-0042 van Verloskundigenpraktijk De Wieg: Een account keek zonder recht in dossiers via de viewer.',
        'Mogelijke gevolgen: Gegevens van uw cliënten kunnen zijn ingezien.',
        'Maatregelen: Het account is geblokkeerd.',
        'Aantal mogelijk betrokken dossiers: 12',
      ].join('\n\n'),
    );
    expect(report.discoveredAt).toEqual(SENT);
    expect(report.howDiscovered).toContain('Verloskundigenpraktijk De Wieg');
    // Already coordinated by the chain: the partner's own report must not start a second chain incident.
    expect(report.otherOrganisationsInvolved).toBe('no');
    expect(report.exercise).toBe(false);
    expect(linkedIncidentReport({ ...CHAIN, exercise: true }, 'X', CONTENT, SENT).exercise).toBe(true);
  });

  it('leaves out an unknown number of records but keeps a known zero', () => {
    const unknown = linkedIncidentReport(CHAIN, 'De Wieg', { ...CONTENT, affectedRecords: null }, SENT);
    expect(unknown.whatHappened).not.toContain('dossiers:');
    const zero = linkedIncidentReport(CHAIN, 'De Wieg', { ...CONTENT, affectedRecords: 0 }, SENT);
    expect(zero.whatHappened).toContain('Aantal mogelijk betrokken dossiers: 0');
  });

  it('is cut to the free-text limit by code point, so the longest shared text still opens a valid incident', () => {
    // An emoji is one code point of two UTF-16 units: a cut by units would keep half as many characters.
    const long = { ...CONTENT, nature: '🙂'.repeat(FREE_TEXT_MAX) };
    const report = linkedIncidentReport(CHAIN, 'De Wieg', long, SENT);
    expect([...report.whatHappened]).toHaveLength(FREE_TEXT_MAX);
    // No lone surrogate at the cut: the text round-trips through UTF-8 unchanged.
    expect(Buffer.from(report.whatHappened, 'utf8').toString('utf8')).toBe(report.whatHappened);
    const opened = reportBreach(report, PARTNER_EMPLOYEE, fixedClock(SENT));
    expect(opened.ok).toBe(true);
  });

  it('opens a valid incident from an ordinary notification', () => {
    const opened = reportBreach(
      linkedIncidentReport(CHAIN, 'De Wieg', CONTENT, SENT),
      PARTNER_EMPLOYEE,
      fixedClock(SENT),
    );
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(opened.incident.report.discoveredAt).toEqual(SENT);
    expect(opened.incident.report.otherOrganisationsInvolved).toBe('no');
  });
});
