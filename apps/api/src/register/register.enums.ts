import { registerEnumType } from '@nestjs/graphql';
import { COMMUNICATION_CHANNELS, LETTER_LANGUAGES, LETTER_VARIANTS } from '@babyconnect/domain';

/** The register's closed lists as GraphQL enums, named like the incident's (`public-communication` → `PUBLIC_COMMUNICATION`). */
function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<string, T> {
  const enumObject = Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<
    string,
    T
  >;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const LetterLanguageEnum = enumOf(
  LETTER_LANGUAGES,
  'LetterLanguage',
  'Taal van de brief: Nederlands of Engels.',
);
export const LetterVariantEnum = enumOf(
  LETTER_VARIANTS,
  'LetterVariant',
  'Een persoonlijke brief, of een openbare mededeling (AVG art. 34 lid 3 c).',
);
export const CommunicationChannelEnum = enumOf(
  COMMUNICATION_CHANNELS,
  'CommunicationChannel',
  'Hoe de organisatie de betrokkenen bereikte.',
);
