import { PERSONAL_DATA_CATEGORIES } from './checklist';
import {
  AVAILABILITY_LOSS,
  CATEGORY_SCORING,
  CONFIDENTIALITY_LOSS,
  dataProcessingContext,
  EASE_OF_IDENTIFICATION,
  ENISA_BASIC_SCORE,
  INTEGRITY_LOSS,
  MALICIOUS_INTENT,
  severityLevel,
  severityScore,
  type SeverityInputs,
} from './risk-factors';

describe('ENISA 2013 tables', () => {
  it('has the basic DPC scores of the four data types', () => {
    expect(ENISA_BASIC_SCORE).toEqual({ simple: 1, behavioural: 2, financial: 3, sensitive: 4 });
  });

  it('has the four ease-of-identification levels, linear', () => {
    expect(EASE_OF_IDENTIFICATION).toEqual({ negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 });
  });

  it('has the circumstances of the breach', () => {
    expect(Object.values(CONFIDENTIALITY_LOSS)).toEqual([0, 0.25, 0.5]);
    expect(Object.values(INTEGRITY_LOSS)).toEqual([0, 0.25, 0.5]);
    expect(Object.values(AVAILABILITY_LOSS)).toEqual([0, 0.25, 0.5]);
    expect(MALICIOUS_INTENT).toBe(0.5);
  });

  it('scores every checklist category', () => {
    for (const category of PERSONAL_DATA_CATEGORIES) expect(CATEGORY_SCORING[category]).toBeDefined();
    expect(CATEGORY_SCORING.health.type).toBe('sensitive');
    expect(CATEGORY_SCORING['identification-number']).toEqual({ type: 'simple', adjustment: 2, why: 'identity-fraud' });
  });
});

describe('severityLevel (ENISA §2.4)', () => {
  it.each([
    [0.25, 'low'],
    [1.99, 'low'],
    [2, 'medium'],
    [2.99, 'medium'],
    [3, 'high'],
    [3.99, 'high'],
    [4, 'very-high'],
    [6, 'very-high'],
  ])('%s is %s', (score, level) => {
    expect(severityLevel(score)).toBe(level);
  });
});

describe('dataProcessingContext', () => {
  it('takes the most critical category', () => {
    expect(dataProcessingContext(['contact', 'financial'], []).score).toBe(3);
    expect(dataProcessingContext(['contact', 'health'], []).drivenBy).toBe('health');
  });

  it('adds the context adjustments and caps at 4', () => {
    expect(dataProcessingContext(['name-address'], ['healthcare-context']).score).toBe(3);
    expect(dataProcessingContext(['name-address'], ['healthcare-context', 'vulnerable-persons']).score).toBe(4);
    expect(dataProcessingContext(['health'], ['healthcare-context', 'vulnerable-persons']).score).toBe(4);
    expect(dataProcessingContext(['identification-number'], ['healthcare-context']).score).toBe(4);
  });

  it('names the more sensitive category on a tie', () => {
    expect(
      dataProcessingContext(['name-address', 'health'], ['healthcare-context', 'vulnerable-persons']).drivenBy,
    ).toBe('health');
  });

  it('refuses an empty list (unknown is resolved by the caller)', () => {
    expect(() => dataProcessingContext([], [])).toThrow(/at least one category/);
  });
});

describe('severityScore: SE = DPC × EI + CB', () => {
  const base: SeverityInputs = {
    categories: ['contact'],
    contextAdjustments: [],
    easeOfIdentification: 'maximum',
    kinds: ['confidentiality'],
    confidentiality: 'known-recipients',
    integrity: 'irrecoverable',
    availability: 'permanent',
    malicious: false,
  };

  it('computes a supermarket-style customer list sent to a known recipient: 1 × 1 + 0.25 = 1.25, low', () => {
    expect(severityScore(base)).toMatchObject({ score: 1.25, level: 'low', ei: 1 });
  });

  it('only counts the circumstances of the kinds that occurred', () => {
    const s = severityScore({ ...base, kinds: ['availability'] });
    expect(s.cb).toEqual({ confidentiality: 0, integrity: 0, availability: 0.5, maliciousIntent: 0, total: 0.5 });
    const all = severityScore({ ...base, kinds: ['confidentiality', 'integrity', 'availability'], malicious: true });
    expect(all.cb.total).toBe(1.75);
    expect(all.score).toBe(2.75);
  });

  it('multiplies the DPC by the ease of identification', () => {
    const s = severityScore({ ...base, categories: ['health'], easeOfIdentification: 'limited' });
    expect(s.score).toBe(2.25);
    expect(s.level).toBe('medium');
  });

  it('health data of a named client to unknown recipients with malice: 4 × 1 + 0.5 + 0.5 = 5, very high', () => {
    const s = severityScore({
      ...base,
      categories: ['health'],
      confidentiality: 'unknown-recipients',
      malicious: true,
    });
    expect(s.score).toBe(5);
    expect(s.level).toBe('very-high');
  });
});
