import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Directives in the whole document (`@include`, `@skip`, and any unknown one a flood repeats). */
  maxDirectives: number;
  /** Characters of an operation's name: the name is recorded in the access log. */
  maxOperationNameLength: number;
}

function tooComplex(nl: string, en: string): GraphQLError {
  return new GraphQLError(en, { extensions: { code: 'QUERY_TOO_COMPLEX', i18n: { nl, en } } });
}

/** The refusal for an operation name over the limit, whether named in the document or in the request body. */
export function operationNameTooLong(length: number, max: number): GraphQLError {
  return tooComplex(
    `De naam van de operatie is ${length} tekens lang; het maximum is ${max}.`,
    `The operation name is ${length} characters long; the maximum is ${max}.`,
  );
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * One validation rule for the limits of a document: depth, aliases, cost (every field selection counts 1, fragments
 * expanded), directives and operation-name length. The token count is capped earlier, by the parser itself
 * (`parseOptions.maxTokens`, see graphql-options.ts). Fragment measures are memoised, so a "fragment bomb" is measured in linear time and still counts its
 * full expanded cost. Cycles are left to graphql-js's NoFragmentCycles rule; here they just stop the walk.
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const memo = new Map<string, Measure>();
    const visiting = new Set<string>();

    const measure = (set: SelectionSetNode | undefined): Measure => {
      if (!set) return { depth: 0, cost: 0 };
      let depth = 0;
      let cost = 0;
      for (const selection of set.selections) {
        let inner: Measure;
        if (selection.kind === Kind.FIELD) {
          const child = measure(selection.selectionSet);
          inner = { depth: child.depth + 1, cost: child.cost + 1 };
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const known = memo.get(name);
          if (known) inner = known;
          else if (visiting.has(name) || !fragments.has(name)) inner = { depth: 0, cost: 0 };
          else {
            visiting.add(name);
            inner = measure(fragments.get(name)!.selectionSet);
            visiting.delete(name);
            memo.set(name, inner);
          }
        }
        depth = Math.max(depth, inner.depth);
        cost = Math.min(cost + inner.cost, Number.MAX_SAFE_INTEGER);
      }
      return { depth, cost };
    };

    let aliases = 0;
    let directives = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Directive() {
        directives++;
      },
      OperationDefinition(node) {
        const length = node.name?.value.length ?? 0;
        if (length > limits.maxOperationNameLength) {
          context.reportError(operationNameTooLong(length, limits.maxOperationNameLength));
        }
      },
      Document: {
        leave(document) {
          if (directives > limits.maxDirectives) {
            context.reportError(
              tooComplex(
                `De vraag gebruikt ${directives} directieven; het maximum is ${limits.maxDirectives}.`,
                `The query uses ${directives} directives; the maximum is ${limits.maxDirectives}.`,
              ),
            );
          }
          if (aliases > limits.maxAliases) {
            context.reportError(
              tooComplex(
                `De vraag gebruikt ${aliases} aliassen; het maximum is ${limits.maxAliases}.`,
                `The query uses ${aliases} aliases; the maximum is ${limits.maxAliases}.`,
              ),
            );
          }
          for (const def of document.definitions) {
            if (def.kind !== Kind.OPERATION_DEFINITION) continue;
            const { depth, cost } = measure(def.selectionSet);
            if (depth > limits.maxDepth) {
              context.reportError(
                tooComplex(
                  `De vraag is ${depth} niveaus diep; het maximum is ${limits.maxDepth}.`,
                  `The query is ${depth} levels deep; the maximum is ${limits.maxDepth}.`,
                ),
              );
            }
            if (cost > limits.maxCost) {
              context.reportError(
                tooComplex(
                  `De vraag vraagt ${cost} velden op; het maximum is ${limits.maxCost}.`,
                  `The query selects ${cost} fields; the maximum is ${limits.maxCost}.`,
                ),
              );
            }
          }
        },
      },
    };
  };
}
