import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * One change per request: a request is one transaction with one access-log row, so a document with two mutation
 * fields could not be answered honestly when the second fails (the first would be rolled back with it).
 */
export function singleMutationRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return;
      const fields = node.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || s.name.value !== '__typename');
      if (fields.length > 1) {
        const nl = 'Stuur één wijziging per verzoek.';
        const en = 'Send one change per request.';
        context.reportError(
          new GraphQLError(en, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX', i18n: { nl, en } } }),
        );
      }
    },
  };
}
