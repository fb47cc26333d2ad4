import { ApiError } from '../errors/api-error';
import { TextInputPipe } from './text-input.pipe';

const pipe = new TextInputPipe();

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('TextInputPipe', () => {
  it('passes clean arguments through unchanged, line breaks in free text included', () => {
    const input = { name: 'De Wieg', notes: 'regel 1\nregel 2\r\n\tingesprongen', tags: ['a', 'b'], count: 3 };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
    expect(pipe.transform(null, { type: 'body', data: 'after' })).toBeNull();
  });

  it('names every offending string by its path: argument, nested fields, list items', () => {
    const error = refusal(() =>
      pipe.transform(
        { name: 'a\u0000', contact: { name: 'b\u202e' }, tags: ['ok', 'c\u200b'], ok: 'fine' },
        { type: 'body', data: 'input' },
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields.map((f) => f.field)).toEqual(['input.name', 'input.contact.name', 'input.tags[1]']);
    expect(error.fields[0]?.message.nl).toMatch(/^Het veld "input\.name" bevat een stuurteken \(U\+0000/);
    expect(error.fields[1]?.message.en).toMatch(/^The field "input\.contact\.name" contains an invisible formatting/);
  });

  it('checks a scalar argument under its own name, and a whole-args object by its keys', () => {
    expect(refusal(() => pipe.transform('x\u0000y', { type: 'body', data: 'id' })).fields[0]?.field).toBe('id');
    expect(refusal(() => pipe.transform({ id: '\u0085' }, { type: 'body' })).fields[0]?.field).toBe('id');
    expect(refusal(() => pipe.transform('\u0000', { type: 'body' })).fields[0]?.field).toBe('input');
  });

  it('applies to REST body, query and route parameters as well', () => {
    for (const type of ['body', 'query', 'param'] as const) {
      expect(() => pipe.transform({ q: '\u0000' }, { type, data: undefined })).toThrow(ApiError);
    }
  });

  it('leaves custom parameter decorators alone: they carry the API’s own objects, not input', () => {
    const actor = { displayName: 'x\u0000' };
    expect(pipe.transform(actor, { type: 'custom' })).toBe(actor);
  });

  it('reports at most ten problems, however long the list', () => {
    const error = refusal(() => pipe.transform(Array(1000).fill('\u0000'), { type: 'body', data: 'ids' }));
    expect(error.fields).toHaveLength(10);
    expect(error.fields[9]?.field).toBe('ids[9]');
  });
});
