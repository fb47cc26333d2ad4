import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitsRule } from './limits';

const schema = buildSchema(`
  type Node { id: ID!, child: Node, name: String }
  type Query { node: Node }
`);
const rule = queryLimitsRule({ maxDepth: 4, maxAliases: 3, maxCost: 20 });
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
});
