import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LocalisedText', { description: 'Een tekst in het Nederlands en het Engels.' })
export class LocalisedTextType {
  @Field() nl!: string;
  @Field() en!: string;
}
