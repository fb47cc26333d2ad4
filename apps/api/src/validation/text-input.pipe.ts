import { Injectable, type ArgumentMetadata, type PipeTransform, type Provider } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { findForbiddenCharacter, forbiddenCharacterText } from '@babyconnect/domain';
import { errors, type FieldProblem } from '../errors/api-error';

/** Enough to fix a form; a list of thousands of bad strings should not produce a message of thousands of lines. */
const MAX_PROBLEMS = 10;

/**
 * The text rule for every input of the API, in one place instead of per field: no string argument may carry a
 * control character (TAB, LF and CR excepted, so free text can have lines), an invisible formatting character
 * (bidi overrides, zero-width characters, …) or an unpaired surrogate (libs/domain/src/text/characters.ts says
 * why). Each offending string is a field error with its path (`id`, `input.name`, `input.items[2]`), never an
 * INTERNAL_SERVER_ERROR from the database or the access log further on.
 *
 * GraphQL `@Args` reach pipes with type `body`; REST `@Body`/`@Query`/`@Param` too. Custom parameter decorators
 * (`@CurrentActor`, `@Audit`) carry the API's own objects, not input, and are left alone. Enum values and ids are
 * strings and checked like any other; per-field rules (lengths, formats) stay with the feature's validation.
 */
@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: FieldProblem[] = [];
    collectTextProblems(value, metadata.data ?? '', problems);
    if (problems.length > 0) throw errors.invalidInput(problems);
    return value;
  }
}

/** For `providers` of the application module: applies the pipe to every argument of every resolver and route. */
export const textInputPipeProvider: Provider = { provide: APP_PIPE, useClass: TextInputPipe };

export function collectTextProblems(value: unknown, path: string, problems: FieldProblem[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value, { lineBreaks: true });
    if (found) {
      const field = path || 'input';
      problems.push({
        field,
        message: forbiddenCharacterText({ nl: `Het veld "${field}"`, en: `The field "${field}"` }, found),
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectTextProblems(item, `${path}[${index}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    // GraphQL input objects arrive as plain objects (field names come from the schema, so only values are checked).
    for (const [key, item] of Object.entries(value)) collectTextProblems(item, path ? `${path}.${key}` : key, problems);
  }
}
