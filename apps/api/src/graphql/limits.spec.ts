import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitsRule } from './limits';

const schema = buildSchema(`
  type Node { id: ID!, child: Node, name: String }
  type Query { node: Node }
`);
const rule = queryLimitsRule({ maxDepth: 4, maxAliases: 3, maxCost: 20, maxDirectives: 3, maxOperationNameLength: 10 });
const check = (query: string) => validate(schema, parse(query), [...specifiedRules, rule]).map((e) => e.message);

describe('queryLimitsRule', () => {
  it('accepts a query within all limits', () => {
    expect(check('{ node { id child { id name } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit, also through fragments', () => {
    expect(check('{ node { child { child { child { id } } } } }')).toEqual([
      'The query is 5 levels deep; the maximum is 4.',
    ]);
    expect(check('query { node { ...A } } fragment A on Node { child { child { child { id } } } }')).toEqual([
      'The query is 5 levels deep; the maximum is 4.',
    ]);
  });

  it('refuses an alias flood', () => {
    expect(check('{ a: node { id } b: node { id } c: node { id } d: node { id } }')).toEqual([
      'The query uses 4 aliases; the maximum is 3.',
    ]);
  });

  it('counts the expanded cost of nested fragments without expanding them exponentially', () => {
    const bomb = `
      query { node { ...F3 } }
      fragment F0 on Node { id name }
      fragment F1 on Node { child { ...F0 } name child2: child { ...F0 } }
      fragment F2 on Node { ...F1 child { ...F1 } }
      fragment F3 on Node { ...F2 child { ...F2 } }`;
    const messages = check(bomb);
    expect(messages.some((m) => /selects \d+ fields; the maximum is 20/.test(m))).toBe(true);
  });

  it('refuses more directives than the limit, known or not, counted over the whole document', () => {
    expect(check('{ node @skip(if: false) { id @include(if: true) name @include(if: true) } }')).toEqual([]);
    const flood = check('{ node { id @a @a @a @a } }');
    expect(flood).toContain('The query uses 4 directives; the maximum is 3.');
    expect(check('query Q @a { node { ...F } } fragment F on Node @b { id @c @d }')).toContain(
      'The query uses 4 directives; the maximum is 3.',
    );
  });

  it('refuses an operation name longer than the limit', () => {
    expect(check('query TenLetters { node { id } }')).toEqual([]);
    expect(check('query ElevenChars { node { id } }')).toEqual([
      'The operation name is 11 characters long; the maximum is 10.',
    ]);
    expect(check(`mutation ${'x'.repeat(100_000)} { node { id } }`)).toContain(
      'The operation name is 100000 characters long; the maximum is 10.',
    );
  });

  it('gives every refusal the QUERY_TOO_COMPLEX code and a Dutch message', () => {
    const [error] = validate(schema, parse('query ElevenChars { node { id } }'), [rule]);
    expect(error?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      i18n: {
        nl: 'De naam van de operatie is 11 tekens lang; het maximum is 10.',
        en: 'The operation name is 11 characters long; the maximum is 10.',
      },
    });
  });
});
